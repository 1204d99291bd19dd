import type { Order } from '../../model/records';
import { byText } from '../shared';

/**
 * Orders are stored in books: one row per customer holding all of that customer's orders
 * (tombstoned ones included, for undo and re-imports), oldest first. Why: Chromium's IndexedDB
 * costs about 75–110 µs per record written inside one transaction, so a million orders as a
 * million records could never be imported in a minute; as 100,000 books they are written in a
 * few seconds. Every reader of orders reads a customer's book (the card, figures, insights) or
 * walks the books (backups, exports), and no code outside lib/db sees the difference: `Order`
 * records keep their `customerId` and their own id.
 *
 * Which book holds an order is kept in the order-key pages (./key-pages.ts), by each order's
 * index key (`bookKey`): its natural key (source + the store's id) when it has one, else its
 * id. That finds an order again on re-import whichever customer's book it sits in.
 *
 * Books are written only through the order store (./store.ts), which keeps the key pages and
 * the order facts in step with them, in the caller's transaction.
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
