import { defineRule } from './define';
import { buyingWords, contactSince, stillBuyingWords } from './rule';

/**
 * Lapsed (the buying model finds them unlikely to still buy): still cheaper to win back than new
 * customers are to find. A contact logged since their last order holds it back for the tier's
 * cadence. Customers with a single order long ago leave the daily plan for the win-back campaign
 * list (plan.ts); the card still says it.
 */
export const winBack = defineRule({
  id: 'win-back',
  priority: 55,
  title: 'Win them back with an offer',
  difficultTitle: 'Offer to work together again on clearly defined terms',
  purpose: 'relationship',
  group: 'keep',
  doneKind: 'other',
  conditions: 'The chance they are still buying is below 20 % (stage "lapsed"), and no contact was logged since their last order within the tier\'s keep-in-touch cadence.',
  suggest(facts, now) {
    const { stage, figures, tier, settings } = facts;
    if (stage.stage !== 'lapsed' || figures.lastOrderAt === null) return null;
    const cadence = settings.cadenceDays[tier.tier];
    if (contactSince(facts, figures.lastOrderAt, cadence, now) !== null) return null;
    const lastTouch = figures.lastTouchAt ?? figures.lastOrderAt;
    return {
      reason: `${buyingWords(facts)}${stillBuyingWords(facts)}`,
      dueAt: now,
      factsKey: `last-order:${figures.lastOrderAt}|last-touch:${lastTouch}`,
      evidence: { orderCount: figures.orderCount, lastOrderAt: figures.lastOrderAt, daysSinceLastOrder: figures.daysSinceLastOrder, pAlive: facts.buying.pAlive, lastTouchAt: lastTouch },
    };
  },
  cases: [
    { name: 'stays silent for a prospect', given: {}, expect: null },
    { name: 'stays silent while only at risk', given: { orders: [190, 160, 130, 100, 70] }, expect: null },
    { name: 'wins back a regular silent for most of a year', given: { orders: [400, 370, 340, 310, 280] }, expect: { reason: /^Hasn't ordered for 9 months; usually every 4 weeks\. (Under 1 %|About \d+ %) likely still buying\.$/ } },
    { name: 'a meeting logged since holds it back', given: { orders: [400, 370, 340, 310, 280], interactions: [['meeting', 3]] }, expect: null },
    { name: 'a single order two years ago', given: { orders: [730] }, expect: { reason: /^One order, 2 years ago\./ } },
    { name: 'not for a do-not-contact customer', given: { customer: { consent: { doNotContact: { since: 0, reason: 'Please stop contacting me' }, marketing: { email: 'unknown', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: null } }, orders: [400, 370, 340, 310, 280] }, expect: null },
  ],
});
