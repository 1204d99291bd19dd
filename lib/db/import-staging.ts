import type { CustomerDraft, OrderDraft } from '../import/drafts';
import type { ImportChunk } from './rows';
import type { CrmDatabase } from './schema';
import { DbError, guard } from './errors';

/**
 * Import staging. An import's rows arrive in chunks and are kept here, outside the tables every
 * other feature reads, until the import is committed in one transaction (./import-commit.ts).
 * Cancel, a closed tab or a killed browser therefore leaves the real tables untouched; leftover
 * chunks of an import that never finished are swept when the next one begins.
 *
 * Each import has a run record beside its chunks (`beginRun`): an import is alive while it has
 * one, and chunks are staged only for a live import, so a service worker stopped and restarted
 * mid-import resumes where it was. A commit takes the number of chunks the page sent and
 * refuses, removing the staging, unless every chunk 0…n−1 is there (`assertWhole`): an import
 * is never made half-visible.
 *
 * A chunk of drafts is stored as one JSON string, not as thousands of small objects: IndexedDB
 * copies a string in one piece, and a million-row import stages two hundred chunks of 5,000
 * rows (about 60 ms each as objects at that size, in Chromium). The drafts were validated when
 * they crossed the message boundary (import.stage); `chunkDrafts` reads them back.
 */

/** Sorts chunks by sequence when listed by primary key. */
export function chunkId(importId: string, seq: number): string {
  return `${importId}:${String(seq).padStart(8, '0')}`;
}

/** The run record's id: after every chunk's in key order. */
export function runId(importId: string): string {
  return `${importId}:run`;
}

/** An import no chunk reached for this long is abandoned: the next import sweeps it. */
export const STALE_RUN_MS = 3 * 60 * 60_000;

/** Starts an import: it is alive from now on, until committed, cancelled or swept. */
export function beginRun(db: CrmDatabase, importId: string, now: number): Promise<void> {
  return guard(async () => {
    const run: ImportChunk = { id: runId(importId), importId, kind: 'run', begunAt: now, touchedAt: now };
    await db.importChunks.put(run);
  });
}

/**
 * Stages a chunk of a live import (its run record is there), in one transaction with the check;
 * an import cancelled, swept or never begun gets `not_found`.
 */
export function stageRunChunk(db: CrmDatabase, importId: string, seq: number, chunk: NewChunk, now: number): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.importChunks, async () => {
      const run = await db.importChunks.get(runId(importId));
      if (run === undefined || run.kind !== 'run') {
        throw new DbError('not_found', 'This import is no longer running (it was cancelled or abandoned). Nothing was imported; start it again.');
      }
      await stageChunk(db, importId, seq, chunk);
      const touched: ImportChunk = { ...run, touchedAt: now };
      await db.importChunks.put(touched);
    }),
  );
}

/**
 * Inside a commit's transaction: the import is alive and holds exactly the chunks 0…chunks−1.
 * Throws an IncompleteImportError otherwise (the caller removes the staging), and returns the
 * chunks' ids in sequence.
 */
export async function assertWhole(db: CrmDatabase, importId: string, chunks: number): Promise<string[]> {
  const ids = await stagedChunkIds(db, importId);
  const run = await db.importChunks.get(runId(importId));
  if (run === undefined) {
    throw new IncompleteImportError('not_found', 'This import is no longer running (it was cancelled or abandoned). Nothing was imported; start it again.');
  }
  const expected = Array.from({ length: chunks }, (_, seq) => chunkId(importId, seq));
  const missing = expected.filter((id) => !ids.includes(id)).length;
  if (chunks === 0 || missing > 0 || ids.length !== chunks) {
    const what = missing > 0 ? `${missing} of its ${chunks} parts never arrived` : `it holds ${ids.length} parts where ${chunks} were sent`;
    throw new IncompleteImportError('invalid', `This import is incomplete (${what}), so nothing was imported. Start it again.`);
  }
  return ids;
}

/** A commit refused because its import is not whole (see assertWhole). */
export class IncompleteImportError extends DbError {}

export type NewChunk =
  | { kind: 'drafts'; customers: CustomerDraft[]; orders: OrderDraft[] }
  | { kind: 'records'; table: string; rows: Record<string, unknown>[] };

/** Stores one chunk. Re-sending a sequence number replaces that chunk (a retried message). */
export function stageChunk(db: CrmDatabase, importId: string, seq: number, chunk: NewChunk): Promise<void> {
  return guard(async () => {
    const id = chunkId(importId, seq);
    const row: ImportChunk =
      chunk.kind === 'drafts'
        ? { id, importId, seq, kind: 'drafts', json: JSON.stringify({ customers: chunk.customers, orders: chunk.orders }) }
        : { ...chunk, id, importId, seq };
    await db.importChunks.put(row);
  });
}

/** A staged chunk's drafts, as they were staged. */
export function chunkDrafts(chunk: Extract<ImportChunk, { kind: 'drafts' }>): { customers: CustomerDraft[]; orders: OrderDraft[] } {
  return JSON.parse(chunk.json) as { customers: CustomerDraft[]; orders: OrderDraft[] };
}

/** An import's staged chunks' ids, in sequence (its run record left out). */
export async function stagedChunkIds(db: CrmDatabase, importId: string): Promise<string[]> {
  return (await db.importChunks.where('importId').equals(importId).primaryKeys()).filter((id) => id !== runId(importId)).sort();
}

/** Throws away an import's staged chunks and its run record (cancel, or a commit refused). */
export function discardImport(db: CrmDatabase, importId: string): Promise<number> {
  return guard(() => db.importChunks.where('importId').equals(importId).delete());
}

/**
 * Removes what abandoned imports left (a closed tab, a killed browser): chunks of an import
 * without a run record, or whose last chunk arrived more than STALE_RUN_MS ago.
 */
export function sweepStaging(db: CrmDatabase, now: number): Promise<number> {
  return guard(async () => {
    const ids = (await db.importChunks.orderBy('importId').uniqueKeys()).filter((id): id is string => typeof id === 'string');
    const runs = await db.importChunks.bulkGet(ids.map(runId));
    const stale = ids.filter((_, i) => {
      const run = runs[i];
      return run === undefined || run.kind !== 'run' || run.touchedAt < now - STALE_RUN_MS;
    });
    return stale.length === 0 ? 0 : db.importChunks.where('importId').anyOf(stale).delete();
  });
}
