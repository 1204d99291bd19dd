import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_V1 } from '../../../lib/db/database';
import { mergeCustomers } from '../../../lib/db/customer-edit';
import { expandOrderFacts } from '../../../lib/db/order-facts';
import { makeCustomer, makeOrder, NOW } from './factories';

describe('database schema', () => {
  it('upgrades a version-1 database: orders kept, still found by customer, without the dropped indexes, order facts built', async () => {
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
    expect(db.verno).toBe(3);
    expect(db.orders.schema.indexes.map((i) => i.name).sort()).toEqual(['[customerId+orderedAt]', '[source+externalId]']);
    expect((await db.orders.where('customerId').equals('a').primaryKeys()).sort()).toEqual(['o1', 'o2']);
    expect(await db.orders.where('customerId').anyOf(['a', 'b']).count()).toBe(4);

    // Version 3 builds each customer's order facts from their live orders, oldest first.
    const factsOfA = await db.orderFacts.get('a');
    expect(factsOfA && expandOrderFacts(factsOfA)).toEqual([
      { id: 'o1', number: '#1001', orderedAt: NOW - 2, total: { currency: 'EUR', minor: 10_000 }, status: 'paid', deletedAt: null },
      { id: 'o2', number: null, orderedAt: NOW - 1, total: { currency: 'EUR', minor: 10_000 }, status: null, deletedAt: null },
    ]);
    expect((await db.orderFacts.get('b'))?.ids).toEqual(['o3']);

    // Merging moves orders by customerId: the compound index has to count as "owned by a customer".
    await mergeCustomers(db, 'a', ['b'], NOW);
    expect(await db.orders.where('customerId').equals('a').count()).toBe(4);
    // o3 (ten days old) is now a's first order; the tombstoned o4 never counts.
    expect((await db.orderFacts.get('a'))?.ids).toEqual(['o3', 'o1', 'o2']);
    db.close();
  });
});
