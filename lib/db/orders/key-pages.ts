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
 * Every write of books goes through the order store (./store.ts), which records how each book's
 * keys changed. Within one transaction an `OrderLocator` (./locator.ts) keeps the pages it has
 * read, so a commit of many chunks reads each page once and writes each changed page once, on
 * `flush`.
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
