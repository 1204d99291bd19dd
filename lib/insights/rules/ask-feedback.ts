import type { InteractionKind } from '../../model/records';
import { DAY_MS, wholeDays } from '../time';
import type { OrderFact } from '../types';
import { suggest, type Rule } from './rule';

export const FEEDBACK_FROM_DAYS = 14;
export const FEEDBACK_UNTIL_DAYS = 28;

/** Anything that means the customer's opinion was already asked or heard. */
const HEARD: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  'survey_sent',
  'feedback_positive',
  'feedback_negative',
  'complaint_opened',
  'complaint_resolved',
]);

/**
 * Two to four weeks after an order the customer has used what they bought but still
 * remembers it: the moment for a short survey (with a small incentive, so it gets answered).
 */
export const askFeedback: Rule = (facts, now) => {
  // The date from the figures rules out nearly every customer without reading the order.
  const lastOrderAt = facts.figures.lastOrderAt;
  if (lastOrderAt === null) return null;
  const days = wholeDays(lastOrderAt, now);
  if (days < FEEDBACK_FROM_DAYS || days > FEEDBACK_UNTIL_DAYS) return null;
  const last = facts.prepared.purchases[facts.prepared.purchases.length - 1] as OrderFact;
  if (facts.prepared.interactions.some((i) => HEARD.has(i.kind) && i.at >= last.orderedAt)) return null;
  const order = last.number ? `order ${last.number}` : 'their last order';
  return suggest(facts, {
    ruleId: 'ask-feedback',
    title: 'Ask for feedback: a short survey with a small incentive',
    reason: `${capitalise(order)} was ${days} days ago; no feedback or survey logged since.`,
    dueAt: last.orderedAt + FEEDBACK_FROM_DAYS * DAY_MS,
    factsKey: `order:${last.id}`,
    evidence: { orderId: last.id, orderedAt: last.orderedAt, daysSinceOrder: days },
  });
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
