/**
 * Plain constants of the protocol, free of zod, so content scripts can use them without
 * shipping a schema library into every page load (the Gmail script's budget is 20 KB).
 */
export const PERSON_ROLES = ['from', 'to', 'cc', 'bcc'] as const;
export const PAGE_VIEWS = ['thread', 'inbox', 'compose', 'other'] as const;

export { NOTE_MAX } from '../model/limits';

/** The runtime port over which the background pushes events to open pages. */
export const PORT_NAME = 'crm-events';

/** The tier letters an inbox mark may show (lib/messaging/messages/inbox-marks.ts). */
export const TIER_MARKS = ['A', 'B', 'C'] as const;
export type TierMark = (typeof TIER_MARKS)[number];
