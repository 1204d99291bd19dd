import { DAY_MS } from '../time';
import { ago, plural, suggest, type Rule } from './rule';

/**
 * Relationships fizzle unless someone acts: after the tier's cadence without any order or
 * logged interaction, get in touch. Not for prospects (follow-up-prospect keeps their
 * cadence) nor for customers at risk or lapsed (check-in and win-back are the more specific
 * touch and would otherwise be doubled).
 */
export const keepInTouch: Rule = (facts) => {
  const { tier, figures, stage, settings } = facts;
  if (tier.tier === 'Prospect' || stage.stage === 'at_risk' || stage.stage === 'lapsed') return null;
  if (figures.lastTouchAt === null || figures.daysSinceLastTouch === null) return null;
  const cadence = settings.cadenceDays[tier.tier];
  if (figures.daysSinceLastTouch < cadence) return null;
  return suggest(facts, {
    ruleId: 'keep-in-touch',
    title: 'Keep in touch',
    reason: `Tier ${tier.tier} customers hear from you every ${plural(cadence, 'day')}; last contact ${ago(figures.daysSinceLastTouch)}.`,
    dueAt: figures.lastTouchAt + cadence * DAY_MS,
    factsKey: `tier:${tier.tier}|last-touch:${figures.lastTouchAt}`,
    evidence: { tier: tier.tier, cadenceDays: cadence, lastTouchAt: figures.lastTouchAt, daysSinceLastTouch: figures.daysSinceLastTouch },
  });
};
