import { describe, expect, it } from 'vitest';
import { backupTableNames, commitRestore, readTablePage, rowSchemaFor, tableCounts } from '../../../lib/db/backup';
import type { CrmDatabase } from '../../../lib/db/database';
import { stageChunk } from '../../../lib/db/import-staging';
import { bulkInsert } from '../../../lib/db/repository';
import { readBackup, writeBackup } from '../../../lib/export/backup-file';
import { createSampleBusiness } from '../../../lib/sample/business';
import { freshDatabase, NOW } from '../db/factories';

function sourceFor(db: CrmDatabase) {
  return { tables: () => tableCounts(db), page: (table: string, after: string | null, limit: number) => readTablePage(db, table, after, limit) };
}

async function dump(db: CrmDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const name of backupTableNames(db)) out[name] = await db.table(name).toArray();
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

    for (const name of backupTableNames(db)) await db.table(name).clear();
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

  it('refuses files that are not backups before anything is written', async () => {
    expect(await readBackup(new Blob(['not json']))).toMatchObject({ ok: false });
    expect(await readBackup(new Blob([JSON.stringify({ format: 'local-crm-backup', version: 9, exportedAt: 1, tables: {} })]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newer version/),
    });
    expect(() => rowSchemaFor('customers').parse({ id: 'x', name: 3 })).toThrow();
  });
});
