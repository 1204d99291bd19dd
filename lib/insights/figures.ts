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
  // Nearly every customer pays in one currency: a short list beats three Maps per customer
  // when a full recompute builds figures for 100,000 customers.
  const sums: CurrencySums[] = [];
  for (let i = 0; i < purchases.length; i++) {
    const order = purchases[i] as PreparedFacts['purchases'][number];
    tally(sums, order.total.currency, order.total.minor, order.orderedAt > yearAgo, 1);
  }
  for (let i = 0; i < refunds.length; i++) {
    const order = refunds[i] as PreparedFacts['refunds'][number];
    tally(sums, order.total.currency, order.total.minor, order.orderedAt > yearAgo, 0);
  }
  const main = mainCurrency(sums, businessCurrency);
  const ranked = sumsIn(sums, businessCurrency);
  const first = purchases[0];
  const last = purchases[purchases.length - 1];
  const firstOrderAt = first ? first.orderedAt : null;
  const lastOrderAt = last ? last.orderedAt : null;
  const medianIntervalDays = medianOrderInterval(purchases);
  const lastInteraction = interactions[interactions.length - 1];
  const lastTouchAt = Math.max(lastOrderAt ?? -1, lastInteraction ? lastInteraction.at : -1);
  const byCurrency = sums.length > 1 ? [...sums].sort((x, y) => compareText(x.currency, y.currency)) : sums;
  return {
    customerId: customer.id,
    orderCount: purchases.length,
    refundCount: refunds.length,
    currency: main ? main.currency : null,
    revenue: lifetimeRevenue(byCurrency),
    revenue12m: trailingRevenue(byCurrency),
    lifetimeMinor: main ? main.lifetime : 0,
    trailing12mMinor: main ? main.trailing : 0,
    rankedLifetimeMinor: ranked ? ranked.lifetime : 0,
    rankedRevenue12mMinor: ranked ? ranked.trailing : 0,
    averageOrderMinor: main && main.purchases > 0 ? Math.round(main.lifetime / main.purchases) : null,
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

type CurrencySums = { currency: string; lifetime: number; trailing: number; hasTrailing: boolean; purchases: number };

// The helpers below run per order or per customer of a full recompute: loops, no callbacks.

function sumsIn(sums: readonly CurrencySums[], currency: string): CurrencySums | undefined {
  for (let i = 0; i < sums.length; i++) if ((sums[i] as CurrencySums).currency === currency) return sums[i];
  return undefined;
}

function tally(sums: CurrencySums[], currency: string, minor: number, trailing: boolean, purchase: number): void {
  let entry = sumsIn(sums, currency);
  if (!entry) sums.push((entry = { currency, lifetime: 0, trailing: 0, hasTrailing: false, purchases: 0 }));
  entry.lifetime += minor;
  entry.purchases += purchase;
  if (trailing) {
    entry.trailing += minor;
    entry.hasTrailing = true;
  }
}

// Both lists are kept in the results: allocated at their final length (an array grown by push
// keeps room for 16 more entries, which every stored figure would carry along).

function lifetimeRevenue(byCurrency: readonly CurrencySums[]): Money[] {
  const revenue = new Array<Money>(byCurrency.length);
  for (let i = 0; i < byCurrency.length; i++) {
    const x = byCurrency[i] as CurrencySums;
    revenue[i] = { currency: x.currency, minor: x.lifetime };
  }
  return revenue;
}

function trailingRevenue(byCurrency: readonly CurrencySums[]): Money[] {
  let count = 0;
  for (const x of byCurrency) if (x.hasTrailing) count++;
  const revenue = new Array<Money>(count);
  let i = 0;
  for (const x of byCurrency) if (x.hasTrailing) revenue[i++] = { currency: x.currency, minor: x.trailing };
  return revenue;
}

function mainCurrency(sums: readonly CurrencySums[], business: string): CurrencySums | null {
  let best: CurrencySums | null = null;
  for (const x of sums) if (best === null || beats(x, best, business)) best = x;
  return best;
}

function beats(x: CurrencySums, y: CurrencySums, business: string): boolean {
  if (x.lifetime !== y.lifetime) return x.lifetime > y.lifetime;
  if (x.purchases !== y.purchases) return x.purchases > y.purchases;
  if (x.currency === business || y.currency === business) return x.currency === business;
  return x.currency < y.currency;
}

/**
 * Gaps shorter than a day are one visit split into several orders (a forgotten item), not
 * a buying rhythm: they are skipped so they cannot drag the median towards zero.
 */
export function medianInterval(sortedTimes: readonly number[]): number | null {
  if (sortedTimes.length < 2) return null;
  let count = 0;
  let previous = sortedTimes[0] as number;
  for (let i = 1; i < sortedTimes.length; i++) {
    const t = sortedTimes[i] as number;
    // A skipped gap keeps the earlier time: the next gap is measured from it.
    if (t - previous < DAY_MS) continue;
    gaps[count++] = (t - previous) / DAY_MS;
    previous = t;
  }
  return medianOfGaps(count);
}

function medianOrderInterval(purchases: readonly { orderedAt: number }[]): number | null {
  if (purchases.length < 2) return null;
  let count = 0;
  let previous = (purchases[0] as { orderedAt: number }).orderedAt;
  for (let i = 1; i < purchases.length; i++) {
    const t = (purchases[i] as { orderedAt: number }).orderedAt;
    if (t - previous < DAY_MS) continue;
    gaps[count++] = (t - previous) / DAY_MS;
    previous = t;
  }
  return medianOfGaps(count);
}

/**
 * One scratch list of gaps (in days) shared by every customer of a recompute, instead of an
 * array per customer: a full recompute takes 100,000 medians. Only ever used synchronously.
 */
const gaps: number[] = [];

/** Median of the first `count` gaps (sorted ascending in place). */
function medianOfGaps(count: number): number | null {
  if (count === 0) return null;
  // A customer has a handful of gaps: insertion sort beats Array#sort with a comparator.
  if (count <= 32) {
    for (let i = 1; i < count; i++) {
      const value = gaps[i] as number;
      let j = i - 1;
      while (j >= 0 && (gaps[j] as number) > value) {
        gaps[j + 1] = gaps[j] as number;
        j--;
      }
      gaps[j + 1] = value;
    }
    return medianOfSorted(count);
  }
  const sorted = gaps.slice(0, count).sort((x, y) => x - y);
  for (let i = 0; i < count; i++) gaps[i] = sorted[i] as number;
  return medianOfSorted(count);
}

function medianOfSorted(count: number): number {
  const mid = count >> 1;
  const upper = gaps[mid] as number;
  return count % 2 === 1 ? upper : ((gaps[mid - 1] as number) + upper) / 2;
}

/**
 * The usual interval of this business: the median of the own medians of customers with a
 * rhythm (2+ purchase days). Used for customers with a single order; null without any.
 */
export function businessMedianIntervalDays(all: Iterable<CustomerFigures>): number | null {
  const medians: number[] = [];
  for (const f of all) if (f.medianIntervalDays !== null) medians.push(f.medianIntervalDays);
  return medianOfColumn(Float64Array.from(medians));
}

/** A Float64Array sorts numerically and natively, without a comparator. */
export function medianOfColumn(medians: Float64Array): number | null {
  return median(medians.sort());
}
