import { defineRule } from './define';
import { buyingWords, contactSince, personalHint, stillBuyingWords } from './rule';

/**
 * Drifting away, judged by the buying model (the chance they still buy fell below the at-risk
 * line, stage.ts): a personal check-in before they are gone. A contact logged since their last
 * order holds it back for the tier's keep-in-touch cadence; it returns only if they still have
 * not ordered by then.
 */
export const checkInAtRisk = defineRule({
  id: 'check-in-at-risk',
  priority: 80,
  title: 'Personal check-in before they drift away',
  difficultTitle: 'Check in and restate what you offer, what it costs and what it includes',
  purpose: 'relationship',
  group: 'keep',
  doneKind: 'other',
  conditions: 'The chance they are still buying is below 70 % (stage "at risk"), and no contact was logged since their last order within the tier\'s keep-in-touch cadence.',
  suggest(facts, now) {
    const { stage, figures, tier, settings } = facts;
    if (stage.stage !== 'at_risk' || figures.lastOrderAt === null) return null;
    const cadence = settings.cadenceDays[tier.tier];
    const contacted = contactSince(facts, figures.lastOrderAt, cadence, now);
    if (contacted !== null) return null;
    const lastTouch = figures.lastTouchAt ?? figures.lastOrderAt;
    return {
      reason: `${buyingWords(facts)}${stillBuyingWords(facts)}${personalHint(facts)}`,
      // Due from the recompute that found the chance below the line.
      dueAt: now,
      factsKey: `last-order:${figures.lastOrderAt}|last-touch:${lastTouch}`,
      evidence: { orderCount: figures.orderCount, lastOrderAt: figures.lastOrderAt, daysSinceLastOrder: figures.daysSinceLastOrder, pAlive: facts.buying.pAlive, lastTouchAt: lastTouch },
    };
  },
  cases: [
    { name: 'stays silent for a prospect', given: {}, expect: null },
    { name: 'stays silent for a regular who ordered on time', given: { orders: [130, 100, 70, 40, 10] }, expect: null },
    { name: 'checks in with a regular silent for three gaps', given: { orders: [190, 160, 130, 100, 70] }, expect: { reason: /^Hasn't ordered for 2 months; usually every 4 weeks\. About \d+ % likely still buying\.$/ } },
    { name: 'a call logged since the last order holds it back for the cadence', given: { orders: [190, 160, 130, 100, 70], interactions: [['call', 5]] }, expect: null },
    { name: 'an email logged long ago (past the cadence) does not', given: { orders: [190, 160, 130, 100, 70], interactions: [['email', 65]] }, expect: { factsKeyIncludes: 'last-touch:' } },
    { name: 'mentions the interests the owner noted', given: { customer: { interests: 'Sailing, old maps' }, orders: [190, 160, 130, 100, 70] }, expect: { reason: /You noted: interests “Sailing, old maps”\.$/ } },
    { name: 'stays silent once lapsed (win-back takes over)', given: { orders: [400, 370, 340, 310, 280] }, expect: null },
  ],
});
