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
  const [intervalDays, intervalSource] =
    figures.medianIntervalDays !== null
      ? [figures.medianIntervalDays, 'own' as const]
      : businessMedianIntervalDays !== null
        ? [businessMedianIntervalDays, 'business' as const]
        : [DEFAULT_INTERVAL_DAYS, 'default' as const];
  const days = figures.daysSinceLastOrder;
  const spend = spendTrend(prepared, figures.currency);
  const intervalsShrinking = gapsShrinking(prepared);
  const result = { intervalDays, intervalSource, daysSinceLastOrder: days, spend, intervalsShrinking };
  if (figures.orderCount === 0 || days === null) return { stage: 'prospect', ...result };
  if (days > LAPSED_FACTOR * intervalDays || days > LAPSED_AFTER_DAYS) return { stage: 'lapsed', ...result };
  if (days > AT_RISK_FACTOR * intervalDays) return { stage: 'at_risk', ...result };
  if (figures.orderCount === 1) return { stage: 'new', ...result };
  const rising = spend !== null && spend.recentAverageMinor > GROWTH_FACTOR * spend.previousAverageMinor;
  if (rising || intervalsShrinking) return { stage: 'growing', ...result };
  return { stage: 'active', ...result };
}

function spendTrend(prepared: PreparedFacts, currency: string | null): StageResult['spend'] {
  if (currency === null) return null;
  const totals = prepared.purchases.filter((o) => o.total.currency === currency).map((o) => o.total.minor);
  if (totals.length <= RECENT_ORDERS) return null;
  const recent = totals.slice(-RECENT_ORDERS);
  const previous = totals.slice(0, -RECENT_ORDERS);
  const previousAverageMinor = average(previous);
  // Growth from nothing (only free orders before) is not a trend worth an upsell.
  if (previousAverageMinor <= 0) return null;
  return { recentAverageMinor: average(recent), previousAverageMinor };
}

function gapsShrinking(prepared: PreparedFacts): boolean {
  const times = prepared.purchases.map((o) => o.orderedAt);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push((times[i] as number) - (times[i - 1] as number));
  if (gaps.length <= RECENT_GAPS) return false;
  const recent = average(gaps.slice(-RECENT_GAPS));
  const earlier = average(gaps.slice(0, -RECENT_GAPS));
  return earlier > 0 && recent <= SHRINK_FACTOR * earlier;
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}
