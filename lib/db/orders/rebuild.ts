import type { Table } from 'dexie';
import type { Order } from '../../model/records';
import { bookKeys, bookOf, bookOrders, type OrderBook } from './book';
import { factsPrefix, orderFactsRow, type OrderFactsPage, type OrderFactsRow } from './fact-rows';
import { keyPage, type OrderKeyPage } from './key-pages';

/**
 * Whole-table rebuilds of the order tables, for schema upgrades and a restore that replaces
 * everything. They take Dexie tables, not the database, so an upgrade can pass its own.
 */

/**
 * The schema-4 upgrade: every row of the old table of single orders goes into its customer's
 * book (./book.ts). It walks the orders' `[customerId+orderedAt]` index in ranges of
 * customer ids taken from the customers table, so memory holds one range's orders at a time
 * and the ranges together cover every key (an order whose customer row is gone still gets a book).
 */
const CUSTOMERS_PER_RANGE = 2_000;

export async function booksFromOrdersTable(customers: Table, orders: Table, books: Table): Promise<number> {
  const ids = ((await customers.toCollection().primaryKeys()) as string[]).sort();
  let count = 0;
  let lower: string | null = null;
  for (let i = 0; i <= ids.length; i += CUSTOMERS_PER_RANGE) {
    const upper = i + CUSTOMERS_PER_RANGE - 1 < ids.length ? (ids[i + CUSTOMERS_PER_RANGE - 1] as string) : null;
    const index = orders.where('[customerId+orderedAt]');
    // (lower, upper]: every key after the previous range's last customer, up to this range's last.
    const range =
      lower === null && upper === null
        ? orders.toCollection()
        : lower === null
          ? index.belowOrEqual([upper, Infinity])
          : upper === null
            ? index.above([lower, Infinity])
            : index.between([lower, Infinity], [upper, Infinity], false, true);
    const rows = (await range.toArray()) as Order[];
    const byCustomer = new Map<string, Order[]>();
    for (const order of rows) {
      const list = byCustomer.get(order.customerId);
      if (list === undefined) byCustomer.set(order.customerId, [order]);
      else list.push(order);
    }
    const rowsOut: OrderBook[] = [];
    for (const [customerId, list] of byCustomer) {
      const book = bookOf(customerId, list);
      if (book !== null) rowsOut.push(book);
    }
    if (rowsOut.length > 0) await books.bulkPut(rowsOut);
    count += rows.length;
    if (upper === null) break;
    lower = upper;
  }
  return count;
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

/**
 * Rebuilds every page from the books (the version 7 upgrade), reading the books a few thousand
 * at a time; the pages are written at the end.
 */
export async function rebuildOrderKeys(books: Table<OrderBook, string>, pages: Table<OrderKeyPage, string>): Promise<void> {
  const byPage = new Map<string, Map<string, string>>();
  let after: string | null = null;
  for (;;) {
    const batch: OrderBook[] = await (after === null ? books.toCollection() : books.where(':id').above(after)).limit(5_000).toArray();
    if (batch.length === 0) break;
    for (const book of batch) {
      for (const key of bookKeys(book)) {
        const name = keyPage(key);
        let owners = byPage.get(name);
        if (owners === undefined) byPage.set(name, (owners = new Map()));
        owners.set(key, book.customerId);
      }
    }
    after = (batch[batch.length - 1] as OrderBook).customerId;
  }
  await pages.clear();
  await pages.bulkPut([...byPage].map(([page, owners]) => ({ page, keys: [...owners.keys()], owners: [...owners.values()] })));
}
