import type { CustomerInsight } from './recompute';
import { formatMoney } from './money';
import { fmScore, RFM_GROUPS, RFM_MEANINGS } from './rfm';
import type { Evidence, RuleId } from './rules/rule';
import type { BusinessSettings, TierName } from './types';

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
  tier: TierExplanation;
  rfm: { facts: { group: string; r: number | null; f: number | null; m: number | null }; sentences: string[] };
  stage: { facts: { stage: string; intervalDays: number; intervalSource: string; daysSinceLastOrder: number | null }; sentences: string[] };
  suggestions: SuggestionExplanation[];
};

/** The facts behind one customer's tier, group, stage and suggestions, as data and as sentences. */
export function explain(insight: CustomerInsight, settings: BusinessSettings): Explanation {
  const { tier, rfm, stage } = insight;
  const { a, b } = settings.tierThresholds;
  const after = tier.cumulativeShareBefore + tier.share;
  return {
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
      sentences: [s.reason, `Suggested by the ${s.ruleId} rule, priority ${s.priority}, by ${s.channel.replace('_', ' ')}.`],
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
  const interval = `${Math.round(stage.intervalDays)} days (${stage.intervalSource === 'own' ? 'their own usual interval' : stage.intervalSource === 'business' ? "this business's usual interval" : 'default'})`;
  return `Last order ${stage.daysSinceLastOrder ?? 0} days ago, judged against ${interval}: ${stage.stage.replace('_', ' ')}.`;
}
