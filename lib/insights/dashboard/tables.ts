import { amount } from '../../export/csv';
import type { InteractionKind } from '../../model/records';
import { ACTIVITY_GROUP_NAMES, type ActivityGroup } from './activity';
import type { DashboardData } from './dashboard';
import { RETENTION_MARKS, type Segment } from './segment';

/**
 * Every chart's numbers as a table: what a screen reader and the "numbers" view show, and what
 * the CSV holds. One source for both, so the file says what the page says. Each row may name
 * the customers behind it (a segment) and the words for them.
 */

export type Cell = { kind: 'text'; value: string } | { kind: 'count'; value: number } | { kind: 'share'; value: number | null } | { kind: 'money'; value: number };
export type Row = { cells: Cell[]; link: { segment: Segment; label: string } | null };
export type Table = { id: string; title: string; columns: string[]; rows: Row[] };

export const PART_IDS = ['concentration', 'tiers', 'rfm', 'stages', 'cohorts', 'repeat', 'new-returning', 'overdue', 'activity', 'service'] as const;
export type PartId = (typeof PART_IDS)[number];

export const STAGE_NAMES: Readonly<Record<string, string>> = {
  prospect: 'Prospect',
  new: 'New',
  active: 'Active',
  growing: 'Growing',
  at_risk: 'At risk',
  lapsed: 'Lapsed',
};
export const BAND_NAMES = { low: 'few orders, low spend', mid: 'some orders, moderate spend', high: 'many orders, most spend' } as const;
export const GROUP_NAMES: Readonly<Record<ActivityGroup, string>> = {
  email: 'Emails',
  call: 'Calls',
  meeting: 'Meetings',
  feedback: 'Surveys and feedback',
  complaint: 'Complaints',
  other: 'Other',
};
export const KIND_NAMES: Readonly<Record<InteractionKind, string>> = {
  email: 'Emails',
  call: 'Calls',
  meeting: 'Meetings',
  survey_sent: 'Surveys sent',
  feedback_positive: 'Positive feedback',
  feedback_negative: 'Negative feedback',
  complaint_opened: 'Complaints opened',
  complaint_resolved: 'Complaints resolved',
  referral: 'Referrals',
  thank_you: 'Thank-yous',
  other: 'Other',
};

const text = (value: string): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const share = (value: number | null): Cell => ({ kind: 'share', value });
const money = (value: number): Cell => ({ kind: 'money', value });
const row = (cells: Cell[], segment: Segment | null = null, label = ''): Row => ({ cells, link: segment === null ? null : { segment, label } });

export function dashboardTables(data: DashboardData): Record<PartId, Table> {
  const cur = data.currency ?? '—';
  const period = data.period.label.toLowerCase();
  const c = data.concentration;
  return {
    concentration: {
      id: 'concentration',
      title: `Share of revenue by the biggest customers (${cur}, ${period})`,
      columns: ['Biggest customers', 'Share of paying customers (%)', `Share of revenue (%)`],
      rows: c.steps.map((s) => row([count(s.customers), share(s.customerShare), share(s.revenueShare)], { part: 'top', count: s.customers }, `The ${s.customers === 1 ? 'biggest customer' : `${s.customers} biggest customers`} (${period}, ${cur})`)),
    },
    tiers: {
      id: 'tiers',
      title: `Tiers: customers and revenue (${cur}, ${period})`,
      columns: ['Tier', 'Customers', `Revenue (${cur})`, 'Share of revenue (%)'],
      rows: data.tiers.rows.map((r) => row([text(r.tier === 'Prospect' ? 'Prospects' : `Tier ${r.tier}`), count(r.customers), money(r.revenueMinor), share(r.share)], { part: 'tier', tier: r.tier }, r.tier === 'Prospect' ? 'Prospects' : `Tier ${r.tier} customers`)),
    },
    rfm: {
      id: 'rfm',
      title: `RFM grid: recency against frequency and spend (revenue in ${cur}, ${period})`,
      columns: ['Recency (R)', 'Frequency and spend', 'Group', 'Customers', `Revenue (${cur})`],
      rows: [
        ...data.rfm.cells.map((cell) =>
          row([text(`R${cell.r}`), text(BAND_NAMES[cell.band]), text(cell.group === null ? '—' : groupName(cell.group)), count(cell.customers), money(cell.revenueMinor)], { part: 'rfm', r: cell.r, band: cell.band }, `RFM R${cell.r}, ${BAND_NAMES[cell.band]}${cell.group ? ` (${groupName(cell.group)})` : ''}`),
        ),
        row([text('—'), text('no order yet'), text('Prospects'), count(data.rfm.prospects), money(0)], { part: 'stage', stage: 'prospect' }, 'Prospects'),
      ],
    },
    stages: {
      id: 'stages',
      title: 'Customers by life-cycle stage (now)',
      columns: ['Stage', 'Customers'],
      rows: data.stages.rows.map((r) => row([text(STAGE_NAMES[r.stage] ?? r.stage), count(r.customers)], { part: 'stage', stage: r.stage }, `Stage: ${STAGE_NAMES[r.stage] ?? r.stage}`)),
    },
    cohorts: {
      id: 'cohorts',
      title: 'Monthly cohorts: share still buying after 1, 3, 6 and 12 months',
      columns: ['First order in', 'Customers', ...RETENTION_MARKS.map((m) => `Still buying after ${m} month${m === 1 ? '' : 's'} (%)`)],
      rows: data.cohorts.rows
        .filter((r) => r.customers > 0)
        .map((r) => row([text(r.month), count(r.customers), ...RETENTION_MARKS.map((m) => share(r.after[m]?.share ?? null))], { part: 'cohort', month: r.month, after: 0 }, `First order in ${r.month}`)),
    },
    repeat: {
      id: 'repeat',
      title: `Repeat purchases (${period})`,
      columns: ['Customers who bought in the period', 'Customers', 'Share (%)'],
      rows:
        data.repeat.buyers === 0
          ? []
          : [
              row([text('Bought more than once'), count(data.repeat.repeaters), share(data.repeat.rate)], { part: 'repeat', repeat: true }, `Bought more than once (${period})`),
              row([text('Bought once'), count(data.repeat.buyers - data.repeat.repeaters), share(1 - (data.repeat.rate ?? 0))], { part: 'repeat', repeat: false }, `Bought once (${period})`),
            ],
    },
    'new-returning': {
      id: 'new-returning',
      title: `New and returning customers' revenue by month (${cur})`,
      columns: ['Month', `New customers' revenue (${cur})`, 'New customers', `Returning customers' revenue (${cur})`, 'Returning customers'],
      rows: data.newReturning.months.map((m) => row([text(m.month), money(m.newMinor), count(m.newCustomers), money(m.returningMinor), count(m.returningCustomers)], { part: 'new-returning', month: m.month, kind: 'returning' }, `Returning customers who bought in ${m.month}`)),
    },
    overdue: {
      id: 'overdue',
      title: 'Keep-in-touch overdue, by tier (now)',
      columns: ['Tier', 'Customers', 'Overdue', 'Share overdue (%)'],
      rows: data.overdue.rows.map((r) =>
        row([text(r.tier === 'Prospect' ? 'Prospects' : `Tier ${r.tier}`), count(r.customers), count(r.overdue), share(r.customers > 0 ? r.overdue / r.customers : null)], { part: 'overdue', tier: r.tier }, `Keep-in-touch overdue: ${r.tier === 'Prospect' ? 'prospects' : `tier ${r.tier}`}`),
      ),
    },
    activity: {
      id: 'activity',
      title: `Interactions logged per ${data.activity.unit} (${period})`,
      columns: [data.activity.unit === 'week' ? 'Week from' : 'Month from', ...ACTIVITY_GROUP_NAMES.map((g) => GROUP_NAMES[g])],
      rows: data.activity.buckets.map((b) => row([text(b.start), ...ACTIVITY_GROUP_NAMES.map((g) => count(b.counts[g]))], { part: 'activity', bucket: b.start, group: null, kind: null }, `Interactions in the ${data.activity.unit} from ${b.start}`)),
    },
    service: {
      id: 'service',
      title: `Surveys, feedback and complaints (${period})`,
      columns: ['What', 'Count'],
      rows: [
        ...(['survey_sent', 'feedback_positive', 'feedback_negative', 'complaint_opened', 'complaint_resolved'] as const).map((kind) =>
          row([text(KIND_NAMES[kind]), count(data.activity.kinds[kind])], { part: 'activity', bucket: null, group: null, kind }, `${KIND_NAMES[kind]} (${period})`),
        ),
        row([text('Customers with a complaint open now'), count(data.activity.complaintsOpen)], { part: 'complaints-open' }, 'Complaints open now'),
      ],
    },
  };
}

export function groupName(group: string): string {
  return group.replace(/_/g, ' ').replace(/^./, (ch) => ch.toUpperCase());
}

/** A table as CSV rows: shares as percentages with two decimals, money in major units of the currency. */
export function tableRows(table: Table, currency: string | null): string[][] {
  return [
    table.columns,
    ...table.rows.map((r) =>
      r.cells.map((cell) => {
        switch (cell.kind) {
          case 'text':
            return cell.value;
          case 'count':
            return String(cell.value);
          case 'share':
            return cell.value === null ? '' : (cell.value * 100).toFixed(2);
          case 'money':
            return currency === null ? '' : amount(cell.value, currency);
        }
      }),
    ),
  ];
}

