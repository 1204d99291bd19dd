import type { Order } from '../../model/records';
import type { CrmDatabase } from '../schema';
import { putOrRemove } from '../shared';
import { bookKey, bookKeys, bookOf, bookOrders, type OrderBook } from './book';
import { OrderLocator } from './locator';

/** All of one customer's orders, tombstones included, oldest first. */
export async function ordersOf(db: CrmDatabase, customerId: string): Promise<Order[]> {
  const book = await db.orderBooks.get(customerId);
  return book === undefined ? [] : bookOrders(book);
}

/** Several customers' books, by customer id; customers without one are left out. */
export async function booksOfMany(db: CrmDatabase, customerIds: readonly string[]): Promise<Map<string, OrderBook>> {
  const books = await db.orderBooks.bulkGet([...customerIds]);
  const byCustomer = new Map<string, OrderBook>();
  for (const book of books) if (book !== undefined) byCustomer.set(book.customerId, book);
  return byCustomer;
}

/** Several customers' orders (tombstones included), by customer id; customers without any are left out. */
export async function ordersOfMany(db: CrmDatabase, customerIds: readonly string[]): Promise<Map<string, Order[]>> {
  const byCustomer = new Map<string, Order[]>();
  for (const [id, book] of await booksOfMany(db, customerIds)) byCustomer.set(id, bookOrders(book));
  return byCustomer;
}

export interface WriteBooksOptions {
  /**
   * The transaction's view of the key pages, for a caller writing books in several steps: the
   * changes are recorded there and written by its `flush`. Without it the pages are written
   * before `writeBooks` returns.
   */
  locator?: OrderLocator;
  /** The stored books of the customers written (one missing here has none): spares reading them again. */
  previous?: ReadonlyMap<string, OrderBook>;
}

/** Replaces customers' books with these orders (an empty list removes the book), and records where their orders are. */
export async function writeBooks(db: CrmDatabase, entries: Iterable<readonly [string, Iterable<Order>]>, options: WriteBooksOptions = {}): Promise<void> {
  const books = [...entries].map(([customerId, orders]) => [customerId, bookOf(customerId, orders)] as const);
  const locator = options.locator ?? new OrderLocator(db);
  const previous = options.previous ?? (await locator.books(books.map(([id]) => id)));
  const changes = books.map(([customerId, book]) => {
    const before = previous.get(customerId);
    return { customerId, before: before === undefined ? [] : bookKeys(before), after: book === null ? [] : bookKeys(book) };
  });
  await putOrRemove(db.orderBooks, books, (_, book) => book);
  for (const [customerId, book] of books) locator.wrote(customerId, book);
  await locator.record(changes);
  if (options.locator === undefined) await locator.flush();
}

/**
 * Stored orders with any of these index keys (`bookKey`: natural keys, or ids of orders without
 * one), whichever book they are in: key → order. `locator`: the transaction's view of the key
 * pages, when the caller has one.
 */
export async function findByBookKeys(db: CrmDatabase, keys: readonly string[], locator: OrderLocator = new OrderLocator(db)): Promise<Map<string, Order>> {
  const owners = await locator.owners(keys);
  const found = new Map<string, Order>();
  for (const book of (await locator.books([...new Set(owners.values())])).values()) {
    for (const order of bookOrders(book)) {
      const key = bookKey(order);
      if (owners.get(key) !== book.customerId) continue;
      // A live order before a tombstoned one with the same key.
      const other = found.get(key);
      if (other === undefined || (other.deletedAt !== null && order.deletedAt === null)) found.set(key, order);
    }
  }
  return found;
}

/** How many orders are stored (tombstones included): one key each (./key-pages.ts). */
export async function countOrders(db: CrmDatabase): Promise<number> {
  let count = 0;
  await db.orderKeyPages.each((page) => {
    count += page.keys.length;
  });
  return count;
}

/**
 * A page of every stored order, book by book in customer-id order, after the book of `after`
 * (a customer id; null to start). Whole books only: books are added until the page holds at
 * least `limit` orders. `last` is the page's last customer id, the `after` of the next page.
 */
export async function ordersPage(db: CrmDatabase, after: string | null, limit: number): Promise<{ rows: Order[]; last: string | null }> {
  let taken = 0;
  const books = await (after === null ? db.orderBooks.toCollection() : db.orderBooks.where(':id').above(after))
    .until((book) => {
      const full = taken >= limit;
      taken += book.ids.length;
      return full;
    })
    .toArray();
  return { rows: books.flatMap(bookOrders), last: books[books.length - 1]?.customerId ?? null };
}
