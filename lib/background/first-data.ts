import { markFirstData, onDataChange, readFirstDataAt, type CrmDatabase } from '../db/index';

/**
 * Records when the book first held a customer (lib/db/first-data.ts), at the first committed
 * write of a customer, whoever made it (the sidebar, an import, the sample, a restore, sync).
 * A book older than this record (made by an earlier version) is dated, once, by its earliest
 * customer: it has existed at least that long, so its backup reminder stays as it was.
 * Returns the function that stops listening.
 */
export function watchFirstData(db: CrmDatabase, now: () => number = Date.now): () => void {
  let marked = false;
  const stop = onDataChange(db, (change) => {
    if (marked || change.origin === 'derived' || !change.tables.includes('customers')) return;
    marked = true;
    // A read-only book (written by a newer version) refuses the write: try again at the next.
    void markFirstData(db, now()).catch(() => {
      marked = false;
    });
  });
  void dateOlderBook(db).catch(() => undefined);
  return stop;
}

async function dateOlderBook(db: CrmDatabase): Promise<void> {
  if ((await readFirstDataAt(db)) !== null) return;
  let earliest: number | null = null;
  await db.customers.each((c) => {
    if (earliest === null || c.createdAt < earliest) earliest = c.createdAt;
  });
  if (earliest !== null) await markFirstData(db, earliest);
}
