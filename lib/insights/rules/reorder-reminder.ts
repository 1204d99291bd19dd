import { DAY_MS, wholeDays } from '../time';
import { plural, rhythm, suggest, type Rule } from './rule';

export const REMIND_WITHIN_DAYS = 7;
/** Remind a few days before they run out, not on the day. */
export const REMIND_DAYS_BEFORE = 3;

/** They reorder on a rhythm and the next order is due within a week: remind them. */
export const reorderReminder: Rule = (facts, now) => {
  const { figures, stage } = facts;
  const expected = figures.expectedNextOrderAt;
  if (expected === null || stage.stage === 'at_risk' || stage.stage === 'lapsed') return null;
  if (expected - now > REMIND_WITHIN_DAYS * DAY_MS) return null;
  const days = wholeDays(now, expected);
  const when = days > 0 ? `in ${plural(days, 'day')}` : days === 0 ? 'today' : `${plural(-days, 'day')} ago`;
  return suggest(facts, {
    ruleId: 'reorder-reminder',
    title: 'Remind them to reorder',
    reason: `${rhythm(figures)} Next order expected ${when}.`,
    dueAt: expected - REMIND_DAYS_BEFORE * DAY_MS,
    factsKey: `expected:${expected}`,
    evidence: {
      orderCount: figures.orderCount,
      medianIntervalDays: figures.medianIntervalDays,
      lastOrderAt: figures.lastOrderAt,
      expectedNextOrderAt: expected,
    },
  });
};
