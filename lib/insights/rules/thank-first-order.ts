import { formatMoney } from '../money';
import { DAY_MS, wholeDays } from '../time';
import type { OrderFact } from '../types';
import { defineRule } from './define';
import { ago } from './rule';

export const THANK_WITHIN_DAYS = 14;

/** A first purchase is the cheapest moment to start a relationship: say thank you. */
export const thankFirstOrder = defineRule({
  id: 'thank-first-order',
  priority: 75,
  title: 'Thank them for their first order',
  difficultTitle: 'Thank them and confirm in writing what the order includes',
  purpose: 'relationship',
  group: 'personal',
  doneKind: 'thank_you',
  conditions: `Their first order was at most ${THANK_WITHIN_DAYS} days ago and no thank-you is logged since.`,
  suggest(facts, now) {
    // The date from the figures rules out nearly every customer without reading the order.
    const firstOrderAt = facts.figures.firstOrderAt;
    if (firstOrderAt === null) return null;
    const days = wholeDays(firstOrderAt, now);
    if (days > THANK_WITHIN_DAYS) return null;
    const first = facts.prepared.purchases[0] as OrderFact;
    if (facts.prepared.interactions.some((i) => i.kind === 'thank_you' && i.at >= first.orderedAt)) return null;
    return {
      reason: `First order ${ago(days)} (${formatMoney(first.total.minor, first.total.currency)}); no thank-you logged yet.`,
      dueAt: first.orderedAt + DAY_MS,
      factsKey: `first-order:${first.id}`,
      evidence: { orderId: first.id, orderedAt: first.orderedAt, daysSinceFirstOrder: days },
    };
  },
  cases: [
    { name: 'thanks for a first order 3 days ago', given: { orders: [[3, 4_500]] }, expect: { reason: 'First order 3 days ago (€45.00); no thank-you logged yet.' } },
    { name: 'still thanks on day 14', given: { orders: [14] }, expect: { factsKeyIncludes: 'first-order:' } },
    { name: 'stays silent after 14 days', given: { orders: [15] }, expect: null },
    { name: 'stays silent once thanked', given: { orders: [5], interactions: [['thank_you', 2]] }, expect: null },
    { name: 'stays silent for a prospect', given: {}, expect: null },
    { name: 'not when their only channel opted out of marketing', given: { customer: { emails: ['a@example.com'], consent: { doNotContact: null, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: 0 } }, orders: [3] }, expect: null },
  ],
});
