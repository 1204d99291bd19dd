import type { CrmDatabase } from '../schema';
import { byText } from '../shared';
import { factsPrefix, mergeFacts, noOrders, orderFactsRow, SINGLE_WRITE_LIMIT, type FactSource, type OrderFactsPage, type OrderFactsRow } from './fact-rows';

/** The order facts (./fact-rows.ts) as stored: pages by id prefix, and rows of their own. */

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
