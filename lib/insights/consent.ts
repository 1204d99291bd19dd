import { MARKETING_CHANNELS, type Channel, type Customer, type MarketingChannel } from '../model/records';
import type { Purpose } from './rules/define';

/**
 * Which channel a suggestion may use, or null when the customer may not be contacted for it:
 * - service (a complaint, an open question) answers on the preferred channel, or email, whatever
 *   the consent: do-not-contact says "except service replies";
 * - anything else needs no do-not-contact, and a channel the customer chose and has not opted out
 *   of marketing on: the preferred one; without a preference email (how they reached the shop;
 *   the phone when only a number is known), unless they opted out of it; else a channel they
 *   said "yes" to. SMS and WhatsApp are proposed only when
 *   preferred or consented: a channel the customer never chose is not proposed.
 */
export function channelFor(purpose: Purpose, customer: Customer): Channel | null {
  const preferred = customer.preferredChannel;
  if (purpose === 'service') return preferred ?? fallback(customer);
  const consent = customer.consent;
  if (consent.doNotContact !== null) return null;
  const optedOut = (channel: Channel) => isMarketing(channel) && consent.marketing[channel] === 'no';
  if (preferred !== null && !optedOut(preferred)) return preferred;
  if (preferred === null) {
    const usual = fallback(customer);
    if (!optedOut(usual)) return usual;
  }
  for (const channel of MARKETING_CHANNELS) if (consent.marketing[channel] === 'yes') return channel;
  return null;
}

function fallback(customer: Customer): Channel {
  return customer.emails.length === 0 && customer.phone ? 'phone' : 'email';
}

function isMarketing(channel: Channel): channel is MarketingChannel {
  return channel === 'email' || channel === 'sms' || channel === 'whatsapp';
}
