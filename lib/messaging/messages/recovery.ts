import { z } from 'zod';
import { BookCounts } from '../../safety/marker';
import { SnapshotInfo } from '../../safety/store';
import { message } from '../define';

/**
 * The customer book's health and its recovery (lib/background/recovery.ts): the manager and the
 * sidebar ask for the status first and show the recovery screen, or the read-only notice, when
 * the book is not whole. The safety copies themselves are read by the pages from the extension's
 * storage (lib/safety/store.ts) and restored through `restore.stage` / `restore.commit`.
 */

export const RecoveryStatus = z.object({
  state: z.enum(['ok', 'newer', 'lost', 'unreadable']),
  held: z.object({ counts: BookCounts, lastBackupAt: z.number().nullable(), seenAt: z.number(), schema: z.number().int() }).nullable(),
  since: z.number().nullable(),
  error: z.string().nullable(),
  schema: z.object({ found: z.number().int().nullable(), supported: z.number().int() }),
  team: z.boolean(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

const Ok = z.object({ ok: z.literal(true) });
/** The owner ticked "I understand": the screen asks before anything is given up or deleted. */
const Confirmed = z.object({ confirmed: z.literal(true) });

export const RECOVERY_MESSAGES = {
  'recovery.status': message({ request: z.object({}), reply: RecoveryStatus, senders: ['page'] }),
  /** Goes on with an empty book: what was lost is given up (only while the book is lost). */
  'recovery.startOver': message({ request: Confirmed, reply: Ok, senders: ['page'] }),
  /** Deletes a database that cannot be opened and makes it anew, empty, to restore into. */
  'recovery.reset': message({ request: Confirmed, reply: Ok, senders: ['page'] }),
  /** Restores the book from the team server (offered when `status.team`). */
  'recovery.team': message({ request: z.object({}), reply: z.object({ written: z.number().int(), skipped: z.number().int() }), senders: ['page'] }),
  /** The safety copies kept, newest first (the pages read one from the extension's storage to restore it). */
  'safety.list': message({ request: z.object({}), reply: z.array(SnapshotInfo), senders: ['page'] }),
  /** Takes a safety copy now (the manager's backup section; the bench measures it). */
  'safety.snapshot': message({ request: z.object({}), reply: SnapshotInfo.nullable(), senders: ['page'] }),
} as const;
