import type { Interaction } from '../../model/records';
import { DAY_MS, wholeDays } from '../time';
import { ago, suggest, type Rule } from './rule';

export const REFERRAL_WINDOW_DAYS = 60;

/**
 * The best customers who just said something good are the ones most willing to refer a
 * friend or join a loyalty programme. Asked once per piece of praise: a logged referral
 * after it settles it.
 */
export const askReferral: Rule = (facts, now) => {
  if (facts.tier.tier !== 'A') return null;
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
  return suggest(facts, {
    ruleId: 'ask-referral',
    title: 'Ask for a referral or invite them to the loyalty programme',
    reason: `A top (tier A) customer who gave positive feedback ${ago(days)}.`,
    dueAt: praise.at + DAY_MS,
    factsKey: `praise:${praise.id}`,
    evidence: { tier: 'A', feedbackId: praise.id, feedbackAt: praise.at, daysSinceFeedback: days },
  });
};
