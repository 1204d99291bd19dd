import type { CustomerFacts, Insights, TierName } from '../../../../lib/insights/index';
import type { InteractionKind } from '../../../../lib/model/records';

/**
 * An independent reading of a book for the dashboard's tests (unit and real-browser): straight
 * loops over the stored rows, calendar dates from Intl in the business's time zone, no code of
 * lib/insights/dashboard. Slow and plain on purpose.
 */

const DAY = 86_400_000;
const VOID = new Set(['cancelled', 'canceled', 'voided']);

export type RefOrder = { at: number; day: string; month: string; minor: number; currency: string; purchase: boolean };

/** "2026-03-09" on the business's wall clock. */
const formats = new Map<string, Intl.DateTimeFormat>();
export function wallDate(t: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export type Reference = ReturnType<typeof reference>;

/**
 * The figures of the default view (last 12 months: the 365 days up to today) for the whole book,
 * in one currency.
 */
export function reference(all: readonly CustomerFacts[], insights: Insights, options: { now: number; timeZone: string; currency: string; cadenceDays: Record<TierName, number> }) {
  const { now, timeZone, currency } = options;
  const today = wallDate(now, timeZone);
  const from = addDays(today, -364);
  const inPeriod = (day: string) => day >= from && day <= today;
  const customers = all.map((facts) => {
    const orders: RefOrder[] = facts.orders
      .filter((o) => o.deletedAt === null && o.orderedAt <= now && !(o.status !== null && VOID.has(o.status.toLowerCase())))
      .map((o) => {
        const day = wallDate(o.orderedAt, timeZone);
        return { at: o.orderedAt, day, month: day.slice(0, 7), minor: o.total.minor, currency: o.total.currency, purchase: o.total.minor >= 0 };
      });
    const interactions = facts.interactions
      .filter((i) => i.deletedAt === null && i.at <= now)
      .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1))
      .map((i) => ({ day: wallDate(i.at, timeZone), kind: i.kind, at: i.at }));
    const insight = insights.customers.get(facts.customer.id);
    const purchaseDays = orders.filter((o) => o.purchase).map((o) => o.day).sort();
    const touches = [...orders.filter((o) => o.purchase).map((o) => o.at), ...interactions.map((i) => i.at)];
    return {
      id: facts.customer.id,
      tier: (insight?.tier.tier ?? 'Prospect') as TierName,
      stage: insight?.stage.stage ?? 'prospect',
      orders,
      interactions,
      first: purchaseDays[0] ?? null,
      last: purchaseDays[purchaseDays.length - 1] ?? null,
      revenue: orders.filter((o) => o.currency === currency && inPeriod(o.day)).reduce((s, o) => s + o.minor, 0),
      touchSince: touches.length > 0 ? Math.max(...touches) : facts.customer.createdAt,
    };
  });

  const payers = customers.filter((c) => c.revenue > 0).sort((x, y) => y.revenue - x.revenue || (x.id < y.id ? -1 : 1));
  const total = payers.reduce((s, c) => s + c.revenue, 0);
  let running = 0;
  let at80 = 0;
  for (const c of payers) {
    running += c.revenue;
    at80++;
    if (running >= 0.8 * total) break;
  }
  const tiers: Record<string, { customers: number; revenue: number }> = {};
  for (const c of customers) {
    const row = (tiers[c.tier] ??= { customers: 0, revenue: 0 });
    row.customers++;
    row.revenue += c.revenue;
  }
  const stages: Record<string, number> = {};
  for (const c of customers) stages[c.stage] = (stages[c.stage] ?? 0) + 1;

  const buyers = customers.filter((c) => c.orders.some((o) => o.purchase && inPeriod(o.day)));
  const repeaters = buyers.filter((c) => c.orders.filter((o) => o.purchase && o.day <= today).length > 1);

  const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const thisMonth = monthIndex(today.slice(0, 7));
  /** Cohort month → size and, per mark, those who bought in that month after the first or later (when the mark's month is over). */
  const cohorts = new Map<string, { customers: number; after: Record<number, number | null> }>();
  for (const c of customers) {
    if (c.first === null || c.last === null) continue;
    const month = c.first.slice(0, 7);
    const row = cohorts.get(month) ?? { customers: 0, after: { 1: 0, 3: 0, 6: 0, 12: 0 } };
    row.customers++;
    for (const mark of [1, 3, 6, 12]) {
      if (thisMonth <= monthIndex(month) + mark) row.after[mark] = null;
      else if (monthIndex(c.last.slice(0, 7)) >= monthIndex(month) + mark) row.after[mark] = (row.after[mark] ?? 0) + 1;
    }
    cohorts.set(month, row);
  }

  const months = new Map<string, { new: number; returning: number }>();
  for (const c of customers) {
    for (const o of c.orders) {
      if (o.currency !== currency || !inPeriod(o.day)) continue;
      const row = months.get(o.month) ?? { new: 0, returning: 0 };
      if (c.first !== null && o.month === c.first.slice(0, 7)) row.new += o.minor;
      else row.returning += o.minor;
      months.set(o.month, row);
    }
  }

  const kinds: Partial<Record<InteractionKind, number>> = {};
  for (const c of customers) for (const i of c.interactions) if (inPeriod(i.day)) kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
  const complaintsOpen = customers.filter((c) => {
    const complaints = c.interactions.filter((i) => i.kind === 'complaint_opened' || i.kind === 'complaint_resolved');
    return complaints[complaints.length - 1]?.kind === 'complaint_opened';
  }).length;

  const overdue: Record<string, number> = {};
  for (const c of customers) {
    if (c.touchSince + options.cadenceDays[c.tier] * DAY <= now) overdue[c.tier] = (overdue[c.tier] ?? 0) + 1;
  }

  return {
    period: { from, to: today },
    revenue: total + customers.filter((c) => c.revenue <= 0).reduce((s, c) => s + c.revenue, 0),
    payers: payers.length,
    top1Share: payers.length > 0 ? (payers[0]?.revenue ?? 0) / total : null,
    top5Share: payers.length > 0 ? payers.slice(0, 5).reduce((s, c) => s + c.revenue, 0) / total : null,
    at80,
    tiers,
    stages,
    buyers: buyers.length,
    repeaters: repeaters.length,
    cohorts,
    months,
    kinds,
    complaintsOpen,
    overdue,
  };
}
