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
    expect(await send('import.commit', { importId, chunks: 1 })).toMatchObject({ ok: true, data: { customersCreated: 1 } });
    // Held for the commit, then ten seconds more in case another file follows.
    expect(deferFull.mock.calls.slice(-2)).toEqual([[600_000], [10_000]]);
    expect(await deps.db.customers.count()).toBe(1);
  });
});

/** The manager's import messages through the router, against a database that outlives the handlers. */
function importRoute(db = testDeps().db, now = () => NOW) {
  const deps = testDeps(new Map(), { db, now });
  const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
  const route = createRouter({ ...others, ...managerHandlers(deps) } as Handlers, EXTENSION_ID);
  return (type: string, payload: unknown) => route({ type, payload }, MANAGER);
}

const draft = (i: number) => ({ key: `email:c${i}@example.com`, emails: [`c${i}@example.com`], name: `C ${i}`, phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'shopify', externalId: null });
const chunk = (seq: number) => Array.from({ length: 3 }, (_, i) => draft(seq * 3 + i));

describe('F6 service worker stopped mid-import (the commit checks the import is whole)', () => {
  it('refuses to commit an import missing a chunk, says so, and removes its staging', async () => {
    const db = testDeps().db;
    const first = importRoute(db);
    const { importId } = ((await first('import.begin', {})) as { data: { importId: string } }).data;
    expect(await first('import.stage', { importId, seq: 0, customers: chunk(0), orders: [] })).toMatchObject({ ok: true });
    // The worker stops; chunk 1 never reaches the database; the page asks to commit both.
    const second = importRoute(db);
    const refused = await second('import.commit', { importId, chunks: 2 });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid', message: 'This import is incomplete (1 of its 2 parts never arrived), so nothing was imported. Start it again.' } });
    expect(await db.customers.count()).toBe(0);
    expect(await db.importChunks.count()).toBe(0);
    // The import is gone: a late chunk or commit is refused, never half-applied.
    expect(await second('import.stage', { importId, seq: 1, customers: chunk(1), orders: [] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await second('import.commit', { importId, chunks: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await db.customers.count()).toBe(0);
  });

  it('resumes after a restart: chunks staged before and after it commit as one, with no duplicates', async () => {
    const db = testDeps().db;
    const before = importRoute(db);
    const { importId } = ((await before('import.begin', {})) as { data: { importId: string } }).data;
    expect(await before('import.stage', { importId, seq: 0, customers: chunk(0), orders: [] })).toMatchObject({ ok: true });
    const after = importRoute(db);
    expect(await after('import.stage', { importId, seq: 1, customers: chunk(1), orders: [] })).toMatchObject({ ok: true });
    // A retried message (the same sequence number again) replaces its chunk.
    expect(await after('import.stage', { importId, seq: 1, customers: chunk(1), orders: [] })).toMatchObject({ ok: true });
    expect(await after('import.commit', { importId, chunks: 2 })).toMatchObject({ ok: true, data: { customersCreated: 6 } });
    expect(await db.customers.count()).toBe(6);
    expect(await db.importChunks.count()).toBe(0);
  });

  it('refuses a commit claiming fewer chunks than were staged, and one of a cancelled import', async () => {
    const db = testDeps().db;
    const send = importRoute(db);
    const { importId } = ((await send('import.begin', {})) as { data: { importId: string } }).data;
    await send('import.stage', { importId, seq: 0, customers: chunk(0), orders: [] });
    await send('import.stage', { importId, seq: 1, customers: chunk(1), orders: [] });
    expect(await send('import.commit', { importId, chunks: 1 })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('holds 2 parts where 1 were sent') } });
    expect(await db.customers.count()).toBe(0);

    const other = ((await send('import.begin', {})) as { data: { importId: string } }).data.importId;
    await send('import.stage', { importId: other, seq: 0, customers: chunk(0), orders: [] });
    expect(await send('import.cancel', { importId: other })).toMatchObject({ ok: true });
    expect(await send('import.commit', { importId: other, chunks: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await db.customers.count()).toBe(0);
  });

  it('sweeps an abandoned import when a new one begins, and keeps one still alive', async () => {
    const db = testDeps().db;
    let now = NOW;
    const send = importRoute(db, () => now);
    const abandoned = ((await send('import.begin', {})) as { data: { importId: string } }).data.importId;
    await send('import.stage', { importId: abandoned, seq: 0, customers: chunk(0), orders: [] });
    now += 4 * 60 * 60_000;
    const alive = ((await send('import.begin', {})) as { data: { importId: string } }).data.importId;
    await send('import.stage', { importId: alive, seq: 0, customers: chunk(1), orders: [] });
    now += 60_000;
    await send('import.begin', {});
    expect(await send('import.commit', { importId: abandoned, chunks: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send('import.commit', { importId: alive, chunks: 1 })).toMatchObject({ ok: true, data: { customersCreated: 3 } });
  });
});
