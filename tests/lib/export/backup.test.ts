import { describe, expect, it } from 'vitest';
import { backupTableNames, commitRestore, readTablePage, rowSchemaFor, tableCounts } from '../../../lib/db/backup';
import type { CrmDatabase } from '../../../lib/db/schema';
import { bookOrders } from '../../../lib/db/orders/book';
import { writeBooks } from '../../../lib/db/orders/store';
import { allOrderFacts } from '../../../lib/db/orders/facts';
import { stageChunk } from '../../../lib/db/import-staging';
import { bulkInsert } from '../../../lib/db/index';
import { readBackup, writeBackup } from '../../../lib/export/backup-file';
import { createSampleBusiness } from '../../../lib/sample/business';
import { freshDatabase, NOW } from '../db/factories';

function sourceFor(db: CrmDatabase) {
  return { tables: () => tableCounts(db), page: (table: string, after: string | null, limit: number) => readTablePage(db, table, after, limit) };
}

/**
 * Every stored table but the import staging (order books, order facts and order keys included).
 * A page of order keys is a key → owner map whose columns keep no particular order: compared
 * as such; order facts are compared as read (lib/db/orders/facts.ts allOrderFacts).
 */
async function dump(db: CrmDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) if (table.name !== 'importChunks') out[table.name] = await table.toArray();
  out.orderKeyPages = (await db.orderKeyPages.toArray()).map((page) => ({ page: page.page, owners: new Map(page.keys.map((key, i) => [key, page.owners[i]])) }));
  // Order facts as the readers see them: in pages or rows of their own, wherever they were written.
  delete out.orderFactPages;
  delete out.orderFactRows;
  out.orderFacts = await allOrderFacts(db);
  return out;
}

/** Restores as the manager does: each table's rows validated, staged in chunks, one commit. */
async function restore(db: CrmDatabase, file: Blob, mode: 'replace' | 'merge') {
  const parsed = await readBackup(file);
  if (!parsed.ok) throw new Error(parsed.reason);
  let seq = 0;
  for (const [table, rows] of Object.entries(parsed.backup.tables)) {
    for (let i = 0; i < rows.length; i += 500) {
      const valid = rows.slice(i, i + 500).map((r) => rowSchemaFor(table).parse(r));
      await stageChunk(db, 'restore', seq++, { kind: 'records', table, rows: valid });
    }
  }
  return commitRestore(db, 'restore', mode, NOW);
}

describe('backup and restore', () => {
  it('gives identical data after backup → wipe → restore', async () => {
    const db = freshDatabase();
    await bulkInsert(db, createSampleBusiness(NOW));
    await db.meta.put({ key: 'backup:last', value: NOW });
    const before = await dump(db);
    const file = await writeBackup(sourceFor(db), NOW);

    for (const table of db.tables) await table.clear();
    expect(await db.customers.count()).toBe(0);
    await restore(db, file, 'replace');
    expect(await dump(db)).toEqual(before);
  });

  it('merges a backup into a database that moved on, keeping the newer rows', async () => {
    const db = freshDatabase();
    await bulkInsert(db, createSampleBusiness(NOW));
    const file = await writeBackup(sourceFor(db), NOW);
    const [first] = await db.customers.toArray();
    await db.customers.put({ ...first!, name: 'Renamed later', updatedAt: NOW + 10 });
    const summary = await restore(db, file, 'merge');
    expect((await db.customers.get(first!.id))?.name).toBe('Renamed later');
    expect(summary.skipped).toBeGreaterThan(0);
  });

  it('keeps one row per order in a backup, page after page, whatever the page size', async () => {
    const db = freshDatabase();
    await bulkInsert(db, createSampleBusiness(NOW));
    const stored = (await db.orderBooks.toArray()).flatMap(bookOrders);
    expect(stored.length).toBeGreaterThan(20);
    expect(backupTableNames(db)).toContain('orders');
    expect(backupTableNames(db)).not.toContain('orderBooks');
    expect((await tableCounts(db)).orders).toBe(stored.length);
    const rows: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await readTablePage(db, 'orders', after, 7);
      if (page.rows.length === 0) break;
      rows.push(...page.rows);
      after = page.last;
    }
    expect(rows).toEqual(stored);
  });

  it('moves an order to the backup’s customer when its copy in the backup is newer (merge)', async () => {
    const db = freshDatabase();
    await bulkInsert(db, createSampleBusiness(NOW));
    const file = await writeBackup(sourceFor(db), NOW);
    const [from, to] = await db.orderBooks.limit(2).toArray();
    const [order, ...rest] = bookOrders(from!);
    // Here the order moved to another customer and was updated; the backup has the older copy.
    await writeBooks(db, [
      [from!.customerId, rest],
      [to!.customerId, [...bookOrders(to!), { ...order!, customerId: to!.customerId, updatedAt: NOW + 5 }]],
    ]);
    await restore(db, file, 'merge');
    const owners = (await db.orderBooks.toArray()).filter((book) => book.ids.includes(order!.id)).map((book) => book.customerId);
    expect(owners).toEqual([to!.customerId]);

    // A newer copy in the backup takes the order back to its customer, from the other book.
    const newer = await writeBackup(sourceFor(db), NOW);
    const text = (await newer.text()).replace(`"customerId":"${to!.customerId}","orderedAt":${order!.orderedAt}`, `"customerId":"${from!.customerId}","orderedAt":${order!.orderedAt}`);
    expect(text).not.toBe(await newer.text());
    const moved = text.replace(`"updatedAt":${NOW + 5}`, `"updatedAt":${NOW + 9}`);
    await restore(db, new Blob([moved]), 'merge');
    const after = (await db.orderBooks.toArray()).filter((book) => book.ids.includes(order!.id)).map((book) => book.customerId);
    expect(after).toEqual([from!.customerId]);
  });

  it('refuses files that are not backups before anything is written', async () => {
    expect(await readBackup(new Blob(['not json']))).toMatchObject({ ok: false });
    expect(await readBackup(new Blob([JSON.stringify({ format: 'local-crm-backup', version: 9, exportedAt: 1, tables: {} })]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newer version/),
    });
    expect(() => rowSchemaFor('customers').parse({ id: 'x', name: 3 })).toThrow();
  });
});
