/**
 * Limits of the records, as plain constants without zod, so that content scripts can share them
 * without shipping a schema library (through lib/messaging/vocabulary.ts).
 */

/** The longest note body, in characters. */
export const NOTE_MAX = 10_000;
