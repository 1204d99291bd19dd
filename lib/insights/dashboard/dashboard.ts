import type { ConcentrationLimits } from '../concentration';
import type { TierName } from '../types';
import { activity, overdueByTier, type Activity, type OverdueRow } from './activity';
import type { DashboardBook } from './book';
import { dayKey } from './calendar';
import { createScope, currencyTotals, PERIOD_LABELS, type DashboardFilters, type Scope } from './filters';
import { cohorts, newReturning, repeatRate, type Cohorts, type MonthRevenue, type Repeat } from './life';
import { membersOf } from './members';
import type { Segment } from './segment';
import type { Status } from './status';
import { concentration, rankPayers, rfmGrid, stages, tiers, type Concentration, type RfmCell, type TierRow } from './value';

/**
 * The dashboard's figures for one set of filters: every part computed from the book
 * (./book.ts) in a few passes, each with its status (enough data, or what it needs).
 */
export type DashboardData = {
  /** When the book was built (the classifications' time). */
  builtAt: number;
  now: number;
  filters: DashboardFilters;
  period: { from: string; to: string; label: string };
  /** The currency every amount is in; null when there are no orders. */
  currency: string | null;
  /** Revenue per currency in the period (never added together), largest first. */
  currencies: { currency: string; minor: number; customers: number }[];
  tags: string[];
  summary: { customers: number; buyers: number; orders: number; revenueMinor: number };
  concentration: Concentration;
  tiers: { status: Status; rows: TierRow[] };
  rfm: { status: Status; cells: RfmCell[]; prospects: number; buyers: number };
  stages: ReturnType<typeof stages>;
  cohorts: Cohorts;
  repeat: Repeat;
  newReturning: { status: Status; months: MonthRevenue[] };
  overdue: { status: Status; rows: OverdueRow[] };
  activity: Activity;
};

export type DashboardContext = { cadenceDays: Readonly<Record<TierName, number>>; concentrationAlert: ConcentrationLimits };

export function computeDashboard(book: DashboardBook, filters: DashboardFilters, now: number, context: DashboardContext): DashboardData {
  const scope = createScope(book, filters, now);
  const ranked = rankPayers(scope);
  return {
    builtAt: book.builtAt,
    now,
    filters,
    period: { from: dayKey(scope.from), to: dayKey(scope.to), label: PERIOD_LABELS[filters.period] },
    currency: scope.currency,
    currencies: currencyTotals(book, scope.customers, scope.from, scope.to),
    tags: book.tags.slice().sort((x, y) => x.localeCompare(y)),
    summary: summaryOf(scope),
    concentration: concentration(scope, ranked, context.concentrationAlert),
    tiers: tiers(scope),
    rfm: rfmGrid(scope),
    stages: stages(scope),
    cohorts: cohorts(scope),
    repeat: repeatRate(scope),
    newReturning: newReturning(scope),
    overdue: overdueByTier(scope, context.cadenceDays),
    activity: activity(scope),
  };
}

function summaryOf(scope: Scope): DashboardData['summary'] {
  const { book } = scope;
  let buyers = 0;
  let orders = 0;
  let revenueMinor = 0;
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    let bought = false;
    for (let o = book.orderStart[c] as number; o < (book.orderStart[c + 1] as number); o++) {
      const day = book.orderDay[o] as number;
      if (day < scope.from || day > scope.to || (book.orderMinor[o] as number) < 0) continue;
      orders++;
      bought = true;
    }
    if (bought) buyers++;
    revenueMinor += scope.revenue[c] as number;
  }
  return { customers: scope.customers.length, buyers, orders, revenueMinor };
}

/** The ids of the customers behind one part of the dashboard, under the same filters. */
export function dashboardMembers(book: DashboardBook, filters: DashboardFilters, segment: Segment, now: number, context: DashboardContext): string[] {
  return membersOf(createScope(book, filters, now), segment, context.cadenceDays).map((c) => book.ids[c] as string);
}
