import type { Table } from 'dexie';
import type { OrderFact } from '../insights/types';
import type { Order } from '../model/records';
import type { CrmDatabase } from './database';
import { bookOrders, type OrderBook } from './order-books';
import { byText } from './shared';

/**
 * Each customer's live orders reduced to what figures and insights read (id, number, date,
 * total, status), kept current by every write that changes a customer's orders (lib/db:
 * addOrder, deleteOrder, merge, bulk insert, import commit, restore).
 *
 * Why: a full insights recompute at 100,000 customers would otherwise read every order book,
 * twice the bytes. The row is columnar (parallel arrays of primitives), which IndexedDB stores
 * and reads far faster than an array of small objects. It is derived data: never in a backup,
 * rebuilt from the order books on restore and on upgrade.
 *
 * The rows are stored in pages, one IndexedDB record per two-character prefix of the customer
 * id (ids are uuids: 256 pages, evenly filled), rows sorted by customer id. Why: Chromium costs
 * about 65 µs per record written inside one big transaction, so a million-order import spent
 * about 7 s writing 100,000 rows of facts; as 256 pages it is about a second (large records are
 * kept beside the database's log rather than in it). A recompute reads 256 records instead of
 * 100,000. A change of a few customers writes rows of their own instead (`SINGLE_WRITE_LIMIT`).
 *
 * Invariant (tested): for every live customer, `expandOrderFacts(getOrderFacts(...))` equals
 * their live orders sorted by date then id, in the OrderFact shape; a customer without live
 * orders has no row (or a row of their own without orders); a page without rows is not stored.
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

/** One stored record: the rows of every customer whose id starts with `prefix`, by customer id. */
export interface OrderFactsPage {
  prefix: string;
  rows: OrderFactsRow[];
}

/** The page a customer's row is kept in. */
export function factsPrefix(customerId: string): string {
  return customerId.slice(0, 2);
}

/**
 * Fewer customers than this changed at once (a logged call, an added order) get a row of their
 * own in `orderFactRows` instead of a rewrite of their page, which at 100,000 customers is a few
 * hundred KB: about 13 ms more per interaction logged, measured. A row there overrides the
 * customer's row in the page; a row without orders says they have none. The next write of many
 * customers folds the rows of the pages it rewrites back into them.
 */
export const SINGLE_WRITE_LIMIT = 64;

/**
 * The rows of their own that belong to a page: those whose ids start with `prefix`, read from
 * the prefix up to the first string after all of them (a prefix ending in U+FFFF has none:
 * everything above it is read, and filtered).
 */
function ownRowsOf(db: CrmDatabase, prefix: string): Promise<OrderFactsRow[]> {
  const last = prefix.charCodeAt(prefix.length - 1);
  const rows =
    last < 0xffff
      ? db.orderFactRows.where(':id').between(prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1), true, false)
      : db.orderFactRows.where(':id').aboveOrEqual(prefix);
  return rows.filter((row) => factsPrefix(row.customerId) === prefix).toArray();
}

/**
 * Stores (or removes) customers' rows from their orders: a few as rows of their own, many by
 * reading and rewriting each page they fall in once. Runs inside the caller's rw transaction,
 * which must include `orderFactPages` and `orderFactRows`; it awaits only Dexie, so the
 * transaction stays the caller's (dexie/Dexie.js#1186).
 */
export async function putOrderFacts(db: CrmDatabase, byCustomer: Iterable<readonly [string, Iterable<FactSource>]>): Promise<void> {
  const entries = [...byCustomer];
  if (entries.length < SINGLE_WRITE_LIMIT) {
    await db.orderFactRows.bulkPut(entries.map(([customerId, orders]) => orderFactsRow(customerId, orders) ?? noOrders(customerId)));
    return;
  }
  const changes = new Map<string, Map<string, OrderFactsRow | null>>();
  for (const [customerId, orders] of entries) {
    const prefix = factsPrefix(customerId);
    let page = changes.get(prefix);
    if (page === undefined) changes.set(prefix, (page = new Map()));
    page.set(customerId, orderFactsRow(customerId, orders));
  }
  const prefixes = [...changes.keys()];
  const stored = await db.orderFactPages.bulkGet(prefixes);
  const pages: OrderFactsPage[] = [];
  const empty: string[] = [];
  const folded: string[] = [];
  for (let i = 0; i < prefixes.length; i++) {
    const prefix = prefixes[i] as string;
    const own = await ownRowsOf(db, prefix);
    const change = new Map(own.map((row) => [row.customerId, row.ids.length === 0 ? null : row]));
    for (const [id, row] of changes.get(prefix) as Map<string, OrderFactsRow | null>) change.set(id, row);
    folded.push(...own.map((row) => row.customerId));
    const rows = (stored[i]?.rows ?? []).filter((row) => !change.has(row.customerId));
    for (const row of change.values()) if (row !== null) rows.push(row);
    if (rows.length === 0) {
      if (stored[i] !== undefined) empty.push(prefix);
      continue;
    }
    rows.sort((x, y) => byText(x.customerId, y.customerId));
    pages.push({ prefix, rows });
  }
  await db.orderFactPages.bulkPut(pages);
  await db.orderFactPages.bulkDelete(empty);
  await db.orderFactRows.bulkDelete(folded);
}

/** The row that says a customer has no live orders (it overrides their row in the page). */
function noOrders(customerId: string): OrderFactsRow {
  return { customerId, ids: [], numbers: [], at: [], minor: [], currency: [], status: [] };
}


/**
 * The rows of pages and the rows of their own, both in customer-id order, as one list in that
 * order: a row of its own replaces the page's, and one without orders removes it.
 */
export function mergeFacts(paged: readonly OrderFactsRow[], own: readonly OrderFactsRow[]): OrderFactsRow[] {
  if (own.length === 0) return paged as OrderFactsRow[];
  const merged: OrderFactsRow[] = [];
  let p = 0;
  for (const row of own) {
    while (p < paged.length && (paged[p] as OrderFactsRow).customerId < row.customerId) merged.push(paged[p++] as OrderFactsRow);
    if (p < paged.length && (paged[p] as OrderFactsRow).customerId === row.customerId) p++;
    if (row.ids.length > 0) merged.push(row);
  }
  while (p < paged.length) merged.push(paged[p++] as OrderFactsRow);
  return merged;
}

/** One customer's stored row, if any. */
export async function getOrderFacts(db: CrmDatabase, customerId: string): Promise<OrderFactsRow | undefined> {
  const own = await db.orderFactRows.get(customerId);
  if (own !== undefined) return own.ids.length === 0 ? undefined : own;
  const page = await db.orderFactPages.get(factsPrefix(customerId));
  return page?.rows.find((row) => row.customerId === customerId);
}

/** Every stored row, by customer id. */
export async function allOrderFacts(db: CrmDatabase): Promise<OrderFactsRow[]> {
  const paged = (await db.orderFactPages.toArray()).flatMap((page) => page.rows);
  return mergeFacts(paged, await db.orderFactRows.toArray());
}

/**
 * Rebuilds every page from the order books (restore by replace; the version 6 upgrade, before
 * rows of their own existed: `own` null), reading the books a few thousand at a time in
 * customer-id order, so each page is complete, and written, before the next one starts.
 */
export async function rebuildFactsFromBooks(
  books: Table<OrderBook, string>,
  pages: Table<OrderFactsPage, string>,
  own: Table<OrderFactsRow, string> | null,
): Promise<void> {
  await pages.clear();
  if (own !== null) await own.clear();
  let page: OrderFactsPage | null = null;
  let after: string | null = null;
  for (;;) {
    const batch: OrderBook[] = await (after === null ? books.toCollection() : books.where(':id').above(after)).limit(5_000).toArray();
    const full: OrderFactsPage[] = [];
    for (const book of batch) {
      const row = orderFactsRow(book.customerId, bookOrders(book));
      if (row === null) continue;
      const prefix = factsPrefix(book.customerId);
      if (page === null || page.prefix !== prefix) {
        if (page !== null) full.push(page);
        page = { prefix, rows: [] };
      }
      page.rows.push(row);
    }
    if (batch.length === 0) {
      if (page !== null) full.push(page);
      await pages.bulkPut(full);
      return;
    }
    await pages.bulkPut(full);
    after = (batch[batch.length - 1] as OrderBook).customerId;
  }
}
