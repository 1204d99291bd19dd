import { z } from 'zod';
import { ACTIVITY_GROUP_NAMES, type ActivityGroup } from '../../insights/dashboard/activity';
import type { DashboardData } from '../../insights/dashboard/dashboard';
import { DashboardFilters } from '../../insights/dashboard/filters';
import { RETENTION_MARKS, RFM_BANDS, type RetentionMark } from '../../insights/dashboard/segment';
import { Currency, EpochMs, INTERACTION_KINDS, STAGES, type InteractionKind } from '../../model/records';
import { message } from '../define';

/** The owner's dashboard in the manager: its figures for a set of filters (lib/insights/dashboard). */

const Status = z.discriminatedUnion('kind', [z.object({ kind: z.literal('ok') }), z.object({ kind: z.literal('needs'), message: z.string() })]);
const TierName = z.enum(['A', 'B', 'C', 'Prospect']);
const Share = z.number().min(0).max(1);
const Minor = z.number();
const Count = z.number().int().min(0);

const counts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, Count])) as Record<K, typeof Count>);
const marks = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(RETENTION_MARKS.map((m) => [String(m), value])) as Record<`${RetentionMark}`, T>).transform((v) => v as unknown as Record<RetentionMark, z.output<T>>);

export const DashboardDataSchema = z.object({
  builtAt: EpochMs,
  now: EpochMs,
  filters: DashboardFilters,
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  currency: Currency.nullable(),
  currencies: z.array(z.object({ currency: Currency, minor: Minor, customers: Count })),
  tags: z.array(z.string()),
  summary: z.object({ customers: Count, buyers: Count, orders: Count, revenueMinor: Minor }),
  concentration: z.object({
    status: Status,
    payers: Count,
    totalMinor: Minor,
    curve: z.array(z.object({ x: Share, y: z.number() })),
    at80: z.object({ customers: Count, share: Share }).nullable(),
    top1Share: z.number().nullable(),
    top5Share: z.number().nullable(),
    top1Flagged: z.boolean(),
    top5Flagged: z.boolean(),
    steps: z.array(z.object({ customers: Count, customerShare: Share, revenueShare: z.number() })),
  }),
  tiers: z.object({ status: Status, rows: z.array(z.object({ tier: TierName, customers: Count, revenueMinor: Minor, share: z.number().nullable() })) }),
  rfm: z.object({
    status: Status,
    cells: z.array(z.object({ r: z.number().int().min(1).max(5), band: z.enum(RFM_BANDS), group: z.string().nullable(), customers: Count, revenueMinor: Minor })),
    prospects: Count,
    buyers: Count,
  }),
  stages: z.object({ status: Status, rows: z.array(z.object({ stage: z.enum(STAGES), customers: Count })) }),
  cohorts: z.object({
    status: Status,
    rows: z.array(z.object({ month: z.string(), customers: Count, after: marks(z.object({ customers: Count, share: Share }).nullable()) })),
    average: marks(Share.nullable()),
  }),
  repeat: z.object({ status: Status, buyers: Count, repeaters: Count, rate: Share.nullable() }),
  newReturning: z.object({
    status: Status,
    months: z.array(z.object({ month: z.string(), newMinor: Minor, returningMinor: Minor, newCustomers: Count, returningCustomers: Count })),
  }),
  overdue: z.object({ status: Status, rows: z.array(z.object({ tier: TierName, customers: Count, overdue: Count })) }),
  activity: z.object({
    status: Status,
    unit: z.enum(['week', 'month']),
    buckets: z.array(z.object({ start: z.string(), counts: counts<ActivityGroup>(ACTIVITY_GROUP_NAMES) })),
    kinds: counts<InteractionKind>(INTERACTION_KINDS),
    complaintsOpen: Count,
  }),
}) satisfies z.ZodType<DashboardData, unknown>;

export const DASHBOARD_MESSAGES = {
  'dashboard.data': message({ request: z.object({ filters: DashboardFilters }), reply: DashboardDataSchema, senders: ['page'] }),
} as const;
