import type { Order } from '../model/records';
import type { CrmDatabase } from './database';
import { countOrderKeys, OrderLocator } from './order-keys';
import { byText, putOrRemove } from './shared';

/**
 * Orders are stored in books: one row per customer holding all of that customer's orders
 * (tombstoned ones included, for undo and re-imports), oldest first. Why: Chromium's IndexedDB
 * costs about 75–110 µs per record written inside one transaction, so a million orders as a
 * million records could never be imported in a minute; as 100,000 books they are written in a
 * few seconds. Every reader of orders reads a customer's book (the card, figures, insights) or
 * walks the books (backups, exports), and no code outside lib/db sees the difference: `Order`
 * records keep their `customerId` and their own id.
 *
 * Which book holds an order is kept in the order-key pages (./order-keys.ts), by each order's
 * index key (`bookKey`): its natural key (source + the store's id) when it has one, else its
 * id. That finds an order again on re-import whichever customer's book it sits in.
 *
 * Writers run inside the caller's rw transaction (it must include `orderBooks` and
 * `orderKeyPages`), so a book never disagrees with the key pages, figures and order facts
 * written beside it.
 */
export interface OrderBook {
  customerId: string;
  /**
   * The orders, oldest first (date, then id), as parallel columns of primitives: IndexedDB
   * copies those far faster than an array of small objects (a million-order import spent ten
   * seconds copying order objects into books). A column whose value every order shares is
   * stored as that one value. `bookOrders` turns a book back into `Order` records.
   */
  ids: string[];
  at: number[];
  minor: number[];
  currency: Column<string>;
  number: (string | null)[];
  source: Column<string | null>;
  externalId: (string | null)[];
  status: Column<string | null>;
  createdAt: Column<number>;
  updatedAt: Column<number>;
  deletedAt: Column<number | null>;
}

/** A column's values, or the one value they all share. */
type Column<T> = T | T[];

function column<T>(values: T[]): Column<T> {
  const first = values[0] as T;
  return values.every((v) => v === first) ? first : values;
}

function cell<T>(values: Column<T>, i: number): T {
  return Array.isArray(values) ? (values[i] as T) : values;
}

/** The book's orders as records, oldest first. */
export function bookOrders(book: OrderBook): Order[] {
  const orders = new Array<Order>(book.ids.length);
  for (let i = 0; i < book.ids.length; i++) {
    orders[i] = {
      id: book.ids[i] as string,
      customerId: book.customerId,
      orderedAt: book.at[i] as number,
      total: { minor: book.minor[i] as number, currency: cell(book.currency, i) },
      number: book.number[i] ?? null,
      source: cell(book.source, i),
      externalId: book.externalId[i] ?? null,
      status: cell(book.status, i),
      createdAt: cell(book.createdAt, i),
      updatedAt: cell(book.updatedAt, i),
      deletedAt: cell(book.deletedAt, i),
    };
  }
  return orders;
}

/** The key that identifies an order across imports: its store's id within the store. */
export function naturalKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}

/** An order's index key: its natural key when it has one, else its id (ids are uuids: no NUL). */
export function bookKey(order: Pick<Order, 'id' | 'source' | 'externalId'>): string {
  return order.source !== null && order.externalId !== null ? naturalKey(order.source, order.externalId) : `\u0001${order.id}`;
}

export function byDateThenId(x: Pick<Order, 'orderedAt' | 'id'>, y: Pick<Order, 'orderedAt' | 'id'>): number {
  return x.orderedAt - y.orderedAt || byText(x.id, y.id);
}

/** A customer's book from their orders; null when they have none (the row is then removed). */
export function bookOf(customerId: string, orders: Iterable<Order>): OrderBook | null {
  const sorted = [...orders].sort(byDateThenId);
  if (sorted.length === 0) return null;
  return {
    customerId,
    ids: sorted.map((o) => o.id),
    at: sorted.map((o) => o.orderedAt),
    minor: sorted.map((o) => o.total.minor),
    currency: column(sorted.map((o) => o.total.currency)),
    number: sorted.map((o) => o.number),
    source: column(sorted.map((o) => o.source)),
    externalId: sorted.map((o) => o.externalId),
    status: column(sorted.map((o) => o.status)),
    createdAt: column(sorted.map((o) => o.createdAt)),
    updatedAt: column(sorted.map((o) => o.updatedAt)),
    deletedAt: column(sorted.map((o) => o.deletedAt)),
  };
}

/** The columns of a book, all compared by `sameBook`. */
const COLUMNS = ['ids', 'at', 'minor', 'currency', 'number', 'source', 'externalId', 'status', 'createdAt', 'updatedAt', 'deletedAt'] as const;

/** Whether two books hold the same orders, column by column (null: no book). */
export function sameBook(x: OrderBook | null, y: OrderBook | null): boolean {
  if (x === null || y === null) return x === y;
  if (x.customerId !== y.customerId) return false;
  return COLUMNS.every((name) => {
    const a: unknown = x[name];
    const b: unknown = y[name];
    if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
    return a.length === b.length && a.every((value, i) => value === b[i]);
  });
}

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

/** The index keys of a book's orders (`bookKey`), in the book's order. */
export function bookKeys(book: OrderBook): string[] {
  const keys = new Array<string>(book.ids.length);
  for (let i = 0; i < book.ids.length; i++) {
    const source = cell(book.source, i);
    const externalId = book.externalId[i] ?? null;
    keys[i] = source !== null && externalId !== null ? naturalKey(source, externalId) : `\u0001${book.ids[i] as string}`;
  }
  return keys;
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

/** How many orders are stored (tombstones included). */
export function countOrders(db: CrmDatabase): Promise<number> {
  return countOrderKeys(db);
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
