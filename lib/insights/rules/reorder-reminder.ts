import { DAY_MS, wholeDays } from '../time';
import { defineRule } from './define';
import { buyingWords, plural } from './rule';

export const REMIND_WITHIN_DAYS = 7;
/** Remind a few days before they run out, not on the day. */
export const REMIND_DAYS_BEFORE = 3;

/** They reorder on a rhythm and the next order is due within a week: remind them. */
export const reorderReminder = defineRule({
  id: 'reorder-reminder',
  priority: 70,
  title: 'Remind them to reorder',
  difficultTitle: 'Remind them to reorder, with the standard terms attached',
  purpose: 'relationship',
  group: 'grow',
  doneKind: 'other',
  conditions: `They have a rhythm (two or more orders), their next order by it is due within ${REMIND_WITHIN_DAYS} days or a little late, and they are not at risk.`,
  suggest(facts, now) {
    const { figures, stage } = facts;
    const expected = figures.expectedNextOrderAt;
    if (expected === null || stage.stage === 'at_risk' || stage.stage === 'lapsed') return null;
    if (expected - now > REMIND_WITHIN_DAYS * DAY_MS) return null;
    const days = wholeDays(now, expected);
    const when = days > 0 ? `in ${plural(days, 'day')}` : days === 0 ? 'today' : `${plural(-days, 'day')} ago`;
    return {
      reason: `${buyingWords(facts)} Next order expected ${when}.`,
      dueAt: expected - REMIND_DAYS_BEFORE * DAY_MS,
      factsKey: `expected:${expected}`,
      evidence: { orderCount: figures.orderCount, medianIntervalDays: figures.medianIntervalDays, lastOrderAt: figures.lastOrderAt, expectedNextOrderAt: expected },
    };
  },
  cases: [
    { name: 'stays silent without a rhythm (one order)', given: { orders: [25] }, expect: null },
    { name: 'stays silent when the next order is 10 days away', given: { orders: [80, 50, 20] }, expect: null },
    { name: 'reminds when the next order is due in 5 days', given: { orders: [85, 55, 25] }, expect: { reason: 'Orders every 4 weeks; last order 4 weeks ago. Next order expected in 5 days.' } },
    { name: 'still reminds on day 7', given: { orders: [83, 53, 23] }, expect: { factsKeyIncludes: 'expected:' } },
  ],
});
