import { z } from 'zod';
import { TIERS } from '../../model/records';
import { BOOK_TIERS, NO_DAY, type DashboardBook } from './book';
import { civilOfDay, dayOfCivil, localDay } from './calendar';

/**
 * The dashboard's filters: a period, a tier, a tag and a currency. Amounts are shown in one
 * currency at a time and never converted; counts of customers do not depend on the currency.
 */

export const PERIODS = ['last-30-days', 'last-90-days', 'last-12-months', 'this-year', 'last-year', 'all-time'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Readonly<Record<Period, string>> = {
  'last-30-days': 'Last 30 days',
  'last-90-days': 'Last 90 days',
  'last-12-months': 'Last 12 months',
  'this-year': 'This year',
  'last-year': 'Last year',
  'all-time': 'All time',
};

export const DashboardFilters = z.object({
  period: z.enum(PERIODS).default('last-12-months'),
  tier: z.enum([...TIERS, 'Prospect']).nullable().default(null),
  tag: z.string().min(1).max(60).nullable().default(null),
  /** null: the business currency when anything was paid in it, else the one with the most revenue. */
  currency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
});
export type DashboardFilters = z.output<typeof DashboardFilters>;
export type DashboardFiltersInput = z.input<typeof DashboardFilters>;

export const DEFAULT_FILTERS: DashboardFilters = DashboardFilters.parse({});

/**
 * What one request looks at: the customers the tier and tag let through, the period's days
 * (inclusive, local), the currency's index in the book (-1 when the book has none of it) and
 * each customer's net revenue in that currency within the period.
 */
export type Scope = {
  book: DashboardBook;
  filters: DashboardFilters;
  now: number;
  today: number;
  from: number;
  to: number;
  /** The customers passing the tier and tag filters, as indexes into the book. */
  customers: Int32Array;
  currency: string | null;
  currencyIndex: number;
  /** Net revenue (refunds subtracted) in `currency` within the period, per book index. */
  revenue: Float64Array;
};

/** The period's first and last local day (inclusive). All time starts at the book's first order or touch. */
export function periodDays(period: Period, today: number, earliest: number): { from: number; to: number } {
  const { year } = civilOfDay(today);
  switch (period) {
    case 'last-30-days':
      return { from: today - 29, to: today };
    case 'last-90-days':
      return { from: today - 89, to: today };
    case 'last-12-months':
      // 365 days, as the engine's trailing 12 months (lib/insights/time.ts YEAR_MS).
      return { from: today - 364, to: today };
    case 'this-year':
      return { from: dayOfCivil(year, 1, 1), to: today };
    case 'last-year':
      return { from: dayOfCivil(year - 1, 1, 1), to: dayOfCivil(year - 1, 12, 31) };
    case 'all-time':
      return { from: Math.min(earliest, today), to: today };
  }
}

/** The earliest order day in the book (today when it has none). */
function earliestDay(book: DashboardBook, today: number): number {
  let earliest = today;
  for (let i = 0; i < book.firstPurchase.length; i++) {
    const day = book.firstPurchase[i] as number;
    if (day !== NO_DAY && day < earliest) earliest = day;
  }
  for (let i = 0; i < book.orderDay.length; i++) if ((book.orderDay[i] as number) < earliest) earliest = book.orderDay[i] as number;
  for (let i = 0; i < book.interactionDay.length; i++) if ((book.interactionDay[i] as number) < earliest) earliest = book.interactionDay[i] as number;
  return earliest;
}

/** Totals per currency within the period for the filtered customers, largest first (ties by code). */
export function currencyTotals(book: DashboardBook, customers: Int32Array, from: number, to: number): { currency: string; minor: number; customers: number }[] {
  const minor = new Float64Array(book.currencies.length);
  const buyers = new Uint32Array(book.currencies.length);
  const seen = new Int32Array(book.currencies.length).fill(-1);
  for (let k = 0; k < customers.length; k++) {
    const c = customers[k] as number;
    for (let o = book.orderStart[c] as number; o < (book.orderStart[c + 1] as number); o++) {
      const day = book.orderDay[o] as number;
      if (day < from || day > to) continue;
      const cur = book.orderCurrency[o] as number;
      minor[cur] = (minor[cur] as number) + (book.orderMinor[o] as number);
      if (seen[cur] !== c) {
        seen[cur] = c;
        buyers[cur] = (buyers[cur] as number) + 1;
      }
    }
  }
  return book.currencies
    .map((currency, i) => ({ currency, minor: minor[i] as number, customers: buyers[i] as number }))
    .filter((t) => t.customers > 0)
    .sort((x, y) => y.minor - x.minor || (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0));
}

export function createScope(book: DashboardBook, filters: DashboardFilters, now: number): Scope {
  const today = localDay(now, book.timeZone);
  const { from, to } = periodDays(filters.period, today, filters.period === 'all-time' ? earliestDay(book, today) : today);
  const tierIndex = filters.tier === null ? -1 : BOOK_TIERS.indexOf(filters.tier);
  const tagIndex = filters.tag === null ? -1 : book.tags.indexOf(filters.tag);
  const picked: number[] = [];
  for (let c = 0; c < book.ids.length; c++) {
    if (tierIndex >= 0 && book.tier[c] !== tierIndex) continue;
    if (filters.tag !== null && !hasTag(book, c, tagIndex)) continue;
    picked.push(c);
  }
  const customers = Int32Array.from(picked);
  let currency = filters.currency;
  if (currency === null) {
    const totals = currencyTotals(book, customers, from, to);
    const business = totals.find((t) => t.currency === book.businessCurrency && t.minor > 0);
    currency = business ? business.currency : (totals[0]?.currency ?? null);
  }
  const currencyIndex = currency === null ? -1 : book.currencies.indexOf(currency);
  const revenue = new Float64Array(book.ids.length);
  if (currencyIndex >= 0) {
    for (let k = 0; k < customers.length; k++) {
      const c = customers[k] as number;
      let sum = 0;
      for (let o = book.orderStart[c] as number; o < (book.orderStart[c + 1] as number); o++) {
        const day = book.orderDay[o] as number;
        if (day >= from && day <= to && book.orderCurrency[o] === currencyIndex) sum += book.orderMinor[o] as number;
      }
      revenue[c] = sum;
    }
  }
  return { book, filters, now, today, from, to, customers, currency, currencyIndex, revenue };
}

function hasTag(book: DashboardBook, c: number, tagIndex: number): boolean {
  if (tagIndex < 0) return false;
  for (let t = book.tagStart[c] as number; t < (book.tagStart[c + 1] as number); t++) if (book.tagIds[t] === tagIndex) return true;
  return false;
}
