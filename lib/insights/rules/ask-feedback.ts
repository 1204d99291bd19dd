import type { InteractionKind } from '../../model/records';
import { DAY_MS, wholeDays } from '../time';
import type { OrderFact } from '../types';
import { defineRule } from './define';

export const FEEDBACK_FROM_DAYS = 14;
export const FEEDBACK_UNTIL_DAYS = 28;

/** Anything that means the customer's opinion was already asked or heard. */
const HEARD: ReadonlySet<InteractionKind> = new Set<InteractionKind>(['survey_sent', 'feedback_positive', 'feedback_negative', 'complaint_opened', 'complaint_resolved']);

/**
 * Two to four weeks after an order the customer has used what they bought but still
 * remembers it: the moment for a short survey (with a small incentive, so it gets answered).
 */
export const askFeedback = defineRule({
  id: 'ask-feedback',
  priority: 40,
  title: 'Ask for feedback: a short survey with a small incentive',
  difficultTitle: 'Ask for feedback on the agreed service, in a short written survey',
  purpose: 'relationship',
  group: 'grow',
  doneKind: 'survey_sent',
  conditions: `Their last order was ${FEEDBACK_FROM_DAYS}–${FEEDBACK_UNTIL_DAYS} days ago and no survey, feedback or complaint is logged since.`,
  suggest(facts, now) {
    const lastOrderAt = facts.figures.lastOrderAt;
    if (lastOrderAt === null) return null;
    const days = wholeDays(lastOrderAt, now);
    if (days < FEEDBACK_FROM_DAYS || days > FEEDBACK_UNTIL_DAYS) return null;
    const last = facts.prepared.purchases[facts.prepared.purchases.length - 1] as OrderFact;
    if (facts.prepared.interactions.some((i) => HEARD.has(i.kind) && i.at >= last.orderedAt)) return null;
    const order = last.number ? `Order ${last.number}` : 'Their last order';
    return {
      reason: `${order} was ${days} days ago; no feedback or survey logged since.`,
      dueAt: last.orderedAt + FEEDBACK_FROM_DAYS * DAY_MS,
      factsKey: `order:${last.id}`,
      evidence: { orderId: last.id, orderedAt: last.orderedAt, daysSinceOrder: days },
    };
  },
  cases: [
    { name: 'asks two weeks after an order', given: { orders: [60, 14] }, expect: { reason: 'Their last order was 14 days ago; no feedback or survey logged since.' } },
    { name: 'still asks on day 28', given: { orders: [28] }, expect: { factsKeyIncludes: 'order:' } },
    { name: 'stays silent before two weeks', given: { orders: [13] }, expect: null },
    { name: 'stays silent after four weeks', given: { orders: [29] }, expect: null },
    { name: 'stays silent once a survey went out', given: { orders: [20], interactions: [['survey_sent', 3]] }, expect: null },
  ],
});
