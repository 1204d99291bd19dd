import type { Money } from '../model/records';
import { compareText, type PreparedFacts } from './prepare';
import { DAY_MS, YEAR_MS, median, wholeDays } from './time';

/**
 * Money: amounts are never converted (there are no exchange rates in a local-first tool).
 * - `revenue` / `revenue12m` keep every currency apart, like CustomerStats.
 * - The customer's figures (`lifetimeMinor`, `trailing12mMinor`, `averageOrderMinor`) are in
 *   their main currency: the one with the most lifetime revenue (ties: more purchases, then
 *   the business currency, then alphabetical).
 * - Ranking across customers (Pareto tier, RFM monetary score, concentration) uses only
 *   revenue in the business currency (`rankedRevenue12mMinor`, `rankedLifetimeMinor`):
 *   adding euros to dollars would rank nonsense. A customer who pays only in another
 *   currency therefore ranks with zero revenue (tier C if they bought).
 * - Counts, dates and intervals use every purchase whatever its currency.
 */
export type CustomerFigures = {
  customerId: string;
  /** Purchases: live, not future, total ≥ 0 (zero totals count, refunds do not). */
  orderCount: number;
  refundCount: number;
  currency: string | null;
  revenue: Money[];
  revenue12m: Money[];
  lifetimeMinor: number;
  trailing12mMinor: number;
  rankedLifetimeMinor: number;
  rankedRevenue12mMinor: number;
  /** Net main-currency revenue over main-currency purchases; null without purchases. */
  averageOrderMinor: number | null;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  /** Median days between purchases; null with fewer than two purchase days. */
  medianIntervalDays: number | null;
  expectedNextOrderAt: number | null;
  /** Latest order or logged interaction of any kind. */
  lastTouchAt: number | null;
  daysSinceLastOrder: number | null;
  daysSinceLastTouch: number | null;
};

export function computeFigures(prepared: PreparedFacts, businessCurrency: string, now: number): CustomerFigures {
  const { purchases, refunds, interactions, customer } = prepared;
  const yearAgo = now - YEAR_MS;
  const lifetime = new Map<string, number>();
  const trailing = new Map<string, number>();
  const purchasesPer = new Map<string, number>();
  for (const order of purchases) {
    const { currency, minor } = order.total;
    add(lifetime, currency, minor);
    if (order.orderedAt > yearAgo) add(trailing, currency, minor);
    add(purchasesPer, currency, 1);
  }
  for (const order of refunds) {
    add(lifetime, order.total.currency, order.total.minor);
    if (order.orderedAt > yearAgo) add(trailing, order.total.currency, order.total.minor);
  }
  const currency = mainCurrency(lifetime, purchasesPer, businessCurrency);
  const first = purchases[0];
  const last = purchases[purchases.length - 1];
  const firstOrderAt = first ? first.orderedAt : null;
  const lastOrderAt = last ? last.orderedAt : null;
  const medianIntervalDays = medianInterval(purchases.map((o) => o.orderedAt));
  const lastInteraction = interactions[interactions.length - 1];
  const lastTouchAt = Math.max(lastOrderAt ?? -1, lastInteraction ? lastInteraction.at : -1);
  const mainCount = currency === null ? 0 : (purchasesPer.get(currency) ?? 0);
  const lifetimeMinor = currency === null ? 0 : (lifetime.get(currency) ?? 0);
  return {
    customerId: customer.id,
    orderCount: purchases.length,
    refundCount: refunds.length,
    currency,
    revenue: toMoney(lifetime),
    revenue12m: toMoney(trailing),
    lifetimeMinor,
    trailing12mMinor: currency === null ? 0 : (trailing.get(currency) ?? 0),
    rankedLifetimeMinor: lifetime.get(businessCurrency) ?? 0,
    rankedRevenue12mMinor: trailing.get(businessCurrency) ?? 0,
    averageOrderMinor: mainCount > 0 ? Math.round(lifetimeMinor / mainCount) : null,
    firstOrderAt,
    lastOrderAt,
    medianIntervalDays,
    expectedNextOrderAt:
      lastOrderAt !== null && medianIntervalDays !== null ? lastOrderAt + Math.round(medianIntervalDays * DAY_MS) : null,
    lastTouchAt: lastTouchAt < 0 ? null : lastTouchAt,
    daysSinceLastOrder: lastOrderAt === null ? null : wholeDays(lastOrderAt, now),
    daysSinceLastTouch: lastTouchAt < 0 ? null : wholeDays(lastTouchAt, now),
  };
}

/**
 * Gaps shorter than a day are one visit split into several orders (a forgotten item), not
 * a buying rhythm: they are skipped so they cannot drag the median towards zero.
 */
export function medianInterval(sortedTimes: readonly number[]): number | null {
  const gaps: number[] = [];
  let previous: number | null = null;
  for (const t of sortedTimes) {
    if (previous !== null && t - previous < DAY_MS) continue;
    if (previous !== null) gaps.push((t - previous) / DAY_MS);
    previous = t;
  }
  gaps.sort((x, y) => x - y);
  return median(gaps);
}

/**
 * The usual interval of this business: the median of the own medians of customers with a
 * rhythm (2+ purchase days). Used for customers with a single order; null without any.
 */
export function businessMedianIntervalDays(all: Iterable<CustomerFigures>): number | null {
  const medians: number[] = [];
  for (const f of all) if (f.medianIntervalDays !== null) medians.push(f.medianIntervalDays);
  medians.sort((x, y) => x - y);
  return median(medians);
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function toMoney(map: Map<string, number>): Money[] {
  return [...map]
    .map(([currency, minor]) => ({ currency, minor }))
    .sort((x, y) => compareText(x.currency, y.currency));
}

function mainCurrency(lifetime: Map<string, number>, counts: Map<string, number>, business: string): string | null {
  let best: string | null = null;
  for (const currency of lifetime.keys()) {
    if (best === null || beats(currency, best)) best = currency;
  }
  return best;

  function beats(x: string, y: string): boolean {
    const byRevenue = (lifetime.get(x) ?? 0) - (lifetime.get(y) ?? 0);
    if (byRevenue !== 0) return byRevenue > 0;
    const byCount = (counts.get(x) ?? 0) - (counts.get(y) ?? 0);
    if (byCount !== 0) return byCount > 0;
    if (x === business || y === business) return x === business;
    return x < y;
  }
}
