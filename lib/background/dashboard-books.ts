import { readDashboardBook, writeDashboardBook, type CrmDatabase } from '../db/index';
import type { DashboardBook } from '../insights/dashboard/book';

/**
 * The dashboard's book in the background: the one the last full recompute built, in memory, and
 * stored so that a restarted background has it at once (a full recompute at 100,000 customers
 * takes seconds; reading the stored book, a fraction of one).
 */
export function createDashboardBooks(db: CrmDatabase) {
  let book: DashboardBook | null = null;
  let stored: Promise<DashboardBook | null> | null = null;
  return {
    /** A recompute built a new book: kept now, written in the background (never awaited by the recompute). */
    set(next: DashboardBook): Promise<void> {
      book = next;
      stored = null;
      return writeDashboardBook(db, next).catch((error: unknown) => console.error('Dashboard book:', error));
    },
    /** The newest book, or null when none was ever built. */
    async get(): Promise<DashboardBook | null> {
      if (book) return book;
      stored ??= readDashboardBook(db).catch(() => null);
      const read = await stored;
      // A recompute may have set a newer one while the stored one was read.
      return book ?? read;
    },
  };
}

export type DashboardBooks = ReturnType<typeof createDashboardBooks>;
