import { areaY, barX, barY, dot, lineY, ruleX, ruleY, text, type PlotOptions } from '@observablehq/plot';
import { ACTIVITY_GROUP_NAMES } from '../../../lib/insights/dashboard/activity';
import type { DashboardData } from '../../../lib/insights/dashboard/dashboard';
import type { Segment } from '../../../lib/insights/dashboard/segment';
import { GROUP_NAMES, STAGE_NAMES } from '../../../lib/insights/dashboard/tables';
import { selectionHref } from '../../../lib/manager/route';
import { formatMoney, formatMonth } from '../../../lib/format';
import { count, customers, percent } from './chart-frame';

/**
 * The dashboard's charts as Observable Plot options, built from the figures the background
 * computed. Colours are custom properties of the page (dashboard.css), never literals.
 */

export const SERIES = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];
const TIER_COLOURS = { A: 'var(--chart-1)', B: 'var(--chart-2)', C: 'var(--chart-3)', Prospect: 'var(--chart-muted)' } as const;

type Link = (segment: Segment, label: string) => string;

export function linker(data: DashboardData): Link {
  return (segment, label) => selectionHref({ filters: data.filters, segment, label });
}

/** "2026-03" as the reader's short month ("Mar 2026"). */
function monthName(month: string): string {
  return formatMonth(month);
}

/** Minor units to major units for an axis (Intl knows each currency's digits). */
function major(minor: number, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return minor / 10 ** digits;
}

export function paretoPlot(data: DashboardData): PlotOptions {
  const c = data.concentration;
  const link = linker(data);
  const at80 = c.at80;
  const who = (k: number) => (k === 1 ? 'your biggest customer' : `your ${count(k)} biggest customers`);
  return {
    width: 520,
    height: 280,
    marginLeft: 44,
    x: { label: 'Paying customers, biggest first →', percent: true, domain: [0, 100] },
    y: { label: '↑ Share of revenue (%)', percent: true, domain: [0, 100], grid: true },
    marks: [
      ruleY([0.8], { stroke: 'var(--chart-muted)', strokeDasharray: '4 3', ariaHidden: 'true' }),
      at80 ? ruleX([at80.share], { stroke: 'var(--chart-muted)', strokeDasharray: '4 3', ariaHidden: 'true' }) : null,
      areaY(c.curve, { x: 'x', y: 'y', fill: 'var(--chart-1)', fillOpacity: 0.15, ariaHidden: 'true' }),
      lineY(c.curve, { x: 'x', y: 'y', stroke: 'var(--chart-1)', strokeWidth: 2, ariaHidden: 'true' }),
      dot(c.steps, {
        x: 'customerShare',
        y: 'revenueShare',
        r: 5,
        fill: 'var(--chart-1)',
        stroke: 'var(--bg)',
        href: (s: (typeof c.steps)[number]) => link({ part: 'top', count: s.customers }, `The ${s.customers === 1 ? 'biggest customer' : `${s.customers} biggest customers`}`),
        // The same words as name and tooltip: the tooltip is the link's text, and its name must hold it.
        ariaLabel: (s: (typeof c.steps)[number]) => `${who(s.customers)} (${percent(s.customerShare)} of paying customers) bring ${percent(s.revenueShare)} of revenue`,
        title: (s: (typeof c.steps)[number]) => `${who(s.customers)} (${percent(s.customerShare)} of paying customers) bring ${percent(s.revenueShare)} of revenue`,
      }),
      at80
        ? text([at80], {
            x: 'share',
            y: 0.8,
            text: (d: { customers: number; share: number }) => `80 % from the top ${percent(d.share)}`,
            dx: 6,
            dy: 10,
            textAnchor: 'start',
            fill: 'var(--text)',
            ariaHidden: 'true',
          })
        : null,
    ],
  };
}

export function tiersPlot(data: DashboardData): PlotOptions {
  const link = linker(data);
  const everyone = data.tiers.rows.reduce((s, r) => s + r.customers, 0);
  const rows = data.tiers.rows.flatMap((r) => [
    { tier: r.tier, measure: 'Customers', value: everyone > 0 ? r.customers / everyone : 0, label: customers(r.customers) },
    ...(r.share === null ? [] : [{ tier: r.tier, measure: 'Revenue', value: r.share, label: `${percent(r.share)} of revenue` }]),
  ]);
  type Row = (typeof rows)[number];
  const tierName = (t: string) => (t === 'Prospect' ? 'Prospects' : `Tier ${t}`);
  return {
    width: 520,
    height: 220,
    marginLeft: 80,
    marginRight: 90,
    x: { label: 'Share (%)', percent: true, domain: [0, 100], grid: true },
    y: { label: null, domain: ['Customers', 'Revenue'] },
    fy: { label: null, tickFormat: tierName, domain: ['A', 'B', 'C', 'Prospect'] },
    color: { domain: ['Customers', 'Revenue'], range: ['var(--chart-muted)', 'var(--chart-1)'], legend: true },
    marks: [
      barX(rows, {
        x: 'value',
        y: 'measure',
        fy: 'tier',
        fill: 'measure',
        href: (d: Row) => link({ part: 'tier', tier: d.tier }, `${tierName(d.tier)} customers`),
        ariaLabel: (d: Row) => `${tierName(d.tier)}: ${d.label}`,
        title: (d: Row) => `${tierName(d.tier)}: ${d.label}`,
      }),
      text(rows, { x: 'value', y: 'measure', fy: 'tier', text: 'label', dx: 4, textAnchor: 'start', fill: 'var(--text)', ariaHidden: 'true' }),
    ],
  };
}

export function stagesPlot(data: DashboardData): PlotOptions {
  const link = linker(data);
  type Row = DashboardData['stages']['rows'][number];
  const name = (r: Row) => STAGE_NAMES[r.stage] ?? r.stage;
  return {
    width: 520,
    height: 200,
    marginLeft: 70,
    marginRight: 50,
    x: { label: 'Customers →', grid: true },
    y: { label: null, domain: data.stages.rows.map(name) },
    marks: [
      barX(data.stages.rows, {
        x: 'customers',
        y: name,
        fill: (r: Row) => (r.stage === 'at_risk' || r.stage === 'lapsed' ? 'var(--chart-4)' : 'var(--chart-1)'),
        href: (r: Row) => link({ part: 'stage', stage: r.stage }, `Stage: ${name(r)}`),
        ariaLabel: (r: Row) => `${name(r)}: ${customers(r.customers)}`,
        title: (r: Row) => `${name(r)}: ${customers(r.customers)}`,
      }),
      text(data.stages.rows, { x: 'customers', y: name, text: (r: Row) => count(r.customers), dx: 4, textAnchor: 'start', fill: 'var(--text)', ariaHidden: 'true' }),
    ],
  };
}

export function newReturningPlot(data: DashboardData): PlotOptions {
  const link = linker(data);
  const currency = data.currency ?? 'EUR';
  const rows = data.newReturning.months.flatMap((m) => [
    { month: m.month, kind: 'New customers' as const, value: major(m.newMinor, currency), minor: m.newMinor, customers: m.newCustomers },
    { month: m.month, kind: 'Returning customers' as const, value: major(m.returningMinor, currency), minor: m.returningMinor, customers: m.returningCustomers },
  ]);
  type Row = (typeof rows)[number];
  const months = data.newReturning.months.map((m) => m.month);
  const every = Math.max(1, Math.ceil(months.length / 12));
  return {
    width: 520,
    height: 260,
    marginLeft: 60,
    marginBottom: 50,
    // An explicit domain: month keys look like dates, and Plot would warn about an ordinal scale of them.
    x: { label: null, domain: months, tickRotate: -45, tickFormat: (d: string, i: number) => (i % every === 0 ? monthName(d) : '') },
    y: { label: `↑ Revenue (${currency})`, grid: true },
    color: { domain: ['New customers', 'Returning customers'], range: ['var(--chart-2)', 'var(--chart-1)'], legend: true },
    marks: [
      barY(rows, {
        x: 'month',
        y: 'value',
        fill: 'kind',
        href: (d: Row) => link({ part: 'new-returning', month: d.month, kind: d.kind === 'New customers' ? 'new' : 'returning' }, `${d.kind} who bought in ${d.month}`),
        ariaLabel: (d: Row) => `${d.month}, ${d.kind.toLowerCase()}: ${formatMoney(d.minor, currency)} from ${count(d.customers)}`,
        title: (d: Row) => `${d.month}, ${d.kind.toLowerCase()}: ${formatMoney(d.minor, currency)} from ${count(d.customers)}`,
      }),
      ruleY([0], { ariaHidden: 'true' }),
    ],
  };
}

export function activityPlot(data: DashboardData): PlotOptions {
  const link = linker(data);
  const rows = data.activity.buckets.flatMap((b) => ACTIVITY_GROUP_NAMES.map((group) => ({ start: b.start, group, n: b.counts[group] }))).filter((r) => r.n > 0);
  type Row = (typeof rows)[number];
  const unit = data.activity.unit;
  const every = Math.max(1, Math.ceil(data.activity.buckets.length / 12));
  return {
    width: 520,
    height: 240,
    marginLeft: 40,
    marginBottom: 50,
    x: { label: null, domain: data.activity.buckets.map((b) => b.start), tickRotate: -45, tickFormat: (d: string, i: number) => (i % every === 0 ? d : '') },
    y: { label: `↑ Interactions per ${unit}`, grid: true },
    color: { domain: ACTIVITY_GROUP_NAMES.map((g) => GROUP_NAMES[g]), range: SERIES, legend: true },
    marks: [
      barY(rows, {
        x: 'start',
        y: 'n',
        fill: (r: Row) => GROUP_NAMES[r.group],
        href: (r: Row) => link({ part: 'activity', bucket: r.start, group: r.group, kind: null }, `${GROUP_NAMES[r.group]} in the ${unit} from ${r.start}`),
        ariaLabel: (r: Row) => `${unit} from ${r.start}: ${count(r.n)} ${GROUP_NAMES[r.group].toLowerCase()}`,
        title: (r: Row) => `${unit} from ${r.start}: ${count(r.n)} ${GROUP_NAMES[r.group].toLowerCase()}`,
      }),
      ruleY([0], { ariaHidden: 'true' }),
    ],
  };
}

export function overduePlot(data: DashboardData): PlotOptions {
  const link = linker(data);
  type Row = DashboardData['overdue']['rows'][number];
  const name = (r: Row) => (r.tier === 'Prospect' ? 'Prospects' : `Tier ${r.tier}`);
  return {
    width: 520,
    height: 170,
    marginLeft: 80,
    marginRight: 90,
    x: { label: 'Customers overdue for keep-in-touch →', grid: true },
    y: { label: null, domain: data.overdue.rows.map(name) },
    marks: [
      barX(data.overdue.rows, {
        x: 'overdue',
        y: name,
        fill: (r: Row) => TIER_COLOURS[r.tier],
        href: (r: Row) => link({ part: 'overdue', tier: r.tier }, `Keep-in-touch overdue: ${name(r).toLowerCase()}`),
        ariaLabel: (r: Row) => `${name(r)}: ${count(r.overdue)} of ${count(r.customers)} overdue`,
        title: (r: Row) => `${name(r)}: ${count(r.overdue)} of ${count(r.customers)} overdue`,
      }),
      text(data.overdue.rows, { x: 'overdue', y: name, text: (r: Row) => `${count(r.overdue)} of ${count(r.customers)}`, dx: 4, textAnchor: 'start', fill: 'var(--text)', ariaHidden: 'true' }),
    ],
  };
}
