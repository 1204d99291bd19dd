import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { LATEST_SCHEMA, SCHEMA_V1, SCHEMA_V10, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V11, SCHEMA_V12 } from '../../../lib/db/schema';
import { bookOrders } from '../../../lib/db/orders/book';
import { countOrders, findByBookKeys } from '../../../lib/db/orders/store';
import { expandOrderFacts } from '../../../lib/db/orders/fact-rows';
import { getOrderFacts } from '../../../lib/db/orders/facts';
import { Customer, unknownConsent } from '../../../lib/model/records';
import { mergeCustomers } from '../../../lib/db/customer-edit';
import { makeCustomer, makeOrder, NOW } from './factories';

describe('database schema', () => {
  it('upgrades a version-1 database: orders moved into books, order facts and order keys built, the table of single orders dropped', async () => {
    const name = `crm-upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('customers').bulkAdd([makeCustomer({ id: 'a' }), makeCustomer({ id: 'b', emails: ['b@example.com'] })]);
    await v1.table('orders').bulkAdd([
      makeOrder({ id: 'o2', customerId: 'a', orderedAt: NOW - 1 }),
      makeOrder({ id: 'o1', customerId: 'a', orderedAt: NOW - 2, number: '#1001', status: 'paid' }),
      makeOrder({ id: 'o3', customerId: 'b' }),
      makeOrder({ id: 'o4', customerId: 'b', deletedAt: NOW - 5 }),
    ]);
    v1.close();

    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA);
    expect(db.tables.map((t) => t.name)).not.toContain('orders');
    expect(db.tables.map((t) => t.name)).not.toContain('orderFacts');
    // Version 4 puts each customer's orders, tombstones included, in one book, oldest first.
    expect(bookOrders((await db.orderBooks.get('a'))!).map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(bookOrders((await db.orderBooks.get('b'))!).map((o) => o.id).sort()).toEqual(['o3', 'o4']);
    expect(await countOrders(db)).toBe(4);
    // Version 7 records which book holds each order, by its key (here its id: no natural key).
    expect((await findByBookKeys(db, ['\u0001o3', '\u0001o4', '\u0001nope'])).size).toBe(2);
    expect((await findByBookKeys(db, ['\u0001o3'])).get('\u0001o3')?.customerId).toBe('b');

    // Version 6 builds each customer's order facts from the live orders in their book, oldest first.
    const factsOfA = await getOrderFacts(db, 'a');
    expect(factsOfA && expandOrderFacts(factsOfA)).toEqual([
      { id: 'o1', number: '#1001', orderedAt: NOW - 2, total: { currency: 'EUR', minor: 10_000 }, status: 'paid', deletedAt: null },
      { id: 'o2', number: null, orderedAt: NOW - 1, total: { currency: 'EUR', minor: 10_000 }, status: null, deletedAt: null },
    ]);
    expect((await getOrderFacts(db, 'b'))?.ids).toEqual(['o3']);

    await mergeCustomers(db, 'a', ['b'], NOW);
    expect((await db.orderBooks.get('a'))?.ids).toHaveLength(4);
    expect(await db.orderBooks.get('b')).toBeUndefined();
    expect((await findByBookKeys(db, ['\u0001o3'])).get('\u0001o3')?.customerId).toBe('a');
    // o3 (ten days old) is now a's first order; the tombstoned o4 never counts.
    expect((await getOrderFacts(db, 'a'))?.ids).toEqual(['o3', 'o1', 'o2']);
    db.close();
  });

  it('upgrades a version-9 database: the change journal is added, empty, and every row stays', async () => {
    const name = `crm-upgrade-${crypto.randomUUID()}`;
    const v9 = new Dexie(name, { indexedDB, IDBKeyRange });
    [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9].forEach((schema, i) => v9.version(i + 1).stores(schema));
    await v9.table('customers').bulkAdd([makeCustomer({ id: 'a' }), makeCustomer({ id: 'b' })]);
    await v9.table('meta').put({ key: 'k', value: 1 });
    await v9.table('settings').put({ key: 'settings', value: { cadenceDays: 1 } });
    v9.close();

    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA);
    expect(await db.customers.count()).toBe(2);
    expect((await db.meta.get('k'))?.value).toBe(1);
    expect((await db.settings.get('settings'))?.value).toEqual({ cadenceDays: 1 });
    expect(await db.changeJournal.count()).toBe(0);
    db.close();
  });

  it('upgrades a version-10 database: every customer gets unknown consent, nothing else changes, a recorded consent stays', async () => {
    const name = `crm-upgrade-${crypto.randomUUID()}`;
    const v10 = new Dexie(name, { indexedDB, IDBKeyRange });
    [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10].forEach((stores, i) => v10.version(i + 1).stores(stores));
    const before = withoutConsent(makeCustomer({ id: 'old', name: 'Old row', tags: ['vip'] }));
    const recorded = { doNotContact: { since: NOW - 3, reason: 'Asked us to stop' }, marketing: { email: 'no' as const, sms: 'yes' as const, whatsapp: 'unknown' as const }, marketingUpdatedAt: NOW - 3 };
    await v10.table('customers').bulkAdd([before, { ...makeCustomer({ id: 'set' }), consent: recorded }]);
    await v10.table('notes').add({ id: 'n1', customerId: 'old', body: 'kept', pinned: false, createdAt: 1, updatedAt: 1, deletedAt: null });
    v10.close();

    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA);
    const old = await db.customers.get('old');
    expect(old).toEqual({ ...before, consent: unknownConsent() });
    expect(Customer.parse(old)).toEqual(old);
    expect((await db.customers.get('set'))?.consent).toEqual(recorded);
    expect(await db.customers.count()).toBe(2);
    expect((await db.notes.get('n1'))?.body).toBe('kept');
    db.close();
  });

  it('parses a customer row without consent (an older backup or device) with unknown consent', () => {
    const row = withoutConsent(makeCustomer({ id: 'x' }));
    expect(Customer.parse(row).consent).toEqual(unknownConsent());
  });

  it('upgrades a version-11 database: team sync’s tables are added, empty, and every row stays', async () => {
    const name = `crm-upgrade-${crypto.randomUUID()}`;
    const v11 = new Dexie(name, { indexedDB, IDBKeyRange });
    [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11].forEach((stores, i) => v11.version(i + 1).stores(stores));
    await v11.table('customers').bulkAdd([makeCustomer({ id: 'a' }), makeCustomer({ id: 'b' })]);
    await v11.table('changeJournal').add({ table: 'customers', keys: ['a'], at: NOW, origin: 'local' });
    v11.close();

    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA);
    expect(await db.customers.count()).toBe(2);
    expect(await db.changeJournal.count()).toBe(1);
    expect(await db.syncDocs.count()).toBe(0);
    expect(await db.syncConflicts.count()).toBe(0);
    expect(await db.syncTeam.count()).toBe(0);
    db.close();
  });

  it('upgrades a version-12 database: the dashboard book table is added, empty, and every row stays', async () => {
    const name = `crm-upgrade-${crypto.randomUUID()}`;
    const v12 = new Dexie(name, { indexedDB, IDBKeyRange });
    [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11, SCHEMA_V12].forEach((stores, i) => v12.version(i + 1).stores(stores));
    const a = makeCustomer({ id: 'a' });
    await v12.table('customers').bulkAdd([a, makeCustomer({ id: 'b' })]);
    await v12.table('changeJournal').add({ table: 'customers', keys: ['a'], at: NOW, origin: 'local' });
    await v12.table('syncTeam').put({ key: 'team', value: { url: 'http://127.0.0.1:5984' } });
    v12.close();

    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(13);
    expect(await db.customers.get('a')).toEqual(a);
    expect(await db.customers.count()).toBe(2);
    expect(await db.changeJournal.count()).toBe(1);
    expect(await db.syncTeam.count()).toBe(1);
    expect(await db.dashboardBooks.count()).toBe(0);
    db.close();
  });
});

/** A customer row as written before consent existed. */
function withoutConsent(customer: Customer): Omit<Customer, 'consent'> {
  const row: Partial<Customer> = { ...customer };
  delete row.consent;
  return row as Omit<Customer, 'consent'>;
}
