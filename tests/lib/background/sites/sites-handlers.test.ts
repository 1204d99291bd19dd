import { describe, expect, it } from 'vitest';
import { sitesHandlers, enabledSites, type SitesDeps } from '../../../../lib/background/handlers/sites';
import { bulkInsert } from '../../../../lib/db/index';
import type { Company } from '../../../../lib/model/records';
import { makeCustomer, makeOrder, NOW } from '../../db/factories';
import { fakePlatform } from './fake-platform';
import { testDeps } from '../fakes';

const TAB = 3;
const page = { sender: 'page', tabId: TAB } as const;
const content = { sender: 'content', tabId: TAB } as const;

function setup(tabs: Record<number, string> = {}) {
  const deps: SitesDeps = testDeps();
  const { db } = deps;
  const fake = fakePlatform(tabs);
  return { db, deps, ...fake, handlers: sitesHandlers(deps, fake.platform) };
}

function company(fields: Partial<Company> = {}): Company {
  return { id: 'co-1', name: 'Nordlicht Möbel', domains: ['nordlicht-moebel.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null, ...fields };
}

describe('site.context', () => {
  it("shows the company of the page's registrable domain with its contacts' combined revenue", async () => {
    const { db, handlers, badges, deps } = setup();
    const maria = makeCustomer({ name: 'Maria', companyId: 'co-1' });
    const piet = makeCustomer({ name: 'Piet', companyId: 'co-1' });
    const orders = [
      makeOrder({ customerId: maria.id, total: { currency: 'EUR', minor: 60_000 } }),
      makeOrder({ customerId: maria.id, total: { currency: 'EUR', minor: 30_000 } }),
      makeOrder({ customerId: piet.id, total: { currency: 'EUR', minor: 10_000 } }),
      makeOrder({ customerId: piet.id, total: { currency: 'DKK', minor: 5_000 } }),
    ];
    await bulkInsert(db, { customers: [maria, piet], companies: [company()], orders, interactions: [], notes: [] });

    await handlers['site.page']({ site: 'generic', host: 'www.shop.Nordlicht-Moebel.de' }, content);
    expect(deps.pushToTab).toHaveBeenCalledWith(TAB, expect.objectContaining({ type: 'context' }));
    const context = await handlers['site.context']({}, page);
    expect(context.site).toBe('generic');
    expect(context.domain).toBe('nordlicht-moebel.de');
    expect(context.company?.contacts.map((c) => c.name)).toEqual(['Maria', 'Piet']);
    expect(context.company?.revenue).toEqual([
      { currency: 'EUR', minor: 100_000 },
      { currency: 'DKK', minor: 5_000 },
    ]);
    expect(context.company?.orderCount).toBe(4);
    expect(badges.get(TAB)).toBe('2');
  });

  it('never identifies a company by a free-mail domain or a deleted company', async () => {
    const { db, handlers, badges } = setup();
    await bulkInsert(db, {
      customers: [],
      companies: [company({ id: 'co-2', domains: ['gmail.com'] }), company({ deletedAt: NOW })],
      orders: [],
      interactions: [],
      notes: [],
    });
    await handlers['site.page']({ site: 'generic', host: 'mail.gmail.com' }, content);
    expect(await handlers['site.context']({}, page)).toEqual({ site: 'generic', domain: null, company: null });
    await handlers['site.page']({ site: 'generic', host: 'nordlicht-moebel.de' }, content);
    expect((await handlers['site.context']({}, page)).company).toBeNull();
    expect(badges.get(TAB)).toBe('');
  });

  it('counts the customers among the people a tab reported for the badge', async () => {
    const { db, deps, handlers, badges } = setup();
    const tom = makeCustomer({ emails: ['tom@becker.example'] });
    await bulkInsert(db, { customers: [tom], companies: [], orders: [], interactions: [], notes: [] });
    await deps.tabs.report(
      TAB,
      {
        site: 'shopify',
        view: 'other',
        threadId: 'shopify/x/order/1',
        self: null,
        people: [
          { email: 'tom@becker.example', name: 'Tom', role: 'customer' },
          { email: 'new@person.example', name: '', role: 'customer' },
        ],
      },
      new Set(),
    );
    await handlers['site.page']({ site: 'shopify', host: null }, content);
    expect(await handlers['site.context']({}, page)).toMatchObject({ site: 'shopify', company: null });
    expect(badges.get(TAB)).toBe('1');
  });
});

describe('enabling a site', () => {
  it('refuses without the permission, then registers, lists and shows it on the current tab', async () => {
    const { handlers, granted, scripts, injected } = setup({ [TAB]: 'https://shop.example/wp-admin/post.php?post=1&action=edit' });
    await expect(handlers['site.enable']({ origin: 'https://shop.example', tabId: TAB }, page)).rejects.toMatchObject({ code: 'invalid' });
    expect(scripts.size).toBe(0);

    granted.add('https://shop.example/*');
    await handlers['site.enable']({ origin: 'https://shop.example', tabId: TAB }, page);
    expect([...scripts]).toEqual([['site:https://shop.example', 'https://shop.example/*']]);
    expect(injected).toEqual([TAB]);
    expect(await handlers['site.list']({}, page)).toEqual(['https://shop.example']);
    expect(await handlers['site.status']({ tabId: TAB }, page)).toEqual({ origin: 'https://shop.example', builtIn: false, enabled: true });

    // Enabling twice replaces the registration instead of failing on a duplicate id.
    await handlers['site.enable']({ origin: 'https://shop.example', tabId: null }, page);
    expect(scripts.size).toBe(1);
  });

  it('removes the script, the list entry and the permission when disabled', async () => {
    const { handlers, granted, scripts, platform } = setup();
    granted.add('https://shop.example/*');
    await handlers['site.enable']({ origin: 'https://shop.example', tabId: null }, page);
    await handlers['site.disable']({ origin: 'https://shop.example' }, page);
    expect(scripts.size).toBe(0);
    expect(granted.size).toBe(0);
    expect(platform.removeOrigin).toHaveBeenCalledWith('https://shop.example/*');
    expect(await handlers['site.list']({}, page)).toEqual([]);
  });

  it('refuses built-in sites and anything that is not a bare origin', async () => {
    const { handlers } = setup();
    await expect(handlers['site.enable']({ origin: 'https://mail.google.com', tabId: null }, page)).rejects.toMatchObject({ code: 'invalid' });
    await expect(handlers['site.enable']({ origin: 'https://admin.shopify.com', tabId: null }, page)).rejects.toMatchObject({ code: 'invalid' });
    await expect(handlers['site.disable']({ origin: 'HTTPS://Shop.Example:443' }, page)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('reports built-in and impossible pages in the status', async () => {
    const { handlers } = setup({ 1: 'https://mail.google.com/mail/u/0/#inbox', 2: 'chrome://extensions/' });
    expect(await handlers['site.status']({ tabId: 1 }, page)).toEqual({ origin: 'https://mail.google.com', builtIn: true, enabled: true });
    expect(await handlers['site.status']({ tabId: 2 }, page)).toEqual({ origin: null, builtIn: false, enabled: false });
    await expect(handlers['site.showOnce']({ tabId: 2 }, page)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('reconciles: re-registers a listed site and drops one whose permission is gone', async () => {
    const { deps, platform, granted, scripts } = setup();
    await deps.prefs.set({ enabledSites: ['https://a.example', 'https://b.example'] });
    granted.add('https://a.example/*');
    await enabledSites(deps, platform).reconcile();
    expect([...scripts.keys()]).toEqual(['site:https://a.example']);
    expect((await deps.prefs.get('enabledSites')).enabledSites).toEqual(['https://a.example']);
  });
});
