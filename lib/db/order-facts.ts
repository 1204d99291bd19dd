import type { EntityTable } from 'dexie';
import type { OrderFact } from '../insights/types';
import type { Order } from '../model/records';
import type { CrmDatabase } from './database';
import { bookOrders, type OrderBook } from './order-books';
import { putOrRemove } from './shared';

/**
 * Each customer's live orders reduced to what figures and insights read (id, number, date,
 * total, status), one row per customer, kept current by every write that changes a customer's
 * orders (lib/db: addOrder, deleteOrder, merge, bulk insert, import commit, restore).
 *
 * Why: a full insights recompute at 100,000 customers would otherwise read a million full order
 * records; this reads 100,000 compact rows. The row is columnar (parallel arrays of primitives),
 * which IndexedDB stores and reads far faster than an array of small objects. It is derived data:
 * never in a backup, rebuilt from the order books on restore and from the orders on upgrade.
 *
 * Invariant (tested): for every live customer, `expandOrderFacts(row)` equals their live orders
 * sorted by date then id, in the OrderFact shape; a customer without live orders has no row.
 */
export interface OrderFactsRow {
  customerId: string;
  ids: string[];
  numbers: (string | null)[];
  at: number[];
  minor: number[];
  /** One value when every order has it (the usual case: fewer strings to store and read). */
  currency: string | string[];
  status: string | null | (string | null)[];
}

type FactSource = Pick<Order, 'id' | 'number' | 'orderedAt' | 'total' | 'status' | 'deletedAt'>;

/** The row for one customer's orders (tombstoned ones are left out); null when none is live. */
export function orderFactsRow(customerId: string, orders: Iterable<FactSource>): OrderFactsRow | null {
  const live: FactSource[] = [];
  for (const order of orders) if (order.deletedAt === null) live.push(order);
  if (live.length === 0) return null;
  live.sort((x, y) => x.orderedAt - y.orderedAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const currency = live.map((o) => o.total.currency);
  const status = live.map((o) => o.status);
  return {
    customerId,
    ids: live.map((o) => o.id),
    numbers: live.map((o) => o.number),
    at: live.map((o) => o.orderedAt),
    minor: live.map((o) => o.total.minor),
    currency: uniform(currency),
    status: uniform(status),
  };
}

function uniform<T>(values: T[]): T | T[] {
  const first = values[0] as T;
  return values.every((v) => v === first) ? first : values;
}

/** The row's orders as the engine takes them, oldest first. */
export function expandOrderFacts(row: OrderFactsRow): OrderFact[] {
  const orders: OrderFact[] = new Array<OrderFact>(row.ids.length);
  const currencies = typeof row.currency === 'string' ? null : row.currency;
  const statuses = Array.isArray(row.status) ? row.status : null;
  for (let i = 0; i < row.ids.length; i++) {
    orders[i] = {
      id: row.ids[i] as string,
      number: row.numbers[i] ?? null,
      orderedAt: row.at[i] as number,
      total: { minor: row.minor[i] as number, currency: currencies === null ? (row.currency as string) : (currencies[i] as string) },
      status: statuses === null ? (row.status as string | null) : (statuses[i] ?? null),
      deletedAt: null,
    };
  }
  return orders;
}

/**
 * Stores (or removes) customers' rows from their orders. Runs inside the caller's rw
 * transaction, which must include `orderFacts`.
 */
export function putOrderFacts(db: CrmDatabase, byCustomer: Iterable<readonly [string, Iterable<FactSource>]>): Promise<void> {
  return putOrRemove(db.orderFacts, byCustomer, orderFactsRow);
}

/** Rebuilds every row from the order books (restore by replace), a page of books at a time. */
export async function rebuildFactsFromBooks(db: CrmDatabase): Promise<void> {
  await db.orderFacts.clear();
  let after: string | null = null;
  for (;;) {
    const books: OrderBook[] = await (after === null ? db.orderBooks.toCollection() : db.orderBooks.where(':id').above(after)).limit(5_000).toArray();
    if (books.length === 0) return;
    await putOrderFacts(db, books.map((book) => [book.customerId, bookOrders(book)] as const));
    after = (books[books.length - 1] as OrderBook).customerId;
  }
}

/**
 * Rebuilds every row from the table of single orders of schema versions 1–4 (the version 3
 * upgrade), reading the orders in pages so a million of them never sit in memory at once.
 */
export async function rebuildAllOrderFacts(orders: EntityTable<Order, 'id'>, facts: EntityTable<OrderFactsRow, 'customerId'>): Promise<number> {
  const byCustomer = new Map<string, FactSource[]>();
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page: Order[] = await (after === null ? orders.toCollection() : orders.where(':id').above(after)).limit(20_000).toArray();
    if (page.length === 0) break;
    for (const order of page) {
      if (order.deletedAt !== null) continue;
      const slim: FactSource = { id: order.id, number: order.number, orderedAt: order.orderedAt, total: order.total, status: order.status, deletedAt: null };
      const list = byCustomer.get(order.customerId);
      if (list === undefined) byCustomer.set(order.customerId, [slim]);
      else list.push(slim);
      count += 1;
    }
    after = (page[page.length - 1] as Order).id;
  }
  await facts.clear();
  const rows: OrderFactsRow[] = [];
  for (const [customerId, list] of byCustomer) {
    const row = orderFactsRow(customerId, list);
    if (row !== null) rows.push(row);
  }
  for (let i = 0; i < rows.length; i += 5_000) await facts.bulkPut(rows.slice(i, i + 5_000));
  return count;
}
