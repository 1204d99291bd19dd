import type { CustomerFigures } from './figures';
import type { PreparedFacts } from './prepare';

export const STAGES = ['prospect', 'new', 'active', 'growing', 'at_risk', 'lapsed'] as const;
export type Stage = (typeof STAGES)[number];

/** Without any customer with a rhythm yet, a single order is judged against two months. */
export const DEFAULT_INTERVAL_DAYS = 60;
export const AT_RISK_FACTOR = 1.5;
export const LAPSED_FACTOR = 3;
export const LAPSED_AFTER_DAYS = 365;
export const GROWTH_FACTOR = 1.25;
/** Recent gaps at most this share of the earlier ones count as buying more often. */
export const SHRINK_FACTOR = 0.75;
const RECENT_ORDERS = 3;
const RECENT_GAPS = 2;

export type StageResult = {
  stage: Stage;
  /** The interval at risk and lapsed are judged against, in days. */
  intervalDays: number;
  intervalSource: 'own' | 'business' | 'default';
  daysSinceLastOrder: number | null;
  /** Average of the last 3 purchases vs the ones before (main currency); null when not comparable. */
  spend: { recentAverageMinor: number; previousAverageMinor: number } | null;
  intervalsShrinking: boolean;
};

/**
 * Life cycle from the customer's own rhythm, so it works from the first orders:
 * - prospect: no purchase;
 * - lapsed: no purchase for more than 3 × the interval, or for more than a year;
 * - at risk: more than 1.5 × the interval;
 * - new: a single purchase, still within that;
 * - growing: 4+ purchases and the last 3 average > 1.25 × the ones before, or the last two
 *   gaps average ≤ 0.75 × the earlier gaps;
 * - active otherwise.
 * The interval is the customer's median gap; with one purchase, the business's median
 * (customers with 2+ purchase days); without any, 60 days.
 */
export function computeStage(
  prepared: PreparedFacts,
  figures: CustomerFigures,
  businessMedianIntervalDays: number | null,
): StageResult {
  return stageFromTrends(figures, spendTrend(prepared, figures.currency), gapsShrinking(prepared), businessMedianIntervalDays);
}

/**
 * computeStage with the two trends already taken: a full recompute takes them while the
 * customer's orders are at hand, before the business's median interval is known.
 */
export function stageFromTrends(
  figures: CustomerFigures,
  spend: StageResult['spend'],
  intervalsShrinking: boolean,
  businessMedianIntervalDays: number | null,
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
  const stage = stageOf(figures.orderCount, days, intervalDays, spend, intervalsShrinking);
  return { stage, intervalDays, intervalSource, daysSinceLastOrder: days, spend, intervalsShrinking };
}

function stageOf(orderCount: number, days: number | null, intervalDays: number, spend: StageResult['spend'], intervalsShrinking: boolean): Stage {
  if (orderCount === 0 || days === null) return 'prospect';
  if (days > LAPSED_FACTOR * intervalDays || days > LAPSED_AFTER_DAYS) return 'lapsed';
  if (days > AT_RISK_FACTOR * intervalDays) return 'at_risk';
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
