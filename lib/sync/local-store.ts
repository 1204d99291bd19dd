import type { Fields } from '../db/sync-codec';
import type { SyncTable } from './layout';
import type { Alternative, Clock, HistoryEntry } from './merge';

/**
 * What the sync engine needs from this browser's database (implemented over Dexie in
 * lib/db/sync-store.ts; the engine's tests use an in-memory one). Writes that come from the
 * team are applied with origin 'remote', so the change journal does not send them back.
 */

/** Local writes to shared tables, from the change journal. */
export interface PendingChange {
  seq: number;
  table: SyncTable;
  keys: string[];
}

/** An open conflict of one record, for the card: the value shown and the others, by field. */
export interface RecordConflicts {
  table: SyncTable;
  key: string;
  customerId: string | null;
  fields: Record<string, { current: { v?: unknown; clock: Clock | null }; others: Alternative[] }>;
  history: HistoryEntry[];
}

export interface ApplyRow {
  table: SyncTable;
  key: string;
  /** The synced fields to store (null: remove the row). */
  fields: Fields | null;
}

export interface ApplyBatch {
  rows: ApplyRow[];
  /** Records whose open conflicts changed (null conflicts: none any more). */
  conflicts: { table: SyncTable; key: string; conflicts: RecordConflicts | null }[];
  /** The revision of each document now reflected in the database. */
  docs: { id: string; rev: string }[];
}

export interface ApplyOutcome {
  /** False when a local write to one of the rows came after `journalSeq`: nothing was written. */
  applied: boolean;
  /** Rows refused because they failed their schema (reported; the rest was applied). */
  refused: { table: SyncTable; key: string; reason: string }[];
}

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
