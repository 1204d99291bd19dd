/**
 * Where the settings live in `storage.local`. Kept apart from ./schema.ts so the Gmail content
 * script can watch the inbox-marks switch without shipping zod.
 */
export const SETTINGS_KEY = 'settings';

/**
 * Whether stored settings turn the Gmail inbox marks on. Read by hand, without the schema:
 * anything but a literal `true` is off, the same default parseSettings gives.
 */
export function inboxMarksOn(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && (stored as { gmailInboxMarks?: unknown }).gmailInboxMarks === true;
}
