import type { Table } from 'dexie';
import type { CrmDatabase } from './database';
import { bookKeys, type OrderBook } from './order-books';

/**
 * Which customer's book holds each order, by the order's index key (`bookKey`: its natural key,
 * source + the store's id, or its own id when it has none). An import finds an order it brings
 * again here, whichever customer it was filed under; a restore finds a backed-up order; adding
 * an order refuses one already recorded.
 *
 * Stored in 256 pages, one record per two hex digits of a hash of the key, each page the keys
 * and their owners as two parallel columns. Why not a multi-entry index on the books: that is
 * one index entry per order, and Chromium costs about 9 µs per entry written inside the one
 * transaction of an import (about 9 s of a million-order import); the pages are a few hundred
 * large records, which Chromium keeps beside its log, written once per import.
 *
 * Every write of books goes through `writeBooks` (./order-books.ts), which records here how each
 * book's keys changed. Within one transaction an `OrderLocator` keeps the pages it has read, so
 * a commit of many chunks reads each page once and writes each changed page once, on `flush`.
 *
 * Invariant (tested): every order of every book has its key here, owned by that book's
 * customer (by one of them when two books hold the key: an order recorded again after its
 * tombstoned twin), and no other key is stored; no page is empty.
 */
export interface OrderKeyPage {
  page: string;
  keys: string[];
  /** The customer id whose book holds the order of `keys[i]`. */
  owners: string[];
}

/** The page of a key: the low 8 bits of its FNV-1a hash, as two hex digits. */
export function keyPage(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash & 0xff).toString(16).padStart(2, '0');
}

/** How one customer's book changes: the keys it held before, and those it holds now. */
export interface KeyChange {
  customerId: string;
  before: readonly string[];
  after: readonly string[];
}

/**
 * The key pages as one transaction sees and changes them. Use inside the caller's rw
 * transaction (it must include `orderKeyPages`); every method awaits Dexie, even with nothing
 * to read, so the transaction stays the caller's (dexie/Dexie.js#1186).
 */
export class OrderLocator {
  private readonly pages = new Map<string, Map<string, string>>();
  private readonly dirty = new Set<string>();
  /** Books this transaction has read (null: none), kept as written since through this locator. */
  private readonly bookCache = new Map<string, OrderBook | null>();

  constructor(private readonly db: CrmDatabase) {}

  private async load(keys: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const key of keys) {
      const page = keyPage(key);
      if (!this.pages.has(page)) wanted.add(page);
    }
    const names = [...wanted];
    const rows = await this.db.orderKeyPages.bulkGet(names);
    names.forEach((name, i) => {
      const row = rows[i];
      const owners = new Map<string, string>();
      if (row !== undefined) for (let k = 0; k < row.keys.length; k++) owners.set(row.keys[k] as string, row.owners[k] as string);
      this.pages.set(name, owners);
    });
  }

  private page(key: string): Map<string, string> {
    return this.pages.get(keyPage(key)) as Map<string, string>;
  }

  /** The customers whose books hold these keys: key → customer id; keys not stored are left out. */
  async owners(keys: readonly string[]): Promise<Map<string, string>> {
    await this.load(keys);
    const found = new Map<string, string>();
    for (const key of keys) {
      const owner = this.page(key).get(key);
      if (owner !== undefined) found.set(key, owner);
    }
    return found;
  }

  /**
   * Customers' books as this transaction has them, read once per transaction (a re-import finds
   * a customer's orders chunk after chunk); customers without one are left out.
   */
  async books(customerIds: readonly string[]): Promise<Map<string, OrderBook>> {
    const missing = [...new Set(customerIds)].filter((id) => !this.bookCache.has(id));
    const rows = await this.db.orderBooks.bulkGet(missing);
    missing.forEach((id, i) => this.bookCache.set(id, rows[i] ?? null));
    const found = new Map<string, OrderBook>();
    for (const id of customerIds) {
      const book = this.bookCache.get(id);
      if (book) found.set(id, book);
    }
    return found;
  }

  /** A book just written (null: removed), so a later `books` gives it as it is now. */
  wrote(customerId: string, book: OrderBook | null): void {
    if (this.bookCache.has(customerId)) this.bookCache.set(customerId, book);
  }

  /**
   * Records books' keys changing. A key a book no longer holds is removed only if that book
   * still owns it (an order that moved to another customer, in this call or an earlier one,
   * stays theirs); a key a book gains becomes that book's. Pages are read only for keys that
   * change.
   */
  async record(changes: readonly KeyChange[]): Promise<void> {
    const removed: [string, string][] = [];
    const added: [string, string][] = [];
    for (const { customerId, before, after } of changes) {
      const had = new Set(before);
      const has = new Set(after);
      for (const key of had) if (!has.has(key)) removed.push([key, customerId]);
      for (const key of has) if (!had.has(key)) added.push([key, customerId]);
    }
    await this.load([...removed, ...added].map(([key]) => key));
    // Two books may hold one key (an order re-added after its tombstoned twin): a key the owner
    // drops stays with another book of this call that still holds it.
    const holders = new Map<string, string>();
    for (const { customerId, after } of changes) for (const key of after) holders.set(key, customerId);
    for (const [key, customerId] of removed) {
      const page = this.page(key);
      if (page.get(key) !== customerId) continue;
      const other = holders.get(key);
      if (other !== undefined) page.set(key, other);
      else page.delete(key);
      this.dirty.add(keyPage(key));
    }
    for (const [key, customerId] of added) {
      this.page(key).set(key, customerId);
      this.dirty.add(keyPage(key));
    }
  }

  /** Writes every page changed since the last flush (an emptied page is removed). */
  async flush(): Promise<void> {
    const rows: OrderKeyPage[] = [];
    const empty: string[] = [];
    for (const name of this.dirty) {
      const owners = this.pages.get(name) as Map<string, string>;
      if (owners.size === 0) empty.push(name);
      else rows.push({ page: name, keys: [...owners.keys()], owners: [...owners.values()] });
    }
    this.dirty.clear();
    await this.db.orderKeyPages.bulkPut(rows);
    await this.db.orderKeyPages.bulkDelete(empty);
  }
}

/** How many orders are stored (tombstones included): one key each. */
export async function countOrderKeys(db: CrmDatabase): Promise<number> {
  let count = 0;
  await db.orderKeyPages.each((page) => {
    count += page.keys.length;
  });
  return count;
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
