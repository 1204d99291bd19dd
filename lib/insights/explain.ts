import { describeBuying, type BuyingDescription } from './model/buying';
import { formatMoney } from './money';
import type { CustomerInsight } from './recompute';
import { fmScore, RFM_GROUPS, RFM_MEANINGS } from './rfm';
import { RULE_BY_ID, type Evidence, type RuleId } from './rules/index';
import { AT_RISK_BELOW, LAPSED_BELOW } from './stage';
import type { BusinessSettings, TierName } from './types';
import { aboutDuration, everyRange, percent, shortDate, timeOfYear } from './words';

export type TierExplanation = {
  facts: {
    tier: TierName;
    computed: TierName;
    overridden: boolean;
    rank: number | null;
    revenue12mMinor: number;
    currency: string;
    share: number;
    cumulativeShareBefore: number;
    cumulativeShareAfter: number;
    thresholdA: number;
    thresholdB: number;
    totalMinor: number;
    tiedUp: boolean;
  };
  sentences: string[];
};

export type SuggestionExplanation = { ruleId: RuleId; title: string; facts: Evidence; sentences: string[] };

export type Explanation = {
  /** The buying model's figures in words, with their uncertainty. */
  buying: { description: BuyingDescription | null; sentences: string[] };
  tier: TierExplanation;
  rfm: { facts: { group: string; r: number | null; f: number | null; m: number | null }; sentences: string[] };
  stage: { facts: { stage: string; intervalDays: number; intervalSource: string; daysSinceLastOrder: number | null }; sentences: string[] };
  suggestions: SuggestionExplanation[];
};

/**
 * The facts behind one customer's buying prediction, tier, group, stage and suggestions, as data
 * and as sentences. With `now` (the time of the prediction) also the prediction's ranges, which
 * take an inverse each: a card asks for them, a full recompute does not.
 */
export function explain(insight: CustomerInsight, settings: BusinessSettings, now?: number): Explanation {
  const { tier, rfm, stage } = insight;
  const { a, b } = settings.tierThresholds;
  const after = tier.cumulativeShareBefore + tier.share;
  const description = now !== undefined && insight.buying.pAlive !== null ? describeBuying(insight.buying, insight.summary, now) : null;
  return {
    buying: { description, sentences: buyingSentences(insight, description, settings) },
    tier: {
      facts: {
        tier: tier.tier,
        computed: tier.computed,
        overridden: tier.overridden,
        rank: tier.rank,
        revenue12mMinor: tier.revenue12mMinor,
        currency: settings.currency,
        share: tier.share,
        cumulativeShareBefore: tier.cumulativeShareBefore,
        cumulativeShareAfter: after,
        thresholdA: a,
        thresholdB: b,
        totalMinor: tier.totalMinor,
        tiedUp: tier.tiedUp,
      },
      sentences: tierSentences(insight, settings),
    },
    rfm: {
      facts: { group: rfm.group, r: rfm.r, f: rfm.f, m: rfm.m },
      sentences:
        rfm.r === null
          ? ['No purchase yet: Prospects.']
          : [
              `Recency ${rfm.r}, frequency ${rfm.f}, monetary ${rfm.m} of 5, compared with this business's other buyers (5 = their top fifth); frequency and spend together ${fmScore(rfm.f, rfm.m)}: ${RFM_GROUPS[rfm.group]}.`,
              `${RFM_GROUPS[rfm.group]}: ${RFM_MEANINGS[rfm.group]} (Shopify's groups, read from recency and the average of frequency and spend.)`,
            ],
    },
    stage: {
      facts: {
        stage: stage.stage,
        intervalDays: stage.intervalDays,
        intervalSource: stage.intervalSource,
        daysSinceLastOrder: stage.daysSinceLastOrder,
      },
      sentences: [stageSentence(insight)],
    },
    suggestions: insight.suggestions.map((s) => ({
      ruleId: s.ruleId,
      title: s.title,
      facts: s.evidence,
      sentences: [s.reason, `When: ${RULE_BY_ID[s.ruleId].conditions}`, `Suggested by the ${s.ruleId} rule, priority ${s.priority}, by ${s.channel.replace('_', ' ')}.`],
    })),
  };
}

function tierSentences(insight: CustomerInsight, settings: BusinessSettings): string[] {
  const { tier } = insight;
  const money = (minor: number) => formatMoney(minor, settings.currency);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const sentences: string[] = [];
  if (tier.computed === 'Prospect') sentences.push('No purchase yet, so a prospect.');
  else if (tier.rank === null) {
    sentences.push(`No ${settings.currency} revenue in the last 12 months, so tier C.`);
  } else {
    sentences.push(
      `Ranked ${tier.rank} by revenue over the last 12 months: ${money(tier.revenue12mMinor)}, ${pct(tier.share)} of ${money(tier.totalMinor)}.`,
      `Customers ranked above make ${pct(tier.cumulativeShareBefore)}; tier A runs to ${pct(settings.tierThresholds.a)}, B to ${pct(settings.tierThresholds.b)}, so tier ${tier.computed}.`,
    );
    if (tier.tiedUp) sentences.push(`Same revenue as the customer above, so the same tier.`);
  }
  if (tier.overridden) sentences.push(`Set to tier ${tier.tier} by hand; the figures alone give ${tier.computed}.`);
  return sentences;
}

function stageSentence({ stage }: CustomerInsight): string {
  if (stage.stage === 'prospect') return 'No purchase yet.';
  const since = stage.daysSinceLastOrder ?? 0;
  const chance = stage.pAlive === null ? '' : `, ${percent(stage.pAlive)} likely still buying (${percent(stage.pAliveAfterLastOrder ?? 1)} just after it)`;
  return `Last order ${aboutDuration(since)} ago${chance}. At risk below ${Math.round(AT_RISK_BELOW * 100)} % of the chance just after the last order, lapsed below ${Math.round(LAPSED_BELOW * 100)} %: ${stage.stage.replace('_', ' ')}.`;
}

/**
 * The model's figures in plain words, with their uncertainty: how they usually buy, how likely
 * they still do, when the next order should come if they do, what the next 12 months hold.
 */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function buyingSentences(insight: CustomerInsight, description: BuyingDescription | null, settings: BusinessSettings): string[] {
  const { buying, figures } = insight;
  if (buying.pAlive === null) return ['No order yet: nothing to predict.'];
  const money = (minor: number) => formatMoney(Math.round(minor), settings.currency);
  const sentences: string[] = [];
  const own = figures.orderCount >= 3 ? 'from their own orders' : figures.orderCount === 2 ? "from their two orders, leaning on this business's usual pattern" : "one order so far: this business's usual pattern";
  if (buying.seasonDay !== null) sentences.push(`Buys by season, around ${timeOfYear(buying.seasonDay)} each year (${own}).`);
  else if (description) sentences.push(`Usually orders ${everyRange(description.usualGapDays[0], description.usualGapDays[1])} (half their gaps fall in that range; ${own}).`);
  sentences.push(`${capitalize(percent(buying.pAlive))} likely still buying: it was ${percent(buying.pAliveAfterLastOrder ?? 1)} just after their last order and falls the longer they stay silent, faster for a regular buyer.`);
  if (description?.nextVisit) {
    const day = (t: number) => shortDate(t, settings.businessHours.timeZone);
    sentences.push(`If they are still buying, the next order is expected around ${day(description.nextVisit.at)} (${day(description.nextVisit.from)}–${day(description.nextVisit.to)} half the time).`);
  }
  sentences.push(`Next 12 months: about ${buying.expectedOrders12m.toFixed(1)} orders worth ${money(buying.expectedValue12mMinor)}, counting the chance they leave.`);
  if (buying.atStakeMinor >= 1) sentences.push(`At stake: ${money(buying.atStakeMinor)}, the ${percent(1 - buying.pAlive)} chance they slipped away × the ${money(buying.valueIfRetained12mMinor)} a year they bring if they stay.`);
  return sentences;
}
