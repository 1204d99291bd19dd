import { DAY_MS, wholeDays } from '../time';
import { ago, plural, suggest, type Rule } from './rule';

export const FIRST_FOLLOW_UP_DAYS = 14;

/**
 * A prospect who hears nothing forgets you. The first follow-up comes 14 days after the
 * first contact (or after the prospect was added, when nothing is logged); once there has
 * been more than one contact, the Prospect keep-in-touch cadence applies (30 days by default).
 */
export const followUpProspect: Rule = (facts, now) => {
  const { figures, prepared, settings } = facts;
  if (figures.orderCount > 0) return null;
  const since = figures.lastTouchAt ?? prepared.customer.createdAt;
  const wait = prepared.interactions.length <= 1 ? FIRST_FOLLOW_UP_DAYS : settings.cadenceDays.Prospect;
  const days = wholeDays(since, now);
  if (days < wait) return null;
  const last = figures.lastTouchAt === null ? `added ${ago(days)}, never contacted` : `last contact ${ago(days)}`;
  return suggest(facts, {
    ruleId: 'follow-up-prospect',
    title: 'Follow up with this prospect',
    reason: `No purchase yet; ${last} (follow up after ${plural(wait, 'day')}).`,
    dueAt: since + wait * DAY_MS,
    factsKey: `last-touch:${since}`,
    evidence: { lastTouchAt: figures.lastTouchAt, createdAt: prepared.customer.createdAt, daysSinceLastTouch: days, waitDays: wait },
  });
};
