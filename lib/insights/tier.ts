import type { Tier } from '../model/records';
import type { CustomerFigures } from './figures';
import { computeFigures } from './figures';
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
  const { a, b } = settings.tierThresholds;
  const ranked = figures.filter((f) => f.orderCount > 0 && f.rankedRevenue12mMinor > 0);
  ranked.sort((x, y) => y.rankedRevenue12mMinor - x.rankedRevenue12mMinor || compareText(x.customerId, y.customerId));
  let totalMinor = 0;
  for (const f of ranked) totalMinor += f.rankedRevenue12mMinor;

  const results = new Map<string, TierResult>();
  let before = 0;
  let previous: { revenue: number; tier: Tier } | null = null;
  ranked.forEach((f, index) => {
    const revenue = f.rankedRevenue12mMinor;
    const shareBefore = before / totalMinor;
    const byShare: Tier = shareBefore < a ? 'A' : shareBefore < b ? 'B' : 'C';
    const tiedUp = previous !== null && previous.revenue === revenue && previous.tier !== byShare;
    const computed: Tier = tiedUp && previous ? previous.tier : byShare;
    results.set(f.customerId, withOverride(f.customerId, computed, overrides, {
      rank: index + 1,
      revenue12mMinor: revenue,
      share: revenue / totalMinor,
      cumulativeShareBefore: shareBefore,
      totalMinor,
      tiedUp,
    }));
    previous = { revenue, tier: computed };
    before += revenue;
  });

  for (const f of figures) {
    if (results.has(f.customerId)) continue;
    results.set(f.customerId, withOverride(f.customerId, f.orderCount > 0 ? 'C' : 'Prospect', overrides, {
      rank: null,
      revenue12mMinor: Math.max(0, f.rankedRevenue12mMinor),
      share: 0,
      cumulativeShareBefore: totalMinor > 0 ? 1 : 0,
      totalMinor,
      tiedUp: false,
    }));
  }
  return results;
}

function withOverride(
  customerId: string,
  computed: TierName,
  overrides: ReadonlyMap<string, Tier | null>,
  rest: Omit<TierResult, 'tier' | 'computed' | 'overridden'>,
): TierResult {
  const override = overrides.get(customerId) ?? null;
  return { tier: override ?? computed, computed, overridden: override !== null, ...rest };
}
