import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../../lib/insights/dashboard/book';
import { civilOfDay, dayKey, dayOfCivil, localDay, monthOfDay, parseDayKey, weekOfDay } from '../../../../lib/insights/dashboard/calendar';
import { computeDashboard, dashboardMembers, type DashboardData } from '../../../../lib/insights/dashboard/dashboard';
import { DEFAULT_FILTERS, type DashboardFilters } from '../../../../lib/insights/dashboard/filters';
import { RETENTION_MARKS, type Segment } from '../../../../lib/insights/dashboard/segment';
import { DEFAULT_SETTINGS, recomputeAll, type CustomerFacts } from '../../../../lib/insights/index';
import { INTERACTION_KINDS } from '../../../../lib/model/records';
import { createFacts, NOW } from '../factories';
import { generateBook } from '../generate';
import { reference, wallDate } from './reference';

const settings = DEFAULT_SETTINGS;
const context = { cadenceDays: settings.cadenceDays, concentrationAlert: settings.concentrationAlert };

function dashboardOf(all: CustomerFacts[], filters: DashboardFilters = DEFAULT_FILTERS, now = NOW) {
  const insights = recomputeAll(all, settings, now);
  const book = buildBook(all, insights.customers, settings, now);
  return { insights, book, data: computeDashboard(book, filters, now, context) };
}

describe('dashboard calendar', () => {
  it('reads day numbers as Date does, across centuries and leap days', () => {
    for (const t of [Date.UTC(1969, 11, 31), Date.UTC(2000, 1, 29), Date.UTC(2026, 2, 1), Date.UTC(2100, 11, 31), Date.UTC(1900, 0, 1)]) {
      const day = Math.floor(t / 86_400_000);
      const d = new Date(t);
      expect(civilOfDay(day)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      expect(dayOfCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
    }
  });

  it('places an instant on the business wall clock, not UTC', () => {
    // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin (summer time).
    const t = Date.UTC(2026, 2, 31, 23, 30);
    expect(dayKey(localDay(t, 'Europe/Berlin'))).toBe('2026-04-01');
    expect(dayKey(localDay(t, 'UTC'))).toBe('2026-03-31');
    expect(monthOfDay(localDay(t, 'Europe/Berlin')) % 12).toBe(3);
  });

  it('starts weeks on Monday and refuses impossible dates', () => {
    expect(dayKey(weekOfDay(parseDayKey('2026-06-10') as number))).toBe('2026-06-08');
    expect(dayKey(weekOfDay(parseDayKey('2026-06-08') as number))).toBe('2026-06-08');
    expect(parseDayKey('2026-02-30')).toBeNull();
  });
});

describe('dashboard on a generated book', () => {
  const all = generateBook(600, 5_000, 7);
  // Tags on a few customers, for the tag filter.
  all.forEach((facts, i) => {
    if (i % 7 === 0) facts.customer.tags = ['wholesale'];
  });
  const { insights, book, data } = dashboardOf(all);
  const ref = reference(all, insights, { now: NOW, timeZone: settings.businessHours.timeZone, currency: 'EUR', cadenceDays: settings.cadenceDays });

  it('agrees with an independent reading of the same rows', () => {
    expect(data.period).toMatchObject({ from: ref.period.from, to: ref.period.to });
    expect(data.currency).toBe('EUR');
    expect(data.summary.revenueMinor).toBe(ref.revenue);
    expect(data.concentration.payers).toBe(ref.payers);
    expect(data.concentration.top1Share).toBeCloseTo(ref.top1Share as number, 12);
    expect(data.concentration.top5Share).toBeCloseTo(ref.top5Share as number, 12);
    expect(data.concentration.at80?.customers).toBe(ref.at80);
    for (const row of data.tiers.rows) {
      expect(row.customers).toBe(ref.tiers[row.tier]?.customers ?? 0);
      expect(row.revenueMinor).toBe(ref.tiers[row.tier]?.revenue ?? 0);
    }
    for (const row of data.stages.rows) expect(row.customers).toBe(ref.stages[row.stage] ?? 0);
    expect(data.repeat).toMatchObject({ buyers: ref.buyers, repeaters: ref.repeaters });
    for (const row of data.cohorts.rows) {
      const expected = ref.cohorts.get(row.month);
      expect(row.customers).toBe(expected?.customers ?? 0);
      for (const mark of RETENTION_MARKS) expect(row.after[mark]?.customers ?? null).toBe(row.customers === 0 ? null : (expected?.after[mark] ?? null));
    }
    for (const month of data.newReturning.months) {
      expect(month.newMinor).toBe(ref.months.get(month.month)?.new ?? 0);
      expect(month.returningMinor).toBe(ref.months.get(month.month)?.returning ?? 0);
    }
    for (const kind of INTERACTION_KINDS) expect(data.activity.kinds[kind]).toBe(ref.kinds[kind] ?? 0);
    expect(data.activity.complaintsOpen).toBe(ref.complaintsOpen);
    for (const row of data.overdue.rows) expect(row.overdue).toBe(ref.overdue[row.tier] ?? 0);
  });

  it('has a curve from (0, 0) to (1, 1) that never falls, and a month for every month of the period', () => {
    const curve = data.concentration.curve;
    expect(curve[0]).toEqual({ x: 0, y: 0 });
    expect(curve[curve.length - 1]).toEqual({ x: 1, y: 1 });
    for (let i = 1; i < curve.length; i++) expect((curve[i] as { y: number }).y).toBeGreaterThanOrEqual((curve[i - 1] as { y: number }).y);
    expect(data.newReturning.months.map((m) => m.month)).toContain(wallDate(NOW, settings.businessHours.timeZone).slice(0, 7));
    expect(data.activity.unit).toBe('week');
    expect(data.activity.buckets.length).toBe(53);
  });

  /** Every part a chart draws, with the count it shows: the customers list behind it must be as long. */
  function parts(d: DashboardData): [Segment, number][] {
    const list: [Segment, number][] = [];
    for (const row of d.tiers.rows) list.push([{ part: 'tier', tier: row.tier }, row.customers]);
    for (const cell of d.rfm.cells) list.push([{ part: 'rfm', r: cell.r, band: cell.band }, cell.customers]);
    for (const row of d.stages.rows) list.push([{ part: 'stage', stage: row.stage }, row.customers]);
    for (const row of d.cohorts.rows) {
      list.push([{ part: 'cohort', month: row.month, after: 0 }, row.customers]);
      for (const mark of RETENTION_MARKS) if (row.after[mark]) list.push([{ part: 'cohort', month: row.month, after: mark }, row.after[mark]?.customers ?? 0]);
    }
    list.push([{ part: 'repeat', repeat: true }, d.repeat.repeaters], [{ part: 'repeat', repeat: false }, d.repeat.buyers - d.repeat.repeaters]);
    for (const m of d.newReturning.months) list.push([{ part: 'new-returning', month: m.month, kind: 'new' }, m.newCustomers], [{ part: 'new-returning', month: m.month, kind: 'returning' }, m.returningCustomers]);
    for (const row of d.overdue.rows) list.push([{ part: 'overdue', tier: row.tier }, row.overdue]);
    list.push([{ part: 'complaints-open' }, d.activity.complaintsOpen]);
    list.push([{ part: 'all' }, d.summary.customers], [{ part: 'top', count: d.concentration.at80?.customers ?? 0 }, d.concentration.at80?.customers ?? 0]);
    return list;
  }

  it('opens, for every part, the customers it counts', () => {
    for (const [segment, count] of parts(data)) {
      expect([segment, dashboardMembers(book, DEFAULT_FILTERS, segment, NOW, context).length]).toEqual([segment, count]);
    }
  });

  it('filters by tag and tier, and opens the same customers under those filters', () => {
    const filters: DashboardFilters = { ...DEFAULT_FILTERS, tag: 'wholesale', tier: 'C' };
    const filtered = computeDashboard(book, filters, NOW, context);
    const expected = all.filter((f) => f.customer.tags.includes('wholesale') && insights.customers.get(f.customer.id)?.tier.tier === 'C').length;
    expect(filtered.summary.customers).toBe(expected);
    expect(filtered.tiers.rows.find((r) => r.tier === 'C')?.customers).toBe(expected);
    for (const [segment, count] of parts(filtered)) expect(dashboardMembers(book, filters, segment, NOW, context).length).toBe(count);
  });

  it('shows amounts in the chosen currency only, never adding currencies', () => {
    const usd = computeDashboard(book, { ...DEFAULT_FILTERS, currency: 'USD' }, NOW, context);
    const refUsd = reference(all, insights, { now: NOW, timeZone: settings.businessHours.timeZone, currency: 'USD', cadenceDays: settings.cadenceDays });
    expect(usd.currency).toBe('USD');
    expect(usd.summary.revenueMinor).toBe(refUsd.revenue);
    expect(data.currencies.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    expect(usd.concentration.payers).toBe(refUsd.payers);
  });
});

describe('dashboard on thin data', () => {
  it('says what each chart needs when there are no customers', () => {
    const { data } = dashboardOf([]);
    expect(data.currency).toBeNull();
    for (const part of [data.concentration, data.tiers, data.rfm, data.stages, data.cohorts, data.repeat, data.newReturning, data.activity]) {
      expect(part.status.kind).toBe('needs');
    }
  });

  it('draws no curve for three customers, but still tells the top shares', () => {
    const all = [createFacts({ orders: [[10, 50_000]] }), createFacts({ orders: [[20, 30_000]] }), createFacts({ orders: [[30, 20_000]] })];
    const { data } = dashboardOf(all);
    expect(data.concentration.status).toEqual({ kind: 'needs', message: 'The curve needs at least 10 customers who paid in EUR in this period; 3 did.' });
    expect(data.concentration.curve).toEqual([]);
    expect(data.concentration.top1Share).toBeCloseTo(0.5);
    expect(data.concentration.top1Flagged).toBe(true);
    expect(data.rfm.status.kind).toBe('needs');
    expect(data.cohorts.status.kind).toBe('needs');
    expect(data.repeat).toMatchObject({ buyers: 3, repeaters: 0, rate: 0 });
  });

  it('works without orders: stages and keep-in-touch count, revenue charts say they need orders', () => {
    const all = [createFacts({ interactions: [['call', 3]] }), createFacts()];
    const { data } = dashboardOf(all);
    expect(data.currency).toBeNull();
    expect(data.stages.rows.find((r) => r.stage === 'prospect')?.customers).toBe(2);
    expect(data.newReturning.status).toEqual({ kind: 'needs', message: 'It needs orders in this period: import your orders or add them to a customer.' });
    expect(data.activity.status.kind).toBe('ok');
    expect(data.activity.kinds.call).toBe(1);
  });

  it('picks the business currency by default even when another has more revenue, and lists both apart', () => {
    const all = [createFacts({ orders: [[10, 1_000, 'EUR']] }), createFacts({ orders: [[10, 900_000, 'USD']] })];
    const { data } = dashboardOf(all);
    expect(data.currency).toBe('EUR');
    expect(data.currencies).toEqual([
      { currency: 'USD', minor: 900_000, customers: 1 },
      { currency: 'EUR', minor: 1_000, customers: 1 },
    ]);
    expect(data.summary.revenueMinor).toBe(1_000);
  });
});
