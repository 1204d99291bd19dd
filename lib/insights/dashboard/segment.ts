import { z } from 'zod';
import { INTERACTION_KINDS, STAGES, TIERS } from '../../model/records';
import { DashboardFilters } from './filters';

/**
 * A part of a chart, as a set of customers: what a click on a bar, a cell or a point opens in
 * the manager's customer list. It travels in the page's address and in messages, so it is
 * plain data, checked at every boundary; ./members.ts finds its customers with the same
 * reading of the book the chart's figure came from.
 */

const TierName = z.enum([...TIERS, 'Prospect']);
const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const DayKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const RFM_BANDS = ['low', 'mid', 'high'] as const;
export type RfmBand = (typeof RFM_BANDS)[number];
export const RETENTION_MARKS = [1, 3, 6, 12] as const;
export type RetentionMark = (typeof RETENTION_MARKS)[number];

export const Segment = z.discriminatedUnion('part', [
  /** Every customer the filters let through. */
  z.object({ part: z.literal('all') }),
  /** The biggest `count` payers of the period (Pareto ranking). */
  z.object({ part: z.literal('top'), count: z.number().int().min(1).max(10_000_000) }),
  z.object({ part: z.literal('tier'), tier: TierName }),
  z.object({ part: z.literal('rfm'), r: z.number().int().min(1).max(5), band: z.enum(RFM_BANDS) }),
  z.object({ part: z.literal('stage'), stage: z.enum(STAGES) }),
  /** A cohort (first purchase in `month`); with `after`, those still buying that many months on. */
  z.object({ part: z.literal('cohort'), month: MonthKey, after: z.union([z.literal(0), ...RETENTION_MARKS.map((n) => z.literal(n))]) }),
  /** The period's buyers who bought more than once (or only once). */
  z.object({ part: z.literal('repeat'), repeat: z.boolean() }),
  z.object({ part: z.literal('new-returning'), month: MonthKey, kind: z.enum(['new', 'returning']) }),
  z.object({ part: z.literal('overdue'), tier: TierName }),
  /**
   * Customers with interactions in the period: of one bucket (the week or month starting that
   * day), of one group of kinds (./activity.ts) or one kind, when given.
   */
  z.object({
    part: z.literal('activity'),
    bucket: DayKey.nullable(),
    group: z.enum(['email', 'call', 'meeting', 'feedback', 'complaint', 'other']).nullable(),
    kind: z.enum(INTERACTION_KINDS).nullable(),
  }),
  z.object({ part: z.literal('complaints-open') }),
]);
export type Segment = z.infer<typeof Segment>;

/** What the customer list is filtered by: the dashboard's filters, the part, and its words. */
export const DashboardSelection = z.object({
  filters: DashboardFilters,
  segment: Segment,
  label: z.string().min(1).max(300),
});
export type DashboardSelection = z.infer<typeof DashboardSelection>;
export type DashboardSelectionInput = z.input<typeof DashboardSelection>;
