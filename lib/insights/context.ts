import type { Tier } from '../model/records';
import type { Concentration } from './concentration';
import { computeFigures, type CustomerFigures } from './figures';
import { predictBuying, summarizeBuying, type BuyingPattern } from './model/buying';
import { prepareFacts } from './prepare';
import type { CustomerInsight, Insights } from './recompute';
import { rfmGroupFor, type RfmResult, type Score } from './rfm';
import { computeStage } from './stage';
import { holdsFor, indexHolds, suggestFromRuleFacts } from './suggest';
import type { TierResult } from './tier';
import { NO_HOLDS, type BusinessSettings, type CustomerFacts, type SuggestionState, type TierName } from './types';

/**
 * What one customer's insight needs from the whole book, kept from the last full recompute so
 * that a single write (an order, a call) can update that customer at once without reading
 * every other customer. Plain arrays of numbers: it is stored as it is in the meta table and
 * survives a JSON backup.
 */
export type BusinessContext = {
  computedAt: number;
  businessMedianIntervalDays: number | null;
  /** Ranked trailing-12-month revenue (business currency) of every ranked customer, largest first. */
  revenue12m: number[];
  totalMinor: number;
  /** The smallest revenue still in tier A / B (computed tiers); null when the tier is empty. */
  cutoffs: { aMinMinor: number | null; bMinMinor: number | null };
  /** Buyers' last order times, purchase counts and ranked lifetime revenue, each ascending (RFM scores). */
  rfm: { recency: number[]; frequency: number[]; monetary: number[] };
  concentration: Concentration;
  /** The business's buying pattern (model/fit.ts). */
  buying: BuyingPattern;
};

/** The context of a full recompute. */
export function businessContextOf(insights: Insights, now: number): BusinessContext {
  const revenue12m: number[] = [];
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  let aMin: number | null = null;
  let bMin: number | null = null;
  for (const { tier, figures } of insights.customers.values()) {
    if (tier.rank !== null) {
      revenue12m.push(tier.revenue12mMinor);
      if (tier.computed === 'A') aMin = aMin === null ? tier.revenue12mMinor : Math.min(aMin, tier.revenue12mMinor);
      if (tier.computed === 'B') bMin = bMin === null ? tier.revenue12mMinor : Math.min(bMin, tier.revenue12mMinor);
    }
    if (figures.orderCount > 0 && figures.lastOrderAt !== null) {
      recency.push(figures.lastOrderAt);
      frequency.push(figures.orderCount);
      monetary.push(figures.rankedLifetimeMinor);
    }
  }
  revenue12m.sort((x, y) => y - x);
  const ascending = (x: number, y: number) => x - y;
  recency.sort(ascending);
  frequency.sort(ascending);
  monetary.sort(ascending);
  return {
    computedAt: now,
    businessMedianIntervalDays: insights.businessMedianIntervalDays,
    revenue12m,
    totalMinor: insights.concentration.totalMinor,
    cutoffs: { aMinMinor: aMin, bMinMinor: bMin },
    rfm: { recency, frequency, monetary },
    concentration: insights.concentration,
    buying: insights.pattern,
  };
}

/**
 * One customer's insight against the stored context, as recomputeAll would give it if no other
 * customer had changed since. Exact for a customer whose figures are unchanged (ties: the
 * better tier, as in tier.ts); after a change the customer's old values are still in the
 * context until the next full recompute, which can move a rank or a score by one.
 */
export function insightFromContext(
  facts: CustomerFacts,
  context: BusinessContext,
  settings: BusinessSettings,
  now: number,
  state: SuggestionState = NO_HOLDS,
): CustomerInsight {
  const prepared = prepareFacts(facts, now);
  const figures = computeFigures(prepared, settings.currency, now);
  const tier = tierFromContext(figures, facts.customer.tierOverride, context, settings);
  const rfm = rfmFromContext(figures, context);
  const summary = summarizeBuying(prepared.purchases, settings.currency);
  const buying = predictBuying(summary, context.buying, now);
  const stage = computeStage(prepared, figures, context.businessMedianIntervalDays, buying);
  const id = facts.customer.id;
  const suggestions = suggestFromRuleFacts({ prepared, figures, tier, rfm, buying, stage, settings }, now, holdsFor(indexHolds(state), id));
  return { customerId: id, name: facts.customer.name, figures, tier, rfm, stage, buying, summary, suggestions };
}

export function tierFromContext(
  figures: CustomerFigures,
  override: Tier | null,
  context: BusinessContext,
  settings: BusinessSettings,
): TierResult {
  const revenue = figures.rankedRevenue12mMinor;
  const withOverride = (computed: TierName, rest: Omit<TierResult, 'tier' | 'computed' | 'overridden'>): TierResult => ({
    tier: override ?? computed,
    computed,
    overridden: override !== null,
    ...rest,
  });
  if (figures.orderCount === 0 || revenue <= 0) {
    return withOverride(figures.orderCount > 0 ? 'C' : 'Prospect', {
      rank: null,
      revenue12mMinor: Math.max(0, revenue),
      share: 0,
      cumulativeShareBefore: context.totalMinor > 0 ? 1 : 0,
      totalMinor: context.totalMinor,
      tiedUp: false,
    });
  }
  // Everyone strictly above: the first of a run of equal revenues decides the run's tier.
  let above = 0;
  let sumAbove = 0;
  for (const value of context.revenue12m) {
    if (value <= revenue) break;
    above++;
    sumAbove += value;
  }
  // A customer new to the ranking is not in the stored total yet.
  const total = Math.max(context.totalMinor, sumAbove + revenue);
  const shareBefore = sumAbove / total;
  const { a, b } = settings.tierThresholds;
  const computed: Tier = shareBefore < a ? 'A' : shareBefore < b ? 'B' : 'C';
  return withOverride(computed, {
    rank: above + 1,
    revenue12mMinor: revenue,
    share: revenue / total,
    cumulativeShareBefore: shareBefore,
    totalMinor: total,
    tiedUp: false,
  });
}

export function rfmFromContext(figures: CustomerFigures, context: BusinessContext): RfmResult {
  if (figures.orderCount === 0 || figures.lastOrderAt === null) return { group: 'prospects', r: null, f: null, m: null };
  const r = scoreAmong(context.rfm.recency, figures.lastOrderAt);
  // As in rfm.ts: one order is not a habit.
  const f = figures.orderCount === 1 ? 1 : scoreAmong(context.rfm.frequency, figures.orderCount);
  const m = scoreAmong(context.rfm.monetary, figures.rankedLifetimeMinor);
  return { group: rfmGroupFor(r, f, m), r, f, m };
}

/**
 * rfm.ts's mid-rank percentile of `value` among `sorted` (ascending). A value not among them
 * belongs to a buyer the context has not seen yet: it is counted in as one more.
 */
export function scoreAmong(sorted: readonly number[], value: number): Score {
  const below = lowerBound(sorted, value);
  const equal = lowerBound(sorted, value, true) - below;
  const p = equal === 0 ? (below + 0.5) / (sorted.length + 1) : (below + equal / 2) / sorted.length;
  return Math.min(5, 1 + Math.floor(p * 5)) as Score;
}

/** First index whose value is ≥ `value` (or > `value` when `after`). */
function lowerBound(sorted: readonly number[], value: number, after = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v < value || (after && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
