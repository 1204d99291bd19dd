/**
 * The settings' key in the background's preferences (lib/db/prefs.ts). Kept apart from
 * ./schema.ts so code that only checks the inbox-marks switch ships without zod.
 */
export const SETTINGS_KEY = 'settings';

/**
 * Whether stored settings turn the Gmail inbox marks on. Read by hand, without the schema:
 * anything but a literal `true` is off, the same default parseSettings gives.
 */
export function inboxMarksOn(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && (stored as { gmailInboxMarks?: unknown }).gmailInboxMarks === true;
}
