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

  it('opens the popup on the name of a new address, filled with the link text, adding no one before the name is confirmed', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:jonas@kaffeerad.de', linkText: '  Jonas\n Weber ' }, 3, deps);
    expect(await db.customers.count()).toBe(0);
    expect(drafts).toEqual([{ body: '', email: 'jonas@kaffeerad.de', customerId: null, name: 'Jonas Weber', tabId: 3 }]);
    expect(opened).toBe(1);
  });

  it('offers a name read from the address when the link text is the address, and none for a shared mailbox', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:jonas.weber@kaffeerad.de', linkText: 'Jonas.Weber@kaffeerad.de' }, 3, deps);
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:info@kaffeerad.de' }, 3, deps);
    expect(drafts.map((d) => d.name)).toEqual(['Jonas Weber', '']);
    expect(await db.customers.count()).toBe(0);
  });

  it('does not add a second customer for a known address', async () => {
    const known = await seedCustomer(db, { emails: ['jonas@kaffeerad.de'] });
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:jonas@kaffeerad.de' }, null, deps);
    expect(await db.customers.count()).toBe(1);
    expect(drafts[0]?.customerId).toBe(known.id);
  });

  it('opens a note about an unknown address without adding it', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.noteAboutAddress, linkUrl: 'mailto:anna@shop.de' }, null, deps);
    expect(await db.customers.count()).toBe(0);
    expect(drafts).toEqual([{ body: '', email: 'anna@shop.de', customerId: null, name: 'Anna', tabId: null }]);
  });

  it('ignores a link that is not a mailto', async () => {
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'javascript:alert(1)' }, null, deps);
    expect(drafts).toEqual([]);
    expect(opened).toBe(0);
  });
});
