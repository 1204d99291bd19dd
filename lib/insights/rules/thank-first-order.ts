import { formatMoney } from '../money';
import type { OrderFact } from '../types';
import { DAY_MS, wholeDays } from '../time';
import { ago, suggest, type Rule } from './rule';

export const THANK_WITHIN_DAYS = 14;

/** A first purchase is the cheapest moment to start a relationship: say thank you. */
export const thankFirstOrder: Rule = (facts, now) => {
  // The date from the figures rules out nearly every customer without reading the order.
  const firstOrderAt = facts.figures.firstOrderAt;
  if (firstOrderAt === null) return null;
  const days = wholeDays(firstOrderAt, now);
  if (days > THANK_WITHIN_DAYS) return null;
  const first = facts.prepared.purchases[0] as OrderFact;
  const thanked = facts.prepared.interactions.some((i) => i.kind === 'thank_you' && i.at >= first.orderedAt);
  if (thanked) return null;
  return suggest(facts, {
    ruleId: 'thank-first-order',
    title: 'Thank them for their first order',
    reason: `First order ${ago(days)} (${formatMoney(first.total.minor, first.total.currency)}); no thank-you logged yet.`,
    dueAt: first.orderedAt + DAY_MS,
    factsKey: `first-order:${first.id}`,
    evidence: { orderId: first.id, orderedAt: first.orderedAt, daysSinceFirstOrder: days },
  });
};
