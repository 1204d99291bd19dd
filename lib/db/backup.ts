import { z } from 'zod';
import { Company, Customer, Interaction, Note, Order } from '../model/records';
import { MetaEntry } from './rows';
import type { CrmDatabase } from './schema';
import { OrderLocator } from './orders/locator';
import { bookKey } from './orders/book';
import { countOrders, findByBookKeys, ordersOfMany, ordersPage, writeBooks } from './orders/store';
import { putOrderFacts } from './orders/facts';
import { rebuildFactsFromBooks } from './orders/rebuild';
import { DbError, guard } from './errors';
import { assertWhole, stagedChunkIds } from './import-staging';
import { computeStats } from './stats';

/**
 * Full backup and restore. A backup holds every table but the import staging; known tables are
 * validated row by row with their record schema, tables added later (by other features) with a
 * minimal shape, and restored only into a table of that name that exists. Restores arrive as
 * staged `records` chunks and are written in ONE transaction, so a failed restore writes nothing.
 */

export const BACKUP_TABLE_SCHEMAS: Readonly<Record<string, z.ZodType<Record<string, unknown>>>> = {
  customers: Customer,
  companies: Company,
  orders: Order,
  interactions: Interaction,
  notes: Note,
  meta: MetaEntry,
  settings: MetaEntry,
};

/** A row of a table this version has no schema for: an object with a string id. */
export const UnknownRow = z.looseObject({ id: z.string().min(1).max(200) });

/**
 * Staging, derived data rebuilt on restore (./orders/fact-rows.ts, ./orders/key-pages.ts) or by
 * the next recompute (./dashboard-book.ts), and sync's own change journal (./changes.ts: a
 * restore must not bring back writes already sent).
 */
const EXCLUDED = new Set(['importChunks', 'orderFactPages', 'orderFactRows', 'orderKeyPages', 'changeJournal', 'syncDocs', 'syncConflicts', 'syncTeam', 'dashboardBooks']);

/**
 * Orders are stored in books, a row per customer (./orders/book.ts), but a backup keeps one row
 * per order, the format backups have always had (and the easiest to read): the `orderBooks`
 * table is listed, read and restored as `orders`.
 */
const ORDERS = 'orders';
const BOOKS = 'orderBooks';

export function backupTableNames(db: CrmDatabase): string[] {
  return db.tables.map((t) => (t.name === BOOKS ? ORDERS : t.name)).filter((name) => !EXCLUDED.has(name));
}

export function rowSchemaFor(table: string): z.ZodType<Record<string, unknown>> {
  return BACKUP_TABLE_SCHEMAS[table] ?? UnknownRow;
}

/** One page of a table in primary-key order, after `after` (exclusive). */
export function readTablePage(db: CrmDatabase, table: string, after: string | null, limit: number): Promise<{ rows: Record<string, unknown>[]; last: string | null }> {
  return guard(async () => {
    if (!backupTableNames(db).includes(table)) throw new DbError('invalid', `No table “${table}”.`);
    if (table === ORDERS) return db.transaction('r', db.orderBooks, () => ordersPage(db, after, limit));
    const t = db.table(table);
    const collection = after === null ? t.toCollection() : t.where(':id').above(after);
    const rows = (await collection.limit(limit).toArray()) as Record<string, unknown>[];
    const lastRow = rows[rows.length - 1];
    const key = lastRow === undefined ? null : lastRow[t.schema.primKey.keyPath as string];
    return { rows, last: typeof key === 'string' ? key : null };
  });
}

export function tableCounts(db: CrmDatabase): Promise<Record<string, number>> {
  return guard(async () => {
    const counts: Record<string, number> = {};
    for (const name of backupTableNames(db)) counts[name] = name === ORDERS ? await countOrders(db) : await db.table(name).count();
    return counts;
  });
}

export const RESTORE_MODES = ['replace', 'merge'] as const;
export type RestoreMode = (typeof RESTORE_MODES)[number];

export interface RestoreSummary {
  written: number;
  skipped: number;
}

/**
 * Writes a staged restore. `replace` empties every table first (the result is the backup);
 * `merge` keeps what is here and takes a backup row when it is new or more recently updated,
 * then recomputes the figures of every customer whose orders changed.
 */
/** Customers whose figures a merge recomputes, per write of their order facts. */
const RECOUNT_GROUP = 2_000;

/** `whole`: as for an import (./import-commit.ts): the number of chunks the page sent. */
export function commitRestore(db: CrmDatabase, importId: string, mode: RestoreMode, now: number, whole?: { chunks: number }): Promise<RestoreSummary> {
  return guard(() => {
    const tables = backupTableNames(db).map((name) => db.table(name === ORDERS ? BOOKS : name));
    return db.transaction('rw', [...tables, db.importChunks, db.orderFactPages, db.orderFactRows, db.orderKeyPages], async () => {
      const chunkIds = whole === undefined ? await stagedChunkIds(db, importId) : await assertWhole(db, importId, whole.chunks);
      if (chunkIds.length === 0) throw new DbError('not_found', 'Nothing was staged for this restore.');
      if (mode === 'replace') for (const table of [...tables, db.orderKeyPages]) await table.clear();
      const locator = new OrderLocator(db);
      const summary: RestoreSummary = { written: 0, skipped: 0 };
      const recount = new Set<string>();
      for (const id of chunkIds) {
        const chunk = await db.importChunks.get(id);
        if (chunk === undefined || chunk.kind !== 'records') continue;
        if (!backupTableNames(db).includes(chunk.table)) {
          summary.skipped += chunk.rows.length;
          continue;
        }
        if (chunk.table === ORDERS) {
          const { written, customers, skipped } = await restoreOrders(db, chunk.rows as Order[], mode, locator);
          summary.written += written;
          summary.skipped += skipped;
          if (mode === 'merge') for (const customerId of customers) recount.add(customerId);
          continue;
        }
        const table = db.table(chunk.table);
        const keyPath = table.schema.primKey.keyPath as string;
        let rows = chunk.rows;
        if (mode === 'merge') {
          const existing = (await table.bulkGet(rows.map((r) => r[keyPath] as string))) as (Record<string, unknown> | undefined)[];
          rows = rows.filter((row, i) => {
            const current = existing[i];
            return current === undefined || (typeof row.updatedAt === 'number' && typeof current.updatedAt === 'number' && row.updatedAt > current.updatedAt);
          });
          summary.skipped += chunk.rows.length - rows.length;
          if (chunk.table === 'interactions') for (const row of rows) if (typeof row.customerId === 'string') recount.add(row.customerId);
        }
        await table.bulkPut(rows);
        summary.written += rows.length;
      }
      await locator.flush();
      // In customer-id order, a group at a time, so each page of order facts is rewritten about
      // once (./orders/fact-rows.ts).
      const ids = [...recount].sort();
      for (let i = 0; i < ids.length; i += RECOUNT_GROUP) {
        const group = ids.slice(i, i + RECOUNT_GROUP);
        const customers = (await db.customers.bulkGet(group)).filter((c): c is Customer => c !== undefined);
        const ordersBy = await ordersOfMany(db, customers.map((c) => c.id));
        const facts: [string, Order[]][] = [];
        for (const customer of customers) {
          const orders = ordersBy.get(customer.id) ?? [];
          const stats = computeStats(orders, await db.interactions.where('customerId').equals(customer.id).toArray());
          await db.customers.put({ ...customer, stats, updatedAt: Math.max(customer.updatedAt, now) });
          facts.push([customer.id, orders]);
        }
        await putOrderFacts(db, facts);
      }
      // A replace brings a whole new set of orders: every customer's facts are rebuilt.
      if (mode === 'replace') await rebuildFactsFromBooks(db.table('orderBooks'), db.table('orderFactPages'), db.table('orderFactRows'));
      await db.importChunks.where('importId').equals(importId).delete();
      return summary;
    });
  });
}

/**
 * Writes a restore chunk of orders into their customers' books. `merge` keeps a stored order
 * unless the backup's copy was updated more recently; a taken order stored in another
 * customer's book moves to the backup's customer (as the row of a table keyed by id would).
 */
async function restoreOrders(
  db: CrmDatabase,
  rows: readonly Order[],
  mode: RestoreMode,
  locator: OrderLocator,
): Promise<{ written: number; customers: Set<string>; skipped: number }> {
  const elsewhere = mode === 'merge' ? await findByBookKeys(db, rows.map(bookKey), locator) : new Map<string, Order>();
  const owners = new Set([...rows.map((r) => r.customerId), ...[...elsewhere.values()].map((o) => o.customerId)]);
  const stored = await ordersOfMany(db, [...owners]);
  const books = new Map([...owners].map((id) => [id, new Map((stored.get(id) ?? []).map((o) => [o.id, o]))]));
  const customers = new Set<string>();
  let count = 0;
  for (const row of rows) {
    const other = elsewhere.get(bookKey(row));
    const current = books.get(row.customerId)?.get(row.id) ?? (other?.id === row.id ? other : undefined);
    if (current !== undefined && !(row.updatedAt > current.updatedAt)) continue;
    if (current !== undefined && current.customerId !== row.customerId) {
      books.get(current.customerId)?.delete(row.id);
      customers.add(current.customerId);
    }
    books.get(row.customerId)?.set(row.id, row);
    customers.add(row.customerId);
    count += 1;
  }
  // Their order facts: rebuilt at the end of a replace, recounted for the customers of a merge.
  await writeBooks(db, [...customers].map((id) => [id, books.get(id)?.values() ?? []] as const), { locator, facts: 'rebuilt' });
  return { written: count, customers, skipped: rows.length - count };
}
