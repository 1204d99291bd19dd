import type { CustomerDraft, OrderDraft } from '../import/drafts';
import type { ImportChunk } from './rows';
import type { CrmDatabase } from './schema';
import { guard } from './errors';

/**
 * Import staging. An import's rows arrive in chunks and are kept here, outside the tables every
 * other feature reads, until the import is committed in one transaction (./import-commit.ts).
 * Cancel, a closed tab or a killed browser therefore leaves the real tables untouched; leftover
 * chunks of an import that never finished are swept when the next one begins.
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

/** Throws away an import's staged chunks (cancel). */
export function discardImport(db: CrmDatabase, importId: string): Promise<number> {
  return guard(() => db.importChunks.where('importId').equals(importId).delete());
}

/** Removes chunks of imports other than the running ones (left by a closed tab or a crash). */
export function sweepStaging(db: CrmDatabase, running: ReadonlySet<string>): Promise<number> {
  return guard(async () => {
    const ids = (await db.importChunks.orderBy('importId').uniqueKeys()).filter((id): id is string => typeof id === 'string');
    const stale = ids.filter((id) => !running.has(id));
    return stale.length === 0 ? 0 : db.importChunks.where('importId').anyOf(stale).delete();
  });
}

export function stagedChunkCount(db: CrmDatabase, importId: string): Promise<number> {
  return guard(() => db.importChunks.where('importId').equals(importId).count());
}
