import { z } from 'zod';
import { message } from '../define';
import { TIER_MARKS } from '../vocabulary';

/**
 * Gmail inbox tier marks: the one message whose reply tells a content script something about
 * customers. Why that is acceptable:
 * - it is opt-in: the setting `gmailInboxMarks` is off by default and the background refuses
 *   the message while it is off (the settings page says the marks are visible to Gmail);
 * - the reply is the least the mark needs: one tier letter per address the page itself already
 *   shows, for known customers only. No id, name, note or figure ever reaches the page; an
 *   address that is not a customer is simply absent (so is one without a tier yet);
 * - what leaks is what the user asked to see on the page: "this sender is a tier-A customer".
 */

/** Gmail shows 50 rows per page by default and up to 100; a few participants each. */
export const INBOX_MARKS_MAX = 300;

export const INBOX_MARK_MESSAGES = {
  /** Content script (Gmail list views): the tier letters of the row participants that are customers. */
  'gmail.inboxMarks': message({
    request: z.object({ emails: z.array(z.string().min(3).max(320)).max(INBOX_MARKS_MAX) }),
    reply: z.object({ marks: z.record(z.string(), z.enum(TIER_MARKS)) }),
    senders: ['content'],
  }),
} as const;
