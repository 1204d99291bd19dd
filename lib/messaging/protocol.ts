import { z } from 'zod';
import { SPINE_MESSAGES } from './messages/spine';
import { MANAGER_MESSAGES } from './messages/manager';
import { INTERACTION_MESSAGES } from './messages/interactions';
import { QUICK_NOTE_MESSAGES } from './messages/quick-notes';
import { REMINDER_MESSAGES } from './messages/reminders';
import { SETTINGS_MESSAGES } from './messages/settings';
import { SITES_MESSAGES } from './messages/sites';
import { INSIGHT_MESSAGES } from './messages/insights';
import { INBOX_MARK_MESSAGES } from './messages/inbox-marks';
import { TEAM_MESSAGES } from './messages/team';
import { DASHBOARD_MESSAGES } from './messages/dashboard';
import { RECOVERY_MESSAGES } from './messages/recovery';

/**
 * The whole message protocol between the surfaces and the background: each message's request
 * and reply schema and which senders may send it (see ./define.ts), gathered from one module per
 * feature in ./messages/. The background router refuses unknown types, malformed payloads and
 * wrong senders with an error code (./router.ts). window.postMessage carries no authority and is
 * not part of the protocol.
 */

export { SENDERS, type SenderKind } from './define';
export * from './messages/spine';
export * from './messages/manager';
export * from './messages/interactions';
export * from './messages/quick-notes';
export * from './messages/reminders';
export * from './messages/settings';
export * from './messages/sites';
export * from './messages/insights';
export * from './messages/inbox-marks';
export * from './messages/team';
export * from './messages/dashboard';
export * from './messages/recovery';

export const PROTOCOL = {
  ...SPINE_MESSAGES,
  ...MANAGER_MESSAGES,
  ...QUICK_NOTE_MESSAGES,
  ...INTERACTION_MESSAGES,
  ...REMINDER_MESSAGES,
  ...SETTINGS_MESSAGES,
  ...SITES_MESSAGES,
  ...INBOX_MARK_MESSAGES,
  ...INSIGHT_MESSAGES,
  ...TEAM_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...RECOVERY_MESSAGES,
} as const;

export type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
export type ReplyOf<T extends MessageType> = z.output<Protocol[T]['reply']>;

export const ERROR_CODES = [
  'unknown_type',
  'bad_request',
  'forbidden_sender',
  'not_found',
  'invalid',
  'storage',
  /** The database was written by a newer version of the extension: reads only (lib/background/recovery.ts). */
  'read_only',
  /** The customer book was lost or cannot be opened: only recovery works (lib/background/recovery.ts). */
  'recovery',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);
export type Envelope = z.infer<typeof Envelope>;

export { PORT_NAME } from './vocabulary';
export { parsePushEvent, type PushEvent } from './push';
