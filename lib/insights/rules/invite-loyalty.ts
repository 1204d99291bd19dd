import type { Interaction } from '../../model/records';
import { DAY_MS, wholeDays } from '../time';
import { defineRule } from './define';
import { ago } from './rule';

/** A loyal customer is asked again at most once a year. */
export const ASK_AGAIN_DAYS = 365;
/** Loyal enough to ask: this many orders (or Champions / Loyal), and still buying by the model. */
export const LOYAL_ORDERS = 4;
export const LOYAL_STILL_BUYING = 0.8;

/**
 * Loyalty and referral for any tier whose buying shows it (Champions or Loyal, or four orders or
 * more, and still buying): invite them to the loyalty programme and ask for a referral, at most
 * once a year. The last in rank: any more pressing touch (even routine keep-in-touch) comes first,
 * and this one shows beside it.
 */
export const inviteLoyalty = defineRule({
  id: 'invite-loyalty',
  priority: 28,
  title: 'Invite them to the loyalty programme and ask for a referral',
  difficultTitle: 'Invite them to the loyalty programme, its terms written down',
  purpose: 'relationship',
  group: 'grow',
  doneKind: 'referral',
  conditions: `Champions or Loyal, or ${LOYAL_ORDERS}+ orders, and at least ${Math.round(LOYAL_STILL_BUYING * 100)} % likely still buying; no referral or loyalty invitation logged in the last year. Any tier.`,
  suggest(facts, now) {
    const { figures, rfm, buying } = facts;
    const loyalGroup = rfm.group === 'champions' || rfm.group === 'loyal';
    if (!(loyalGroup || figures.orderCount >= LOYAL_ORDERS) || buying.pAlive === null || buying.pAlive < LOYAL_STILL_BUYING) return null;
    let lastAsk: Interaction | null = null;
    const interactions = facts.prepared.interactions;
    for (let i = interactions.length - 1; i >= 0 && !lastAsk; i--) if ((interactions[i] as Interaction).kind === 'referral') lastAsk = interactions[i] as Interaction;
    if (lastAsk && now - lastAsk.at < ASK_AGAIN_DAYS * DAY_MS) return null;
    const who = rfm.group === 'champions' ? 'One of your Champions' : rfm.group === 'loyal' ? 'A loyal customer' : 'A regular customer';
    const why = `${who}: ${figures.orderCount} orders and still buying.`;
    return {
      reason: lastAsk ? `${why} Last asked ${ago(wholeDays(lastAsk.at, now))}.` : why,
      dueAt: lastAsk ? lastAsk.at + ASK_AGAIN_DAYS * DAY_MS : (figures.lastOrderAt ?? now),
      factsKey: `loyal:${lastAsk ? lastAsk.id : 'never'}`,
      evidence: { tier: facts.tier.tier, rfm: rfm.group, orderCount: figures.orderCount, pAlive: buying.pAlive, lastAskedAt: lastAsk ? lastAsk.at : null },
    };
  },
  cases: [
    { name: 'invites a steady repeat buyer of any tier', given: { orders: [150, 120, 90, 60, 30, 5] }, tier: 'C', expect: { reason: /^(One of your Champions|A loyal customer|A regular customer): 6 orders and still buying\.$/ } },
    { name: 'not again within a year of the last ask', given: { orders: [150, 120, 90, 60, 30, 5], interactions: [['referral', 100]] }, expect: null },
    { name: 'again a year after', given: { orders: [500, 400, 300, 150, 120, 90, 60, 30, 5], interactions: [['referral', 400]] }, expect: { reason: /Last asked 400 days ago\.$/ } },
    { name: 'not a repeat buyer who is drifting away', given: { orders: [400, 370, 340, 310, 280] }, expect: null },
    { name: 'not a one-time buyer', given: { orders: [5] }, expect: null },
  ],
});
