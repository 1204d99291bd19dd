import { formatMoney } from '../money';
import { DAY_MS } from '../time';
import { suggest, type Rule } from './rule';

/** Spending more or buying more often: the moment to offer the next thing they may need. */
export const upsell: Rule = (facts) => {
  const { stage, figures } = facts;
  if (stage.stage !== 'growing' || figures.lastOrderAt === null) return null;
  const spend = stage.spend;
  const currency = figures.currency ?? facts.settings.currency;
  const rising = spend !== null && spend.recentAverageMinor > 0;
  const reason =
    rising && spend && !stage.intervalsShrinking
      ? `Their last 3 orders averaged ${formatMoney(Math.round(spend.recentAverageMinor), currency)}, up from ${formatMoney(Math.round(spend.previousAverageMinor), currency)} before.`
      : `Ordering more often lately: ${figures.orderCount} orders, the last gaps shorter than before.`;
  return suggest(facts, {
    ruleId: 'upsell',
    title: 'Offer an upgrade or a matching product',
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
  });
};
