import { DAY_MS, wholeDays } from '../time';
import { defineRule } from './define';
import { ago, plural } from './rule';

export const FIRST_FOLLOW_UP_DAYS = 14;

/**
 * A prospect who hears nothing forgets you. The first follow-up comes 14 days after the
 * first contact (or after the prospect was added, when nothing is logged); once there has
 * been more than one contact, the Prospect keep-in-touch cadence applies (30 days by default).
 */
export const followUpProspect = defineRule({
  id: 'follow-up-prospect',
  priority: 35,
  title: 'Follow up with this prospect',
  difficultTitle: 'Follow up with a written offer: what is included, what is not',
  purpose: 'relationship',
  group: 'prospects',
  doneKind: 'other',
  conditions: `No order yet, and ${FIRST_FOLLOW_UP_DAYS} days since the first contact (or since they were added), then the Prospect cadence since the last contact.`,
  suggest(facts, now) {
    const { figures, prepared, settings } = facts;
    if (figures.orderCount > 0) return null;
    const since = figures.lastTouchAt ?? prepared.customer.createdAt;
    const wait = prepared.interactions.length <= 1 ? FIRST_FOLLOW_UP_DAYS : settings.cadenceDays.Prospect;
    const days = wholeDays(since, now);
    if (days < wait) return null;
    const last = figures.lastTouchAt === null ? `added ${ago(days)}, never contacted` : `last contact ${ago(days)}`;
    return {
      reason: `No purchase yet; ${last} (follow up after ${plural(wait, 'day')}).`,
      dueAt: since + wait * DAY_MS,
      factsKey: `last-touch:${since}`,
      evidence: { lastTouchAt: figures.lastTouchAt, createdAt: prepared.customer.createdAt, daysSinceLastTouch: days, waitDays: wait },
    };
  },
  cases: [
    { name: 'follows up 14 days after the first contact', given: { interactions: [['email', 14]] }, expect: { reason: 'No purchase yet; last contact 14 days ago (follow up after 14 days).' } },
    { name: 'waits before 14 days', given: { interactions: [['email', 13]] }, expect: null },
    { name: 'a prospect never contacted, added long ago', given: { customer: { createdAt: Date.UTC(2026, 4, 1) } }, expect: { reason: /^No purchase yet; added \d+ days ago, never contacted/ } },
    { name: 'stays silent for a customer who bought', given: { orders: [40] }, expect: null },
  ],
});
