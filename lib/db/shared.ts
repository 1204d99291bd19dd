import Dexie, { type Table } from 'dexie';

/** Small helpers of lib/db's modules, over no table in particular. */

/** Record ids: random uuids, so a later sync never has to renumber (DESIGN.md, Data). */
export function newId(): string {
  return crypto.randomUUID();
}

export function isLive<T extends { deletedAt: number | null }>(row: T | undefined): row is T {
  return row !== undefined && row.deletedAt === null;
}

/**
 * Writes one derived row per customer (`build`), or removes the customer's row when `build`
 * gives null. Runs inside the caller's rw transaction over `table`. It returns Dexie's own
 * promise even when there is nothing to write: inside a transaction, awaiting a helper that
 * sometimes awaits nothing of Dexie's makes Dexie lose track of the transaction
 * (PrematureCommitError, dexie/Dexie.js#1186), so callers need no guard for empty input.
 */
export function putOrRemove<Row, Source>(
  table: Table<Row, string>,
  entries: Iterable<readonly [string, Source]>,
  build: (customerId: string, source: Source) => Row | null,
): Promise<void> {
  const rows: Row[] = [];
  const empty: string[] = [];
  for (const [customerId, source] of entries) {
    const row = build(customerId, source);
    if (row === null) empty.push(customerId);
    else rows.push(row);
  }
  return Dexie.Promise.all([rows.length > 0 ? table.bulkPut(rows) : null, empty.length > 0 ? table.bulkDelete(empty) : null]).then(() => undefined);
}

/** Strings in code-unit order, as IndexedDB orders string keys. */
export function byText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
