import { DAY_MS } from '../time';
import { defineRule } from './define';
import { ago, personalHint, plural } from './rule';

/**
 * Relationships fizzle unless someone acts: after the tier's cadence without any order or
 * logged interaction, get in touch. Not for prospects (follow-up-prospect keeps their
 * cadence) nor for customers at risk or lapsed (check-in and win-back are the more specific
 * touch and would otherwise be doubled).
 */
export const keepInTouch = defineRule({
  id: 'keep-in-touch',
  priority: 30,
  title: 'Keep in touch',
  difficultTitle: 'Keep in touch, and restate what your service covers',
  purpose: 'relationship',
  group: 'keep',
  doneKind: 'other',
  conditions: "The tier's keep-in-touch cadence has passed since the last order or logged contact of any kind, and they are neither a prospect, at risk nor lapsed.",
  suggest(facts) {
    const { tier, figures, stage, settings } = facts;
    if (tier.tier === 'Prospect' || stage.stage === 'at_risk' || stage.stage === 'lapsed') return null;
    if (figures.lastTouchAt === null || figures.daysSinceLastTouch === null) return null;
    const cadence = settings.cadenceDays[tier.tier];
    if (figures.daysSinceLastTouch < cadence) return null;
    return {
      reason: `Tier ${tier.tier} customers hear from you every ${plural(cadence, 'day')}; last contact ${ago(figures.daysSinceLastTouch)}.${personalHint(facts)}`,
      dueAt: figures.lastTouchAt + cadence * DAY_MS,
      factsKey: `tier:${tier.tier}|last-touch:${figures.lastTouchAt}`,
      evidence: { tier: tier.tier, cadenceDays: cadence, lastTouchAt: figures.lastTouchAt, daysSinceLastTouch: figures.daysSinceLastTouch },
    };
  },
  cases: [
    { name: 'reaches out to a steady A customer after 30 days without contact', given: { orders: [95, 65, 35] }, tier: 'A', expect: { reason: 'Tier A customers hear from you every 30 days; last contact 35 days ago.' } },
    { name: 'waits 60 days for a B customer', given: { orders: [95, 65, 35] }, tier: 'B', expect: null },
    { name: 'any logged interaction resets the cadence', given: { orders: [95, 65, 35], interactions: [['other', 5]] }, tier: 'A', expect: null },
    { name: 'leaves prospects to follow-up-prospect', given: { interactions: [['email', 90]] }, tier: 'Prospect', expect: null },
    { name: 'mentions what the owner noted about them', given: { customer: { interests: 'Jazz' }, orders: [95, 65, 35] }, tier: 'A', expect: { reason: /You noted: interests “Jazz”\.$/ } },
  ],
});
