import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMenuClick, mailtoAddress, MENU_IDS, type MenuDeps } from '../../../lib/background/context-menus';
import type { CrmDatabase } from '../../../lib/db/schema';
import type { QuickNoteDraft } from '../../../lib/messaging/protocol';
import { NOW, freshDatabase, seedCustomer } from '../db/factories';

describe('mailtoAddress', () => {
  it.each([
    ['mailto:Maria@Nordlicht.de', 'maria@nordlicht.de'],
    ['mailto:maria%40nordlicht.de?subject=Hi', 'maria@nordlicht.de'],
    ['mailto:a@x.de,b@y.de', 'a@x.de'],
    ['MAILTO:a@x.de', 'a@x.de'],
  ])('reads %j as %j', (url, email) => {
    expect(mailtoAddress(url)).toBe(email);
  });

  it.each(['https://x.de', 'mailto:', 'mailto:not-an-address', 'mailto:%E0%A4%A'])('refuses %j', (url) => {
    expect(mailtoAddress(url)).toBeNull();
  });
});

describe('handleMenuClick', () => {
  let db: CrmDatabase;
  let drafts: QuickNoteDraft[];
  let opened: number;
  let deps: MenuDeps;

  beforeEach(() => {
    db = freshDatabase();
    drafts = [];
    opened = 0;
    deps = {
      db,
      putDraft: async (draft) => void drafts.push(draft),
      openQuickNote: async () => void (opened += 1),
      now: () => NOW,
    };
  });
  afterEach(() => db.delete());

  it('opens the quick note with the selected text as the note', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.noteFromSelection, selectionText: '  Invoice to the Hamburg office ' }, 7, deps);
    expect(drafts).toEqual([{ body: 'Invoice to the Hamburg office', email: null, customerId: null, tabId: 7 }]);
    expect(opened).toBe(1);
  });

  it('adds a mailto address as a customer and opens the quick note on them', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:jonas@kaffeerad.de', linkText: 'Jonas Weber' }, 3, deps);
    const [customer] = await db.customers.toArray();
    expect(customer).toMatchObject({ name: 'Jonas Weber', emails: ['jonas@kaffeerad.de'] });
    expect(drafts).toEqual([{ body: '', email: 'jonas@kaffeerad.de', customerId: customer?.id, tabId: 3 }]);
  });

  it('does not add a second customer for a known address', async () => {
    const known = await seedCustomer(db, { emails: ['jonas@kaffeerad.de'] });
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:jonas@kaffeerad.de' }, null, deps);
    expect(await db.customers.count()).toBe(1);
    expect(drafts[0]?.customerId).toBe(known.id);
  });

  it('opens a note about an unknown address without adding it', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.noteAboutAddress, linkUrl: 'mailto:new@shop.de' }, null, deps);
    expect(await db.customers.count()).toBe(0);
    expect(drafts).toEqual([{ body: '', email: 'new@shop.de', customerId: null, tabId: null }]);
  });

  it('ignores a link that is not a mailto', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'javascript:alert(1)' }, null, deps);
    expect(drafts).toEqual([]);
    expect(opened).toBe(0);
  });
});
