import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addInteraction, addOrder, DbError, deleteOrder, getCustomerCard } from '../../../lib/db/index';
import type { Customer } from '../../../lib/model/records';
import { allOrders, DAY, NOW, freshDatabase, seedCustomer, storedOrder } from './factories';

let db: CrmDatabase;
let customer: Customer;

beforeEach(async () => {
  db = freshDatabase();
  customer = await seedCustomer(db);
});
afterEach(() => db.delete());

const stored = async () => (await db.customers.get(customer.id))?.stats;

describe('addOrder', () => {
  it('updates the customer’s figures when an order is added', async () => {
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - 3 * DAY, total: { currency: 'EUR', minor: 12_500 } }, NOW);
    expect(await stored()).toEqual({
      orderCount: 1,
      revenue: [{ currency: 'EUR', minor: 12_500 }],
      currency: 'EUR',
      averageOrderMinor: 12_500,
      firstOrderAt: NOW - 3 * DAY,
      lastOrderAt: NOW - 3 * DAY,
      lastTouchAt: NOW - 3 * DAY,
    });
    expect((await db.customers.get(customer.id))?.updatedAt).toBe(NOW);
  });

  it('keeps a second currency apart when an order in it is added', async () => {
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - 9 * DAY, total: { currency: 'EUR', minor: 10_000 } }, NOW);
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - DAY, total: { currency: 'CHF', minor: 4_000 } }, NOW);
    expect(await stored()).toMatchObject({
      orderCount: 2,
      revenue: [{ currency: 'EUR', minor: 10_000 }, { currency: 'CHF', minor: 4_000 }],
      currency: 'EUR',
      averageOrderMinor: 10_000,
      lastOrderAt: NOW - DAY,
    });
  });

  it('refuses an order for an unknown customer without writing it', async () => {
    const attempt = addOrder(db, { customerId: 'nobody', orderedAt: NOW, total: { currency: 'EUR', minor: 1 } }, NOW);
    await expect(attempt).rejects.toMatchObject({ code: 'not_found' });
    expect(await allOrders(db)).toEqual([]);
  });

  it('refuses an invalid total as invalid', async () => {
    const attempt = addOrder(db, { customerId: customer.id, orderedAt: NOW, total: { currency: 'euro', minor: 1.5 } }, NOW);
    await expect(attempt).rejects.toBeInstanceOf(DbError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses the same external order twice with the existing id', async () => {
    const input = { customerId: customer.id, orderedAt: NOW, total: { currency: 'EUR', minor: 100 }, source: 'shopify', externalId: '#1001' };
    const first = await addOrder(db, input, NOW);
    await expect(addOrder(db, input, NOW)).rejects.toMatchObject({ code: 'conflict', existingId: first.id });
    expect((await stored())?.orderCount).toBe(1);
  });
});

describe('deleteOrder', () => {
  it('puts the figures back when the order is deleted', async () => {
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - 20 * DAY, total: { currency: 'EUR', minor: 10_000 } }, NOW);
    const before = await stored();
    const second = await addOrder(db, { customerId: customer.id, orderedAt: NOW - DAY, total: { currency: 'USD', minor: 90_000 } }, NOW);
    expect((await stored())?.currency).toBe('USD');

    const deleted = await deleteOrder(db, customer.id, second.id, NOW + 1);
    expect(deleted.deletedAt).toBe(NOW + 1);
    expect(await stored()).toEqual(before);
    expect((await storedOrder(db, second.id))?.deletedAt).toBe(NOW + 1);
    expect((await getCustomerCard(db, customer.id))?.orders.map((o) => o.id)).not.toContain(second.id);
  });

  it('gives not_found when the order is already deleted', async () => {
    const order = await addOrder(db, { customerId: customer.id, orderedAt: NOW, total: { currency: 'EUR', minor: 1 } }, NOW);
    await deleteOrder(db, customer.id, order.id, NOW);
    await expect(deleteOrder(db, customer.id, order.id, NOW)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('addInteraction', () => {
  it('moves lastTouchAt when an interaction is after the last order', async () => {
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - 30 * DAY, total: { currency: 'EUR', minor: 5_000 } }, NOW);
    await addInteraction(db, { customerId: customer.id, kind: 'call', at: NOW - 2 * DAY, summary: 'Asked about delivery' }, NOW);
    expect(await stored()).toMatchObject({ lastOrderAt: NOW - 30 * DAY, lastTouchAt: NOW - 2 * DAY, orderCount: 1 });
  });

  it('leaves lastTouchAt when the interaction is older than the last order', async () => {
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - DAY, total: { currency: 'EUR', minor: 5_000 } }, NOW);
    await addInteraction(db, { customerId: customer.id, kind: 'email', at: NOW - 40 * DAY }, NOW);
    expect((await stored())?.lastTouchAt).toBe(NOW - DAY);
  });
});
