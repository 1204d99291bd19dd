import { z } from 'zod';
import { Company, Customer, Interaction, Note, Order } from '../model/records';
import { MetaEntry, type CrmDatabase } from './database';
import { DbError, guard } from './errors';
import { putOrderFacts, rebuildAllOrderFacts } from './order-facts';
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
};

/** A row of a table this version has no schema for: an object with a string id. */
export const UnknownRow = z.looseObject({ id: z.string().min(1).max(200) });

/** Staging, and derived data rebuilt on restore (./order-facts.ts). */
const EXCLUDED = new Set(['importChunks', 'orderFacts']);

export function backupTableNames(db: CrmDatabase): string[] {
  return db.tables.map((t) => t.name).filter((name) => !EXCLUDED.has(name));
}

export function rowSchemaFor(table: string): z.ZodType<Record<string, unknown>> {
  return BACKUP_TABLE_SCHEMAS[table] ?? UnknownRow;
}

/** One page of a table in primary-key order, after `after` (exclusive). */
export function readTablePage(db: CrmDatabase, table: string, after: string | null, limit: number): Promise<{ rows: Record<string, unknown>[]; last: string | null }> {
  return guard(async () => {
    if (!backupTableNames(db).includes(table)) throw new DbError('invalid', `No table “${table}”.`);
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
    for (const name of backupTableNames(db)) counts[name] = await db.table(name).count();
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
export function commitRestore(db: CrmDatabase, importId: string, mode: RestoreMode, now: number): Promise<RestoreSummary> {
  return guard(() => {
    const tables = backupTableNames(db).map((name) => db.table(name));
    return db.transaction('rw', [...tables, db.importChunks, db.orderFacts], async () => {
      const chunkIds = (await db.importChunks.where('importId').equals(importId).primaryKeys()).sort();
      if (chunkIds.length === 0) throw new DbError('not_found', 'Nothing was staged for this restore.');
      if (mode === 'replace') for (const table of tables) await table.clear();
      const summary: RestoreSummary = { written: 0, skipped: 0 };
      const recount = new Set<string>();
      for (const id of chunkIds) {
        const chunk = await db.importChunks.get(id);
        if (chunk === undefined || chunk.kind !== 'records') continue;
        if (!backupTableNames(db).includes(chunk.table)) {
          summary.skipped += chunk.rows.length;
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
          if (chunk.table === 'orders' || chunk.table === 'interactions') for (const row of rows) if (typeof row.customerId === 'string') recount.add(row.customerId);
        }
        await table.bulkPut(rows);
        summary.written += rows.length;
      }
      for (const customerId of recount) {
        const customer = await db.customers.get(customerId);
        if (customer === undefined) continue;
        const orders = await db.orders.where('customerId').equals(customerId).toArray();
        const stats = computeStats(orders, await db.interactions.where('customerId').equals(customerId).toArray());
        await db.customers.put({ ...customer, stats, updatedAt: Math.max(customer.updatedAt, now) });
        await putOrderFacts(db, [[customerId, orders]]);
      }
      // A replace brings a whole new set of orders: every customer's facts are rebuilt.
      if (mode === 'replace') await rebuildAllOrderFacts(db.orders, db.orderFacts);
      await db.importChunks.where('importId').equals(importId).delete();
      return summary;
    });
  });
}
