import type { SyncTable } from '../model/shared-tables';

/**
 * The rows of team sync's own tables (./schema.ts, version 12; written by ./sync-store.ts): the
 * revision of each team document applied here, and the open conflicts the cards show.
 */

export interface SyncDocRow {
  id: string;
  rev: string;
}

/** [epoch ms, member id, generation] (lib/sync/merge.ts). */
export type ConflictClock = [number, string, number];

export interface ConflictAlternative {
  v?: unknown;
  at: number;
  by: string;
}

export interface ConflictHistory extends ConflictAlternative {
  field: string;
  replacedAt: number;
  replacedBy: string;
}

/** An open conflict of one record, for the card: the value shown and the others, by field. */
export interface RecordConflicts {
  table: SyncTable;
  key: string;
  customerId: string | null;
  fields: Record<string, { current: { v?: unknown; clock: ConflictClock | null }; others: ConflictAlternative[] }>;
  history: ConflictHistory[];
}

export interface SyncConflictRow extends RecordConflicts {
  /** `${table}/${key}` */
  id: string;
}
