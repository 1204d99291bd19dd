import type { OrderFact } from '../../insights/types';
import type { Order } from '../../model/records';

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

export type FactSource = Pick<Order, 'id' | 'number' | 'orderedAt' | 'total' | 'status' | 'deletedAt'>;

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

/** The row that says a customer has no live orders (it overrides their row in the page). */
export function noOrders(customerId: string): OrderFactsRow {
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
