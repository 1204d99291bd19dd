import { backupText, type BackupSource } from '../export/backup-file';
import type { BookCounts } from './marker';
import type { SafetyStore, SnapshotInfo } from './store';

/**
 * Safety copies: besides the backups the owner downloads, the background keeps one full copy a
 * day of the last KEEP_SNAPSHOTS days, compressed, in the extension's own storage apart from the
 * database (./store.ts). A copy is a backup file (lib/export/backup-file.ts) gzipped as it is
 * read, a table page at a time, so it never sits whole in memory uncompressed; the recovery
 * screen and the manager restore one through the ordinary restore path.
 */

export const KEEP_SNAPSHOTS = 7;
/** A new copy is due when the newest is this old. */
export const SNAPSHOT_EVERY_MS = 24 * 60 * 60_000;

export function snapshotDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function snapshotDue(newest: SnapshotInfo | undefined, now: number): boolean {
  return newest === undefined || now - newest.takenAt >= SNAPSHOT_EVERY_MS;
}

/** Takes a copy of everything `source` reads, stores it, and keeps only the newest KEEP_SNAPSHOTS. */
export async function takeSnapshot(store: SafetyStore, source: BackupSource, facts: { schema: number; counts: BookCounts }, now: number): Promise<SnapshotInfo> {
  let rows = 0;
  const parts = backupText(source, now, (done) => (rows = done));
  const encoder = new TextEncoder();
  const text = new ReadableStream<BufferSource>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const gzipped = await new Response(text.pipeThrough(new CompressionStream('gzip'))).blob();
  const info: SnapshotInfo = { id: snapshotDay(now), takenAt: now, schema: facts.schema, counts: facts.counts, rows, bytes: gzipped.size };
  await store.putSnapshot(info, gzipped);
  const all = await store.listSnapshots();
  for (const old of all.slice(KEEP_SNAPSHOTS)) await store.deleteSnapshot(old.id);
  return info;
}
