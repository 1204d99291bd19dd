import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { bulkInsert, isDatabaseEmpty } from '../../../lib/db/index';
import { allOrders, DAY, NOW, freshDatabase, makeCustomer, makeInteraction, makeOrder } from './factories';

let db: CrmDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const empty = { customers: [], companies: [], orders: [], interactions: [], notes: [] };

describe('bulkInsert', () => {
  it('computes every customer’s figures from the batch when their stats come empty', async () => {
    const a = makeCustomer();
    const b = makeCustomer();
    await bulkInsert(db, {
      ...empty,
      customers: [a, b],
      orders: [makeOrder({ customerId: a.id, total: { currency: 'EUR', minor: 300 } }), makeOrder({ customerId: a.id, total: { currency: 'EUR', minor: 100 } })],
      interactions: [makeInteraction({ customerId: b.id, at: NOW - DAY })],
    });
    expect((await db.customers.get(a.id))?.stats).toMatchObject({ orderCount: 2, revenue: [{ currency: 'EUR', minor: 400 }], averageOrderMinor: 200 });
    expect((await db.customers.get(b.id))?.stats).toMatchObject({ orderCount: 0, lastTouchAt: NOW - DAY });
  });

  it('writes nothing when one record is invalid', async () => {
    const a = makeCustomer();
    const bad = makeOrder({ customerId: a.id, total: { currency: 'eur', minor: 1 } });
    await expect(bulkInsert(db, { ...empty, customers: [a], orders: [bad] })).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.customers.count()).toBe(0);
  });

  it('writes nothing when an id is already taken', async () => {
    const a = makeCustomer();
    await db.customers.add(a);
    const order = makeOrder({ customerId: a.id });
    await expect(bulkInsert(db, { ...empty, customers: [a, makeCustomer()], orders: [order] })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.customers.count()).toBe(1);
    expect(await allOrders(db)).toEqual([]);
  });
});

describe('isDatabaseEmpty', () => {
  it('is true for a new database and false once a customer exists', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    await db.customers.add(makeCustomer());
    expect(await isDatabaseEmpty(db)).toBe(false);
  });
});
