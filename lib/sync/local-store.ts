import type { Fields } from '../db/sync-codec';
import type { SyncTable } from './layout';

/**
 * What the sync engine needs from this browser's database (implemented over Dexie in
 * lib/db/sync-store.ts; the engine's tests use an in-memory one). Writes that come from the
 * team are applied with origin 'remote', so the change journal does not send them back.
 */

import type { ApplyBatch, ApplyOutcome, PendingChange } from '../db/index';

// The shapes are the database's (lib/db/sync-store.ts), which implements this over Dexie.
export type { ApplyBatch, ApplyOutcome, ApplyRow, PendingChange, RecordConflicts } from '../db/index';

export interface LocalStore {
  /** Local-origin journal rows after `after`, oldest first, at most `limit`. */
  pending(after: number, limit: number): Promise<PendingChange[]>;
  /** The journal's last sequence number (0 when nothing was ever written). */
  journalSeq(): Promise<number>;
  /** Forgets journal rows up to `seq`: they are in the mirror. */
  acknowledge(seq: number): Promise<void>;
  /** A page of a table's keys after `after` (for the first push of a browser's own data). */
  keys(table: SyncTable, after: string | null, limit: number): Promise<string[]>;
  /** Current rows' synced fields by key (null: no row). */
  read(table: SyncTable, keys: readonly string[]): Promise<Map<string, Fields | null>>;
  /** Which revision of each document was last applied here. */
  docStates(ids: readonly string[]): Promise<Map<string, string>>;
  /** Applies a batch in one transaction unless a local write raced it (see ApplyOutcome). */
  apply(batch: ApplyBatch, journalSeq: number): Promise<ApplyOutcome>;
}
