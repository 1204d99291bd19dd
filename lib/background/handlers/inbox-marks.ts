import { findCustomersByEmails } from '../../db/index';
import { normalizeEmail } from '../../email/normalize';
import type { INBOX_MARK_MESSAGES } from '../../messaging/messages/inbox-marks';
import { ProtocolError } from '../../messaging/router';
import { TIER_MARKS, type TierMark } from '../../messaging/vocabulary';
import type { Customer } from '../../model/records';
import { loadSettings } from '../../settings/store';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

/**
 * The tier a mark shows: the owner's override wins over the computed tier (as everywhere the
 * two are read together); a prospect or a customer not yet classified gets no mark.
 */
export function markTier(customer: Pick<Customer, 'tierOverride' | 'insights'>): TierMark | null {
  const tier = customer.tierOverride ?? customer.insights?.tier ?? null;
  return (TIER_MARKS as readonly string[]).includes(tier ?? '') ? (tier as TierMark) : null;
}

const GMAIL_ORIGIN = 'https://mail.google.com';

export function inboxMarkHandlers(deps: BackgroundDeps): HandlersFor<typeof INBOX_MARK_MESSAGES> {
  return {
    async 'gmail.inboxMarks'({ emails }, ctx) {
      // Only Gmail's content script shows inbox marks; another site's script gets nothing.
      if (ctx.origin !== GMAIL_ORIGIN) throw new ProtocolError('forbidden_sender', 'Inbox marks are for Gmail only.');
      // Checked here, not only in the content script: the setting is the user's consent to
      // put anything about customers into Gmail's page.
      if (!(await loadSettings(deps.prefs)).gmailInboxMarks) {
        throw new ProtocolError('invalid', 'Inbox marks are turned off in the settings.');
      }
      // The reply is keyed by the address as the page wrote it, so the page can place the mark.
      const asked = new Map<string, string>();
      for (const raw of emails) {
        const email = normalizeEmail(raw);
        if (email !== null && !asked.has(raw)) asked.set(raw, email);
      }
      const customers = await withDb(() => findCustomersByEmails(deps.db, [...new Set(asked.values())]));
      const marks: Record<string, TierMark> = {};
      for (const [raw, email] of asked) {
        const customer = customers.get(email);
        const tier = customer ? markTier(customer) : null;
        if (tier) marks[raw] = tier;
      }
      return { marks };
    },
  };
}
