import { z } from 'zod';
import { EpochMs, Id } from '../model/records';

/**
 * The shapes of the database's own rows (the records of lib/model aside, and the order tables'
 * in ./orders/): what lib/db writes beside the records.
 */

/** A key-value row for small settings and bookkeeping (import ids, last full recompute). */
export const MetaEntry = z.object({ key: z.string().min(1).max(100), value: z.unknown() });
export type MetaEntry = z.infer<typeof MetaEntry>;

/**
 * A staged import chunk (./import-staging.ts), invisible to every reader until committed. A
 * chunk of drafts is stored as one JSON string, not as thousands of small objects: IndexedDB
 * copies a string in one piece.
 */
export const ImportChunk = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    importId: z.string(),
    seq: z.number().int().min(0),
    kind: z.literal('drafts'),
    /** `{ customers, orders }` as JSON (see above). */
    json: z.string(),
  }),
  z.object({
    id: z.string(),
    importId: z.string(),
    seq: z.number().int().min(0),
    kind: z.literal('records'),
    /** A backup table's name and its rows, already validated against that table's schema. */
    table: z.string().max(60),
    rows: z.array(z.record(z.string(), z.unknown())),
  }),
  /** The import's run record (./import-staging.ts): when it began and when a chunk last arrived. */
  z.object({
    id: z.string(),
    importId: z.string(),
    kind: z.literal('run'),
    begunAt: z.number(),
    touchedAt: z.number(),
  }),
]);
export type ImportChunk = z.infer<typeof ImportChunk>;

export const HOLD_KINDS = ['done', 'dismissed', 'snoozed'] as const;

/**
 * One held suggestion per customer and rule (a new hold replaces the old). `done` holds like a
 * dismissal: most rules' facts are orders, which logging an interaction does not change, so
 * without it a done suggestion would come straight back. All three end when the facts change.
 */
export const SuggestionHoldRow = z.object({
  /** `${ruleId}:${customerId}`: a string key, as backups expect (lib/db/backup.ts). */
  id: z.string().min(1).max(200),
  customerId: Id,
  ruleId: z.string().min(1).max(60),
  factsKey: z.string().min(1).max(500),
  kind: z.enum(HOLD_KINDS),
  until: EpochMs.nullable(),
  createdAt: EpochMs,
  /** What a `done` logged, so that undoing it takes the interaction back too. */
  interactionId: Id.optional(),
});
export type SuggestionHoldRow = z.infer<typeof SuggestionHoldRow>;

export function holdId(customerId: string, ruleId: string): string {
  return `${ruleId}:${customerId}`;
}
