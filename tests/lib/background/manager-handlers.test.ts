import { describe, expect, it, vi } from 'vitest';
import { managerHandlers } from '../../../lib/background/handlers/manager';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { makeCustomer, NOW } from '../db/factories';
import type { BackgroundDeps } from '../../../lib/background/handlers/types';
import { heardChanges, testDeps } from './fakes';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MANAGER = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, tab: { id: 3 } };
const CONTENT = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };

/** The manager's company messages through the router, as the options page sends them. */
function setup() {
  const deps = testDeps(new Map());
  const changes = heardChanges(deps.db);
  const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
  const route = createRouter({ ...others, ...managerHandlers(deps) } as Handlers, EXTENSION_ID);
  const send = (type: string, payload: unknown, sender = MANAGER) => route({ type, payload }, sender);
  return { db: deps.db, send, changes };
}

const changesSeen = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('manager company handlers', () => {
  it('creates a company, announces the change, and lists it with its contacts’ figures', async () => {
    const { db, send, changes } = setup();
    const created = await send('manager.company.create', { name: 'Kaffeerad', domains: ['www.kaffeerad.de'] });
    expect(created).toMatchObject({ ok: true, data: { name: 'Kaffeerad', domains: ['kaffeerad.de'] } });
    const id = (created as { data: { id: string } }).data.id;
    expect(changes).toMatchObject([{ tables: ['companies'], companyIds: [id] }]);
    await db.customers.add(makeCustomer({ name: 'Jonas', companyId: id, stats: { orderCount: 2, revenue: [{ currency: 'EUR', minor: 4_200 }], currency: 'EUR', averageOrderMinor: 2_100, firstOrderAt: NOW - 10, lastOrderAt: NOW - 5, lastTouchAt: NOW - 5 } }));
    await changesSeen();

    // The page may leave sort, paging and search to their defaults.
    expect(await send('manager.companies', {})).toEqual({
      ok: true,
      data: { total: 1, offset: 0, rows: [{ id, name: 'Kaffeerad', domains: ['kaffeerad.de'], contactCount: 1, revenue: [{ currency: 'EUR', minor: 4_200 }], lastOrderAt: NOW - 5 }] },
    });
    expect(await send('manager.companies', { search: 'nobody', sort: 'contacts', descending: true })).toEqual({ ok: true, data: { total: 0, offset: 0, rows: [] } });
    // The company screen opens the created company.
    expect(await send('manager.company', { companyId: id })).toMatchObject({ ok: true, data: { company: { name: 'Kaffeerad' }, contacts: [{ name: 'Jonas' }] } });
  });

  it('answers a refused creation with the reason and announces nothing', async () => {
    const { db, send, changes } = setup();
    expect(await send('manager.company.create', { name: 'Lena', domains: ['gmail.com'] })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'gmail.com is a free-mail domain: its addresses belong to many people, so it cannot mark a company’s contacts.' },
    });
    expect(await send('manager.company.create', { name: '   ', domains: [] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await db.companies.count()).toBe(0);
    expect(changes).toEqual([]);
  });

  it('refuses the company list and creation from a content script', async () => {
    const { send } = setup();
    expect(await send('manager.companies', {}, CONTENT)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await send('manager.company.create', { name: 'Acme', domains: [] }, CONTENT)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});

describe('manager import handlers', () => {
  it('keep the full insights recompute waiting while an import begins, stages and commits, and a little after', async () => {
    const deferFull = vi.fn();
    const deps = testDeps(new Map(), { insights: { deferFull } as unknown as BackgroundDeps['insights'] });
    const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
    const route = createRouter({ ...others, ...managerHandlers(deps) } as Handlers, EXTENSION_ID);
    const send = (type: string, payload: unknown) => route({ type, payload }, MANAGER);

    const begun = (await send('import.begin', {})) as { data: { importId: string } };
    expect(deferFull).toHaveBeenLastCalledWith(30_000);
    const { importId } = begun.data;
    const customer = { key: 'email:ana@example.com', emails: ['ana@example.com'], name: 'Ana', phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'shopify', externalId: null };
    expect(await send('import.stage', { importId, seq: 0, customers: [customer], orders: [] })).toMatchObject({ ok: true });
    expect(deferFull).toHaveBeenLastCalledWith(30_000);
    expect(await send('import.commit', { importId })).toMatchObject({ ok: true, data: { customersCreated: 1 } });
    // Held for the commit, then ten seconds more in case another file follows.
    expect(deferFull.mock.calls.slice(-2)).toEqual([[600_000], [10_000]]);
    expect(await deps.db.customers.count()).toBe(1);
  });
});
