import type { CustomerFigures } from './figures';
import type { PreparedFacts } from './prepare';

export const STAGES = ['prospect', 'new', 'active', 'growing', 'at_risk', 'lapsed'] as const;
export type Stage = (typeof STAGES)[number];

/** Without any customer with a rhythm yet, a single order is judged against two months. */
export const DEFAULT_INTERVAL_DAYS = 60;
/**
 * At risk: the chance they still buy (model/buying.ts) fell below 70 % of what it was just after
 * their last order (for a regular customer, about 0.7; a first-time buyer starts lower: many never
 * come back, and that alone is no risk to act on). The at-risk flag of the simulation
 * (`npm run sim`) is this line.
 */
export const AT_RISK_BELOW = 0.7;
/** Lapsed: less than a 20 % chance they still buy. */
export const LAPSED_BELOW = 0.2;
export const GROWTH_FACTOR = 1.25;
/** Recent gaps at most this share of the earlier ones count as buying more often. */
export const SHRINK_FACTOR = 0.75;
const RECENT_ORDERS = 3;
const RECENT_GAPS = 2;

export type StageResult = {
  stage: Stage;
  /** The model's chance they still buy (null for prospects), and what it was just after their last order. */
  pAlive: number | null;
  pAliveAfterLastOrder: number | null;
  /** The interval at risk and lapsed are judged against, in days. */
  intervalDays: number;
  intervalSource: 'own' | 'business' | 'default';
  daysSinceLastOrder: number | null;
  /** Average of the last 3 purchases vs the ones before (main currency); null when not comparable. */
  spend: { recentAverageMinor: number; previousAverageMinor: number } | null;
  intervalsShrinking: boolean;
};

/**
 * Life cycle from the buying model, so it works from the first orders:
 * - prospect: no purchase;
 * - lapsed: under a 20 % chance they still buy;
 * - at risk: the chance fell below 70 % of what it was just after their last order;
 * - new: a single purchase, not at risk;
 * - growing: 4+ purchases and the last 3 average > 1.25 × the ones before, or the last two
 *   gaps average ≤ 0.75 × the earlier gaps;
 * - active otherwise.
 * The interval (for the words of a reason) is the customer's median gap; with one purchase, the
 * business's median (customers with 2+ purchase days); without any, 60 days.
 */
export function computeStage(
  prepared: PreparedFacts,
  figures: CustomerFigures,
  businessMedianIntervalDays: number | null,
  chance: StillBuying,
): StageResult {
  return stageFromTrends(figures, spendTrend(prepared, figures.currency), gapsShrinking(prepared), businessMedianIntervalDays, chance);
}

/** From the model's prediction: the chance now and just after the last order. */
export type StillBuying = { pAlive: number | null; pAliveAfterLastOrder: number | null };

/**
 * computeStage with the two trends already taken: a full recompute takes them while the
 * customer's orders are at hand, before the business's median interval is known.
 */
export function stageFromTrends(
  figures: CustomerFigures,
  spend: StageResult['spend'],
  intervalsShrinking: boolean,
  businessMedianIntervalDays: number | null,
  chance: StillBuying,
): StageResult {
  let intervalDays: number;
  let intervalSource: StageResult['intervalSource'];
  if (figures.medianIntervalDays !== null) {
    intervalDays = figures.medianIntervalDays;
    intervalSource = 'own';
  } else if (businessMedianIntervalDays !== null) {
    intervalDays = businessMedianIntervalDays;
    intervalSource = 'business';
  } else {
    intervalDays = DEFAULT_INTERVAL_DAYS;
    intervalSource = 'default';
  }
  const days = figures.daysSinceLastOrder;
  const stage = stageOf(figures.orderCount, days, chance, spend, intervalsShrinking);
  return { stage, pAlive: chance.pAlive, pAliveAfterLastOrder: chance.pAliveAfterLastOrder, intervalDays, intervalSource, daysSinceLastOrder: days, spend, intervalsShrinking };
}

function stageOf(orderCount: number, days: number | null, chance: StillBuying, spend: StageResult['spend'], intervalsShrinking: boolean): Stage {
  if (orderCount === 0 || days === null) return 'prospect';
  const { pAlive, pAliveAfterLastOrder } = chance;
  if (pAlive !== null && pAlive < LAPSED_BELOW) return 'lapsed';
  if (pAlive !== null && pAlive < AT_RISK_BELOW * (pAliveAfterLastOrder ?? 1)) return 'at_risk';
  if (orderCount === 1) return 'new';
  const rising = spend !== null && spend.recentAverageMinor > GROWTH_FACTOR * spend.previousAverageMinor;
  return rising || intervalsShrinking ? 'growing' : 'active';
}

// Both trends run for every customer on each recompute: index loops, no intermediate arrays.
export function spendTrend(prepared: PreparedFacts, currency: string | null): StageResult['spend'] {
  if (currency === null) return null;
  const purchases = prepared.purchases;
  let recentSum = 0;
  let recentCount = 0;
  let previousSum = 0;
  let previousCount = 0;
  for (let i = purchases.length - 1; i >= 0; i--) {
    const total = (purchases[i] as PreparedFacts['purchases'][number]).total;
    if (total.currency !== currency) continue;
    if (recentCount < RECENT_ORDERS) {
      recentSum += total.minor;
      recentCount++;
    } else {
      previousSum += total.minor;
      previousCount++;
    }
  }
  if (previousCount === 0) return null;
  const previousAverageMinor = previousSum / previousCount;
  // Growth from nothing (only free orders before) is not a trend worth an upsell.
  if (previousAverageMinor <= 0) return null;
  return { recentAverageMinor: recentSum / recentCount, previousAverageMinor };
}

export function gapsShrinking(prepared: PreparedFacts): boolean {
  const purchases = prepared.purchases;
  const gaps = purchases.length - 1;
  if (gaps <= RECENT_GAPS) return false;
  const last = (purchases[gaps] as PreparedFacts['purchases'][number]).orderedAt;
  const split = (purchases[gaps - RECENT_GAPS] as PreparedFacts['purchases'][number]).orderedAt;
  const first = (purchases[0] as PreparedFacts['purchases'][number]).orderedAt;
  // Consecutive gaps telescope: their sum is the span from first to last order.
  const recent = (last - split) / RECENT_GAPS;
  const earlier = (split - first) / (gaps - RECENT_GAPS);
  return earlier > 0 && recent <= SHRINK_FACTOR * earlier;
}
