/**
 * Which records are documents, and how they are grouped (ARCHITECTURE.md, "Team sync").
 *
 * Records are grouped into buckets: every record of a shared table lands in one of
 * `buckets` documents by a hash of its key, and a document holds every record of its bucket.
 * Why not one document per record: the replication protocol's cost is per document (a changes
 * entry, a revs_diff entry, a bulk_get entry, a revision tree), and a browser pulls about a
 * thousand small documents a second from PouchDB Server, so the 100k book (100,000 customers,
 * 1,000,000 orders, interactions and notes) as a document per record could never arrive in the
 * two minutes budgeted. In buckets it is a few thousand documents of a few KB each. Two people
 * editing two customers of one bucket at once make a CouchDB conflict, which is no harder than
 * one on the same customer: conflicts are merged record by record, field by field (./merge.ts).
 */

import { isSyncTable, type SyncTable } from '../model/shared-tables';

export { isSyncTable, SYNC_TABLES, type SyncTable } from '../model/shared-tables';

/** Buckets per table for a new team; kept in the team's settings document, never changed after. */
export const DEFAULT_BUCKETS = 2048;

/** FNV-1a (32 bit) of the key, over UTF-16 code units: stable across browsers and versions. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function bucketOf(key: string, buckets: number): number {
  return hashKey(key) % buckets;
}

/** A bucket's name: what its document id is made from (in clear, or through the id key when encrypted). */
export function bucketName(table: SyncTable, bucket: number): string {
  return `${table}.${bucket}`;
}

export function parseBucketName(name: string): { table: SyncTable; bucket: number } | null {
  const match = /^([A-Za-z]+)\.(\d{1,6})$/.exec(name);
  if (!match || !isSyncTable(match[1] ?? '')) return null;
  return { table: match[1] as SyncTable, bucket: Number(match[2]) };
}

/** The id of the one document every member reads first: how the team's documents are laid out and locked. */
export const TEAM_DOC_ID = 'team-settings';
/** Members' display names: `member-<id>` documents (small, in clear only when the team is). */
export const MEMBER_PREFIX = 'member-';
