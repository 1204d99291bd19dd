import { INTERACTION_KINDS, type InteractionKind } from '../../model/records';
import { DAY_MS } from '../time';
import type { TierName } from '../types';
import { BOOK_TIERS } from './book';
import { dayKey, firstDayOfMonth, monthOfDay, weekOfDay } from './calendar';
import type { Scope } from './filters';
import { needs, ok, type Status } from './status';

/** Keep-in-touch that is overdue, and the interactions logged: who is being looked after. */

export type OverdueRow = { tier: TierName; customers: number; overdue: number };

/** Keep-in-touch as the popup reads it (lib/reminders/cadence.ts): due a cadence after the last order or interaction, or after being added. */
export function isOverdue(scope: Scope, cadenceDays: Readonly<Record<TierName, number>>, c: number): boolean {
  const tier = BOOK_TIERS[scope.book.tier[c] as number] as TierName;
  return (scope.book.touchSince[c] as number) + cadenceDays[tier] * DAY_MS <= scope.now;
}

export function overdueByTier(scope: Scope, cadenceDays: Readonly<Record<TierName, number>>): { status: Status; rows: OverdueRow[] } {
  const rows = BOOK_TIERS.map((tier) => ({ tier, customers: 0, overdue: 0 }));
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    const row = rows[scope.book.tier[c] as number] as OverdueRow;
    row.customers++;
    if (isOverdue(scope, cadenceDays, c)) row.overdue++;
  }
  return { status: scope.customers.length === 0 ? needs('It needs customers: none match these filters.') : ok(), rows };
}

/** The kinds of interaction, gathered into the few a chart can tell apart by colour. */
export const ACTIVITY_GROUPS = {
  email: ['email'],
  call: ['call'],
  meeting: ['meeting'],
  feedback: ['survey_sent', 'feedback_positive', 'feedback_negative'],
  complaint: ['complaint_opened', 'complaint_resolved'],
  other: ['referral', 'thank_you', 'other'],
} as const satisfies Record<string, readonly InteractionKind[]>;
export type ActivityGroup = keyof typeof ACTIVITY_GROUPS;
export const ACTIVITY_GROUP_NAMES = Object.keys(ACTIVITY_GROUPS) as ActivityGroup[];

const GROUP_OF_KIND: readonly number[] = INTERACTION_KINDS.map((kind) =>
  ACTIVITY_GROUP_NAMES.findIndex((group) => (ACTIVITY_GROUPS[group] as readonly InteractionKind[]).includes(kind)),
);
export const groupOfKind = (kindIndex: number): number => GROUP_OF_KIND[kindIndex] ?? ACTIVITY_GROUP_NAMES.length - 1;

/** Periods up to this long are shown week by week, longer ones month by month. */
export const WEEKLY_UP_TO_DAYS = 371;

export type Buckets = { unit: 'week' | 'month'; starts: number[] };

/** The first day of every bucket (week from Monday, or month) the period touches. */
export function buckets(scope: Scope): Buckets {
  const starts: number[] = [];
  if (scope.to - scope.from + 1 <= WEEKLY_UP_TO_DAYS) {
    for (let d = weekOfDay(scope.from); d <= scope.to; d += 7) starts.push(d);
    return { unit: 'week', starts };
  }
  for (let m = monthOfDay(scope.from); m <= monthOfDay(scope.to); m++) starts.push(firstDayOfMonth(m));
  return { unit: 'month', starts };
}

export function bucketOf(unit: Buckets['unit'], day: number): number {
  return unit === 'week' ? weekOfDay(day) : firstDayOfMonth(monthOfDay(day));
}

export type ActivityBucket = { start: string; counts: Record<ActivityGroup, number> };
export type Activity = {
  status: Status;
  unit: Buckets['unit'];
  buckets: ActivityBucket[];
  /** Interactions of each kind in the period. */
  kinds: Record<InteractionKind, number>;
  /** Customers with a complaint still open now (the newest opened has no resolution after it). */
  complaintsOpen: number;
};

export function activity(scope: Scope): Activity {
  const { book } = scope;
  const { unit, starts } = buckets(scope);
  const index = new Map(starts.map((start, i) => [start, i]));
  const rows: ActivityBucket[] = starts.map((start) => ({ start: dayKey(start), counts: Object.fromEntries(ACTIVITY_GROUP_NAMES.map((g) => [g, 0])) as Record<ActivityGroup, number> }));
  const kinds = Object.fromEntries(INTERACTION_KINDS.map((k) => [k, 0])) as Record<InteractionKind, number>;
  let total = 0;
  let complaintsOpen = 0;
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    for (let i = book.interactionStart[c] as number; i < (book.interactionStart[c + 1] as number); i++) {
      const day = book.interactionDay[i] as number;
      if (day < scope.from || day > scope.to) continue;
      const kind = book.interactionKind[i] as number;
      const row = rows[index.get(bucketOf(unit, day)) as number] as ActivityBucket;
      const group = ACTIVITY_GROUP_NAMES[groupOfKind(kind)] as ActivityGroup;
      row.counts[group]++;
      kinds[INTERACTION_KINDS[kind] as InteractionKind]++;
      total++;
    }
    if (complaintOpen(scope, c)) complaintsOpen++;
  }
  const status = total === 0 ? needs('It needs interactions logged in this period: log calls, emails and meetings from the sidebar or the customer card.') : ok();
  return { status, unit, buckets: rows, kinds, complaintsOpen };
}

const OPENED = INTERACTION_KINDS.indexOf('complaint_opened');
const RESOLVED = INTERACTION_KINDS.indexOf('complaint_resolved');

/** Whether the customer's newest complaint has no resolution after it (interactions are in time order). */
export function complaintOpen(scope: Scope, c: number): boolean {
  const { book } = scope;
  let open = false;
  for (let i = book.interactionStart[c] as number; i < (book.interactionStart[c + 1] as number); i++) {
    const kind = book.interactionKind[i];
    if (kind === OPENED) open = true;
    else if (kind === RESOLVED) open = false;
  }
  return open;
}
