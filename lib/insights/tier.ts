import type { Tier } from '../model/records';
import type { CustomerFigures } from './figures';
import { computeFigures } from './figures';
import { columnsOf, type FigureColumns } from './columns';
import { compareText, prepareFacts } from './prepare';
import type { BusinessSettings, CustomerFacts, TierName } from './types';

export type TierResult = {
  /** The tier in effect: the manual override when set, else `computed`. */
  tier: TierName;
  computed: TierName;
  overridden: boolean;
  /** 1-based place in the Pareto ranking; null for prospects and customers without ranked revenue. */
  rank: number | null;
  /** Trailing-12-month revenue in the business currency that was ranked (≤ 0 counts as none). */
  revenue12mMinor: number;
  /** This customer's share of all ranked revenue, 0–1. */
  share: number;
  /** Share of everyone ranked above this customer, 0–1: the tier is decided by it. */
  cumulativeShareBefore: number;
  /** Sum of the ranked revenue of every customer: the 100 %. */
  totalMinor: number;
  /** True when the better tier came from a tie with the customer just above. */
  tiedUp: boolean;
};

/**
 * ABC by Pareto over trailing-12-month revenue (business currency, see figures.ts).
 * Customers are ranked by revenue desc, then id asc, so the order never depends on input
 * order. Walking down the ranking, a customer is A while the share of everyone above them is
 * still below `a` — so the customer who crosses the threshold is in A — then B below `b`,
 * then C.
 * - Ties: a customer with exactly the revenue of the one above takes that one's tier, so
 *   equal revenue never lands in different tiers (at the boundary all of them get the
 *   better tier; A can then hold a little more than `a`).
 * - No purchase ever → Prospect. Purchases but no positive 12-month revenue (lapsed, only
 *   zero totals, refunded, or paid in another currency) → C.
 * - Small businesses need no special case: the top customer always has 0 % above them, so
 *   1 customer → A; 2 customers at 90/10 → A, B; 50/50 → A, A (tie); 3 customers at
 *   60/30/10 → A, A (60 % above < 80 %), B.
 * - A manual override wins; the computed tier is kept beside it.
 */
export function computeTiers(
  all: readonly CustomerFacts[],
  settings: BusinessSettings,
  now: number,
): Map<string, TierResult> {
  const figures = all.map((facts) => computeFigures(prepareFacts(facts, now), settings.currency, now));
  const overrides = new Map<string, Tier | null>(all.map((facts) => [facts.customer.id, facts.customer.tierOverride]));
  return tiersFromFigures(figures, overrides, settings);
}

export function tiersFromFigures(
  figures: readonly CustomerFigures[],
  overrides: ReadonlyMap<string, Tier | null>,
  settings: BusinessSettings,
): Map<string, TierResult> {
  const tiers = tiersInOrder(figures, columnsOf(figures), (i) => overrides.get((figures[i] as CustomerFigures).customerId) ?? null, settings);
  // In ranking order, then the unranked in input order.
  const byRank: number[] = [];
  tiers.forEach((t, i) => {
    if (t.rank !== null) byRank[t.rank - 1] = i;
  });
  const results = new Map<string, TierResult>();
  for (const i of byRank) results.set((figures[i] as CustomerFigures).customerId, tiers[i] as TierResult);
  tiers.forEach((t, i) => {
    if (t.rank === null) results.set((figures[i] as CustomerFigures).customerId, t);
  });
  return results;
}

/**
 * tiersFromFigures for a full recompute: results by position in `figures` rather than in a
 * Map by id, so 100,000 customers cost no hashing; ranks by the figures' columns (columns.ts);
 * `overrideAt(i)` is the i-th customer's override.
 */
export function tiersInOrder(
  figures: readonly CustomerFigures[],
  columns: FigureColumns,
  overrideAt: (index: number) => Tier | null,
  settings: BusinessSettings,
): TierResult[] {
  const { a, b } = settings.tierThresholds;
  const { orderCount, rankedRevenue12mMinor: revenueOf } = columns;
  const ranked: number[] = [];
  for (let i = 0; i < figures.length; i++) {
    if ((orderCount[i] as number) > 0 && (revenueOf[i] as number) > 0) ranked.push(i);
  }
  ranked.sort(
    (i, j) =>
      (revenueOf[j] as number) - (revenueOf[i] as number) ||
      compareText((figures[i] as CustomerFigures).customerId, (figures[j] as CustomerFigures).customerId),
  );
  let totalMinor = 0;
  for (const i of ranked) totalMinor += revenueOf[i] as number;

  const results = new Array<TierResult | undefined>(figures.length).fill(undefined);
  let before = 0;
  let previousRevenue = 0;
  let previousTier: Tier | null = null;
  for (let index = 0; index < ranked.length; index++) {
    const i = ranked[index] as number;
    const revenue = revenueOf[i] as number;
    const shareBefore = before / totalMinor;
    const byShare: Tier = shareBefore < a ? 'A' : shareBefore < b ? 'B' : 'C';
    const tiedUp: boolean = previousTier !== null && previousRevenue === revenue && previousTier !== byShare;
    const computed: Tier = tiedUp && previousTier !== null ? previousTier : byShare;
    results[i] = tierResult(computed, overrideAt(i), index + 1, revenue, revenue / totalMinor, shareBefore, totalMinor, tiedUp);
    previousRevenue = revenue;
    previousTier = computed;
    before += revenue;
  }

  const unrankedShareBefore = totalMinor > 0 ? 1 : 0;
  for (let i = 0; i < figures.length; i++) {
    if (results[i] !== undefined) continue;
    const computed = (orderCount[i] as number) > 0 ? 'C' : 'Prospect';
    results[i] = tierResult(computed, overrideAt(i), null, Math.max(0, revenueOf[i] as number), 0, unrankedShareBefore, totalMinor, false);
  }
  return results as TierResult[];
}

/** A manual override wins; the computed tier is kept beside it. */
function tierResult(
  computed: TierName,
  override: Tier | null,
  rank: number | null,
  revenue12mMinor: number,
  share: number,
  cumulativeShareBefore: number,
  totalMinor: number,
  tiedUp: boolean,
): TierResult {
  return { tier: override ?? computed, computed, overridden: override !== null, rank, revenue12mMinor, share, cumulativeShareBefore, totalMinor, tiedUp };
}
