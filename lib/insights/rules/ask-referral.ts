import type { Interaction } from '../../model/records';
import { DAY_MS, wholeDays } from '../time';
import { defineRule } from './define';
import { ago } from './rule';

export const REFERRAL_WINDOW_DAYS = 60;

/**
 * A customer who just praised you is the one most willing to refer a friend, whatever their
 * tier: asked once per piece of praise (a logged referral after it settles it). Loyal buyers
 * without praise logged are invite-loyalty's.
 */
export const askReferral = defineRule({
  id: 'ask-referral',
  priority: 50,
  title: 'Ask for a referral or invite them to the loyalty programme',
  difficultTitle: 'Ask for a referral, and keep the terms for referred customers written down',
  purpose: 'relationship',
  group: 'grow',
  doneKind: 'referral',
  conditions: `Positive feedback logged in the last ${REFERRAL_WINDOW_DAYS} days and no referral asked since. Any tier.`,
  suggest(facts, now) {
    const interactions = facts.prepared.interactions;
    let praise: Interaction | null = null;
    for (let i = interactions.length - 1; i >= 0 && !praise; i--) {
      const item = interactions[i] as Interaction;
      if (item.kind === 'referral') return null;
      if (item.kind === 'feedback_positive') praise = item;
    }
    if (!praise) return null;
    const days = wholeDays(praise.at, now);
    if (days > REFERRAL_WINDOW_DAYS) return null;
    return {
      reason: `Gave positive feedback ${ago(days)}.`,
      dueAt: praise.at + DAY_MS,
      factsKey: `praise:${praise.id}`,
      evidence: { tier: facts.tier.tier, feedbackId: praise.id, feedbackAt: praise.at, daysSinceFeedback: days },
    };
  },
  cases: [
    { name: 'asks a tier C customer who praised you 10 days ago', given: { orders: [40], interactions: [['feedback_positive', 10]] }, tier: 'C', expect: { reason: 'Gave positive feedback 10 days ago.' } },
    { name: 'still asks on day 60', given: { orders: [40], interactions: [['feedback_positive', 60]] }, tier: 'B', expect: { factsKeyIncludes: 'praise:' } },
    { name: 'stays silent 61 days after praise from a new customer', given: { orders: [70], interactions: [['feedback_positive', 61]] }, expect: null },
    { name: 'asks again after new praise that follows a referral', given: { orders: [10], interactions: [['feedback_positive', 50], ['referral', 40], ['feedback_positive', 3]] }, expect: { reason: 'Gave positive feedback 3 days ago.' } },
    { name: 'stays silent once a referral is logged after the praise', given: { orders: [10], interactions: [['feedback_positive', 10], ['referral', 5]] }, expect: null },
  ],
});
