import { z } from 'zod';
import { Customer, EpochMs, Id, Interaction, InteractionKind, Money, Order } from '../model/records';
import type { CrmDatabase } from './schema';
import { requireCustomer } from './customers';
import { bookKey } from './orders/book';
import { findByBookKeys, ordersOf, writeBooks } from './orders/store';
import { OrderLocator } from './orders/locator';
import { putOrderFacts } from './orders/facts';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';
import { computeStats } from './stats';

/** What a caller supplies to record an order; the repository adds ids, times and the tombstone. */
export const NewOrder = z.object({
  customerId: Id,
  orderedAt: EpochMs,
  total: Money,
  number: z.string().max(60).nullable().default(null),
  source: z.string().max(40).nullable().default(null),
  externalId: z.string().max(100).nullable().default(null),
  status: z.string().max(40).nullable().default(null),
});
export type NewOrder = z.input<typeof NewOrder>;

export const NewInteraction = z.object({
  customerId: Id,
  kind: InteractionKind,
  at: EpochMs,
  summary: z.string().max(2000).default(''),
});
export type NewInteraction = z.input<typeof NewInteraction>;

/**
 * Recomputes one customer's cached figures and order facts (./orders/fact-rows.ts) from their rows.
 * Must run inside a rw transaction over `statsTables(db)`, so neither ever disagrees with the rows.
 */
export async function refreshStats(db: CrmDatabase, customerId: string, now: number): Promise<Customer> {
  const customer = await requireCustomer(db, customerId);
  const orders = await ordersOf(db, customerId);
  const interactions = await db.interactions.where('customerId').equals(customerId).toArray();
  const next = Customer.parse({ ...customer, stats: computeStats(orders, interactions), updatedAt: now });
  await db.customers.put(next);
  await putOrderFacts(db, [[customerId, orders]]);
  return next;
}

/** The tables `refreshStats` reads and writes. */
export function statsTables(db: CrmDatabase) {
  return [db.customers, db.orderBooks, db.orderKeyPages, db.interactions, db.orderFactPages, db.orderFactRows];
}

/** Records an order and updates the customer's figures in the same transaction. */
export function addOrder(db: CrmDatabase, input: NewOrder, now: number): Promise<Order> {
  return guard(() => {
    const fields = NewOrder.parse(input);
    const order = Order.parse({ ...fields, id: newId(), createdAt: now, updatedAt: now, deletedAt: null });
    return db.transaction('rw', statsTables(db), async () => {
      await requireCustomer(db, order.customerId);
      // One view of the order keys for the check and the write: their page is read once.
      const locator = new OrderLocator(db);
      if (order.source !== null && order.externalId !== null) {
        const key = bookKey(order);
        const existing = (await findByBookKeys(db, [key], locator)).get(key);
        if (isLive(existing)) throw new DbError('conflict', 'This order is already recorded.', existing.id);
      }
      await writeBooks(db, [[order.customerId, [...(await ordersOf(db, order.customerId)), order]]], { locator });
      await locator.flush();
      await refreshStats(db, order.customerId, now);
      return order;
    });
  });
}

/** Tombstones one of a customer's orders and updates their figures. */
export function deleteOrder(db: CrmDatabase, customerId: string, id: string, now: number): Promise<Order> {
  return guard(() =>
    db.transaction('rw', statsTables(db), async () => {
      const orders = await ordersOf(db, customerId);
      const order = orders.find((o) => o.id === id);
      if (!isLive(order)) throw new DbError('not_found', 'This order no longer exists.');
      const deleted = Order.parse({ ...order, deletedAt: now, updatedAt: now });
      await writeBooks(db, [[customerId, orders.map((o) => (o.id === id ? deleted : o))]]);
      await refreshStats(db, order.customerId, now);
      return deleted;
    }),
  );
}

/** Logs an interaction (call, email, complaint, …); it moves the customer's lastTouchAt. */
export function addInteraction(db: CrmDatabase, input: NewInteraction, now: number): Promise<Interaction> {
  return guard(() => {
    const fields = NewInteraction.parse(input);
    const interaction = Interaction.parse({ ...fields, id: newId(), createdAt: now, updatedAt: now, deletedAt: null });
    return db.transaction('rw', statsTables(db), async () => {
      await requireCustomer(db, interaction.customerId);
      await db.interactions.add(interaction);
      await refreshStats(db, interaction.customerId, now);
      return interaction;
    });
  });
}
