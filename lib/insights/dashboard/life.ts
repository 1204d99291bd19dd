import { NO_DAY } from './book';
import { monthKey, monthOfDay } from './calendar';
import type { Scope } from './filters';
import { RETENTION_MARKS, type RetentionMark } from './segment';
import { needs, ok, type Status } from './status';

/**
 * Life cycle and retention: monthly cohorts, the repeat-purchase rate, and new against
 * returning revenue by month. Buying is read from purchases in every currency; amounts only in
 * the scope's currency.
 */

/** Cohorts shown reach back at least this many months from the period's end, so the 12-month mark has cohorts old enough. */
export const COHORT_MONTHS = 24;

export type CohortRow = {
  month: string;
  customers: number;
  /** Per mark: the share still buying (a purchase in that month after the first or later), null until that month is over. */
  after: Record<RetentionMark, { customers: number; share: number } | null>;
};

export type Cohorts = {
  status: Status;
  rows: CohortRow[];
  /** Per mark, over every cohort old enough: customers still buying ÷ customers in those cohorts. */
  average: Record<RetentionMark, number | null>;
};

/** The first cohort month shown and the last. */
export function cohortRange(scope: Scope): { first: number; last: number } {
  const last = monthOfDay(scope.to);
  return { first: Math.min(monthOfDay(scope.from), last - (COHORT_MONTHS - 1)), last };
}

/** The month a mark is read in must be over: everyone had all of it to buy. */
export function markReadable(cohortMonth: number, mark: number, today: number): boolean {
  return monthOfDay(today) > cohortMonth + mark;
}

export function cohorts(scope: Scope): Cohorts {
  const { book, today } = scope;
  const { first, last } = cohortRange(scope);
  const size = last - first + 1;
  const counts = new Array<number>(size).fill(0);
  const kept = RETENTION_MARKS.map(() => new Array<number>(size).fill(0));
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    const day = book.firstPurchase[c] as number;
    if (day === NO_DAY) continue;
    const month = monthOfDay(day);
    if (month < first || month > last) continue;
    counts[month - first] = (counts[month - first] as number) + 1;
    const lastMonth = monthOfDay(book.lastPurchase[c] as number);
    RETENTION_MARKS.forEach((mark, j) => {
      if (lastMonth >= month + mark) (kept[j] as number[])[month - first] = ((kept[j] as number[])[month - first] as number) + 1;
    });
  }
  const rows: CohortRow[] = [];
  const totals = RETENTION_MARKS.map(() => ({ customers: 0, kept: 0 }));
  for (let i = 0; i < size; i++) {
    const month = first + i;
    const customers = counts[i] as number;
    const after = {} as CohortRow['after'];
    RETENTION_MARKS.forEach((mark, j) => {
      if (customers === 0 || !markReadable(month, mark, today)) {
        after[mark] = null;
        return;
      }
      const still = (kept[j] as number[])[i] as number;
      after[mark] = { customers: still, share: still / customers };
      (totals[j] as { customers: number; kept: number }).customers += customers;
      (totals[j] as { customers: number; kept: number }).kept += still;
    });
    rows.push({ month: monthKey(month), customers, after });
  }
  const average = {} as Cohorts['average'];
  RETENTION_MARKS.forEach((mark, j) => {
    const t = totals[j] as { customers: number; kept: number };
    average[mark] = t.customers > 0 ? t.kept / t.customers : null;
  });
  const anyone = rows.some((row) => row.customers > 0);
  const status = !anyone
    ? needs('Cohorts need customers with a first order in these months; there are none.')
    : average[1] === null
      ? needs('Cohorts need a first order at least a full month ago, to see who bought again; every first order here is more recent.')
      : ok();
  return { status, rows, average };
}

export type Repeat = { status: Status; buyers: number; repeaters: number; rate: number | null };

/** Shopify's returning-customer rate: of the customers who bought in the period, the share who have bought more than once (up to its end). */
export function repeatRate(scope: Scope): Repeat {
  let buyers = 0;
  let repeaters = 0;
  for (let k = 0; k < scope.customers.length; k++) {
    const kind = repeatKind(scope, scope.customers[k] as number);
    if (kind === null) continue;
    buyers++;
    if (kind) repeaters++;
  }
  if (buyers === 0) return { status: needs('It needs customers who bought in this period; none did.'), buyers, repeaters, rate: null };
  return { status: ok(), buyers, repeaters, rate: repeaters / buyers };
}

/** null: no purchase in the period; true: more than one purchase up to its end; false: just the one. */
export function repeatKind(scope: Scope, c: number): boolean | null {
  const { book } = scope;
  let inPeriod = false;
  let upToEnd = 0;
  for (let o = book.orderStart[c] as number; o < (book.orderStart[c + 1] as number); o++) {
    if ((book.orderMinor[o] as number) < 0) continue;
    const day = book.orderDay[o] as number;
    if (day > scope.to) continue;
    upToEnd++;
    if (day >= scope.from) inPeriod = true;
  }
  return inPeriod ? upToEnd > 1 : null;
}

export type MonthRevenue = { month: string; newMinor: number; returningMinor: number; newCustomers: number; returningCustomers: number };

/**
 * Revenue by month in the scope's currency, split into new (orders in the month of the
 * customer's first purchase) and returning (every later month), as Shopify's "first-time and
 * returning customer sales". Refunds lower the month they fall in.
 */
export function newReturning(scope: Scope): { status: Status; months: MonthRevenue[] } {
  const { book } = scope;
  const first = monthOfDay(scope.from);
  const last = monthOfDay(scope.to);
  const months: MonthRevenue[] = [];
  for (let m = first; m <= last; m++) months.push({ month: monthKey(m), newMinor: 0, returningMinor: 0, newCustomers: 0, returningCustomers: 0 });
  if (scope.currencyIndex < 0) return { status: needs('It needs orders in this period: import your orders or add them to a customer.'), months };
  let any = false;
  // The customer last counted in each month, as new and as returning (refunds come after purchases).
  const seenNew = new Int32Array(months.length).fill(-1);
  const seenReturning = new Int32Array(months.length).fill(-1);
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    const firstDay = book.firstPurchase[c] as number;
    const firstMonth = firstDay === NO_DAY ? Number.NaN : monthOfDay(firstDay);
    for (let o = book.orderStart[c] as number; o < (book.orderStart[c + 1] as number); o++) {
      const day = book.orderDay[o] as number;
      if (day < scope.from || day > scope.to || book.orderCurrency[o] !== scope.currencyIndex) continue;
      const month = monthOfDay(day);
      const row = months[month - first] as MonthRevenue;
      any = true;
      if (month === firstMonth) {
        row.newMinor += book.orderMinor[o] as number;
        if (seenNew[month - first] !== c) row.newCustomers++;
        seenNew[month - first] = c;
      } else {
        row.returningMinor += book.orderMinor[o] as number;
        if (seenReturning[month - first] !== c) row.returningCustomers++;
        seenReturning[month - first] = c;
      }
    }
  }
  if (!any) return { status: needs(`It needs orders in ${scope.currency} in this period; there are none.`), months };
  return { status: ok(), months };
}
