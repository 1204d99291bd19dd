import type { DashboardBook } from '../insights/dashboard/book';
import { tagOrigin } from './changes';
import type { CrmDatabase } from './schema';
import { guard } from './errors';

/**
 * The dashboard's copy of the book (lib/insights/dashboard/book.ts), kept as one row of typed
 * arrays, which IndexedDB stores and reads back as they are (about 17 bytes an order). Written
 * by each full recompute (a `derived` write: never journaled, never in a backup), read when the
 * background starts without one in memory. A row of another shape, or a broken one, reads as
 * none: the next recompute writes it anew.
 */

const KEY = 'book';
/** Raise when DashboardBook changes shape: older rows are then ignored. */
export const BOOK_VERSION = 1;

export function writeDashboardBook(db: CrmDatabase, book: DashboardBook): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.dashboardBooks, async (tx) => {
      tagOrigin(tx, 'derived');
      await db.dashboardBooks.put({ key: KEY, version: BOOK_VERSION, book });
    }),
  );
}

export function readDashboardBook(db: CrmDatabase): Promise<DashboardBook | null> {
  return guard(async () => {
    const row = await db.dashboardBooks.get(KEY);
    return row && row.version === BOOK_VERSION && wellFormed(row.book) ? row.book : null;
  });
}

/** The columns are the typed arrays they should be, and every offset column ends where its column does. */
export function wellFormed(book: DashboardBook): boolean {
  if (typeof book !== 'object' || book === null || !Array.isArray(book.ids)) return false;
  const n = book.ids.length;
  const typed: [unknown, new (n: number) => unknown, number | null][] = [
    [book.tier, Uint8Array, n],
    [book.stage, Uint8Array, n],
    [book.rfm, Uint8Array, n],
    [book.r, Uint8Array, n],
    [book.f, Uint8Array, n],
    [book.m, Uint8Array, n],
    [book.touchSince, Float64Array, n],
    [book.firstPurchase, Int32Array, n],
    [book.lastPurchase, Int32Array, n],
    [book.tagStart, Uint32Array, n + 1],
    [book.tagIds, Uint32Array, null],
    [book.orderStart, Uint32Array, n + 1],
    [book.orderDay, Int32Array, null],
    [book.orderMinor, Float64Array, null],
    [book.orderCurrency, Uint16Array, book.orderDay?.length ?? -1],
    [book.interactionStart, Uint32Array, n + 1],
    [book.interactionDay, Int32Array, null],
    [book.interactionKind, Uint8Array, book.interactionDay?.length ?? -1],
  ];
  for (const [column, type, length] of typed) {
    if (!(column instanceof type)) return false;
    if (length !== null && (column as ArrayLike<number>).length !== length) return false;
  }
  const ends = (start: Uint32Array, column: ArrayLike<number>) => start[0] === 0 && start[n] === column.length;
  return (
    typeof book.builtAt === 'number' &&
    typeof book.timeZone === 'string' &&
    Array.isArray(book.tags) &&
    Array.isArray(book.currencies) &&
    book.orderMinor.length === book.orderDay.length &&
    ends(book.tagStart, book.tagIds) &&
    ends(book.orderStart, book.orderDay) &&
    ends(book.interactionStart, book.interactionDay)
  );
}
