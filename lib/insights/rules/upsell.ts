import { formatMoney } from '../money';
import { DAY_MS } from '../time';
import { defineRule } from './define';

/** Spending more or buying more often: the moment to offer the next thing they may need. */
export const upsell = defineRule({
  id: 'upsell',
  priority: 45,
  title: 'Offer an upgrade or a matching product',
  difficultTitle: 'Offer a defined package: scope, price and limits in writing',
  purpose: 'relationship',
  group: 'grow',
  doneKind: 'other',
  conditions: 'Stage "growing": 4+ orders and the last 3 average over 1.25 × the ones before, or the last two gaps are shorter than before.',
  suggest(facts) {
    const { stage, figures } = facts;
    if (stage.stage !== 'growing' || figures.lastOrderAt === null) return null;
    const spend = stage.spend;
    const currency = figures.currency ?? facts.settings.currency;
    const rising = spend !== null && spend.recentAverageMinor > 0;
    const reason =
      rising && spend && !stage.intervalsShrinking
        ? `Their last 3 orders averaged ${formatMoney(Math.round(spend.recentAverageMinor), currency)}, up from ${formatMoney(Math.round(spend.previousAverageMinor), currency)} before.`
        : `Ordering more often lately: ${figures.orderCount} orders, the last gaps shorter than before.`;
    return {
      reason,
      // A week after the latest order, once it has arrived and been used.
      dueAt: figures.lastOrderAt + 7 * DAY_MS,
      factsKey: `last-order:${figures.lastOrderAt}`,
      evidence: {
        lastOrderAt: figures.lastOrderAt,
        recentAverageMinor: spend ? Math.round(spend.recentAverageMinor) : null,
        previousAverageMinor: spend ? Math.round(spend.previousAverageMinor) : null,
        intervalsShrinking: stage.intervalsShrinking ? 'yes' : 'no',
        currency,
      },
    };
  },
  cases: [
    { name: 'stays silent for a prospect', given: {}, expect: null },
    { name: 'stays silent for a steady customer', given: { orders: [[120, 10_000], [90, 10_000], [60, 10_000], [30, 10_000], [5, 10_000]] }, expect: null },
    { name: 'offers more when the last 3 orders average 1.5 × the earlier ones', given: { orders: [[120, 10_000], [90, 10_000], [60, 15_000], [30, 15_000], [5, 15_000]] }, expect: { reason: 'Their last 3 orders averaged €150.00, up from €100.00 before.' } },
    { name: 'offers more when they order more often', given: { orders: [160, 100, 40, 20, 0] }, expect: { reason: /^Ordering more often lately: 5 orders/ } },
  ],
});
