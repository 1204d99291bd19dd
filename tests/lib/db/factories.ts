import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { refreshStats, statsTables } from '../../../lib/db/activity';
import { openDatabase } from '../../../lib/db/database';
import type { CrmDatabase } from '../../../lib/db/schema';
import { bookOrders } from '../../../lib/db/orders/book';
import { ordersOfMany, writeBooks } from '../../../lib/db/orders/store';
import { customerDefaults, type Customer, type Interaction, type Order } from '../../../lib/model/records';

let counter = 0;

/**
 * A fresh database per call, so tests never see each other's rows. The fake IndexedDB is passed
 * in rather than installed as a global, because Dexie reads globals when it is first imported.
 */
export function freshDatabase(): CrmDatabase {
  counter += 1;
  return openDatabase(`crm-test-${counter}-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
}

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 5, 1);

export function makeCustomer(fields: Partial<Customer> = {}): Customer {
  counter += 1;
  return {
    ...customerDefaults(),
    id: `cust-${counter}`,
    name: `Customer ${counter}`,
    emails: [`customer${counter}@example.com`],
    createdAt: NOW - 400 * DAY,
    updatedAt: NOW - 400 * DAY,
    ...fields,
  };
}

export function makeOrder(fields: Partial<Order> & { customerId: string }): Order {
  counter += 1;
  return {
    id: `order-${counter}`,
    orderedAt: NOW - 10 * DAY,
    total: { currency: 'EUR', minor: 10_000 },
    number: null,
    source: null,
    externalId: null,
    status: null,
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - 10 * DAY,
    deletedAt: null,
    ...fields,
  };
}

export function makeInteraction(fields: Partial<Interaction> & { customerId: string }): Interaction {
  counter += 1;
  return {
    id: `interaction-${counter}`,
    kind: 'call',
    at: NOW - 5 * DAY,
    summary: '',
    createdAt: NOW - 5 * DAY,
    updatedAt: NOW - 5 * DAY,
    deletedAt: null,
    ...fields,
  };
}

/** Puts one customer (and nothing else) into the database and returns it. */
export async function seedCustomer(db: CrmDatabase, fields: Partial<Customer> = {}): Promise<Customer> {
  const customer = makeCustomer(fields);
  await db.customers.add(customer);
  return customer;
}

/**
 * Puts orders into their customers' books and brings their cached figures and order facts up
 * to date, as every write path of lib/db does (a bare write of books would leave them stale).
 */
export async function seedOrders(db: CrmDatabase, orders: readonly Order[]): Promise<void> {
  await db.transaction('rw', statsTables(db), async () => {
    const ids = [...new Set(orders.map((o) => o.customerId))];
    const stored = await ordersOfMany(db, ids);
    await writeBooks(db, ids.map((id) => [id, [...(stored.get(id) ?? []), ...orders.filter((o) => o.customerId === id)]] as const));
    for (const customerId of ids) await refreshStats(db, customerId, NOW);
  });
}

/** Every stored order, tombstones included, from all the books. */
export async function allOrders(db: CrmDatabase): Promise<Order[]> {
  return (await db.orderBooks.toArray()).flatMap(bookOrders);
}

/** One stored order by id, wherever it is. */
export async function storedOrder(db: CrmDatabase, id: string): Promise<Order | undefined> {
  return (await allOrders(db)).find((o) => o.id === id);
}
