import { z } from 'zod';
import { type CrmDatabase, readMeta } from '../db/index';
import type { BusinessContext } from '../insights/index';
import { CampaignEntry, OwnerAction, TodayEntry } from '../messaging/messages/insights';
import { Currency, EpochMs, Id } from '../model/records';

/**
 * The meta rows insights keep: the business-wide context of the last full recompute and today's
 * list. Parsed on every read: a restored backup or an older version may have left anything there,
 * and a row that does not parse is simply recomputed.
 */

export const CONTEXT_KEY = 'insights:context';
export const AGENDA_KEY = 'insights:agenda';

const Numbers = z.array(z.number());

const StoredContext = z.object({
  computedAt: EpochMs,
  businessMedianIntervalDays: z.number().nullable(),
  revenue12m: Numbers,
  totalMinor: z.number(),
  cutoffs: z.object({ aMinMinor: z.number().nullable(), bMinMinor: z.number().nullable() }),
  rfm: z.object({ recency: Numbers, frequency: Numbers, monetary: Numbers }),
  concentration: z.object({
    currency: Currency,
    totalMinor: z.number(),
    top1Share: z.number(),
    top5Share: z.number(),
    top1Flagged: z.boolean(),
    top5Flagged: z.boolean(),
    topCustomerIds: z.array(Id),
  }),
  buying: z.object({
    r: z.number().positive(),
    alpha: z.number().positive(),
    a: z.number().positive(),
    b: z.number().positive(),
    logGapVariance: z.number().positive(),
    seasonalByWeek: z.array(z.number().min(0).max(1)).length(52).nullable(),
    orderValueMinor: z.number().min(0),
    fittedOn: z.number().int().min(0),
  }),
}) satisfies z.ZodType<BusinessContext>;

export async function readContext(db: CrmDatabase, key: string): Promise<BusinessContext | null> {
  const parsed = StoredContext.safeParse(await readMeta(db, key));
  return parsed.success ? parsed.data : null;
}

/** Today's plan as the last recompute left it: the first entries, how many were due, the campaign and the owner's action. */
export const Agenda = z.object({ computedAt: EpochMs, entries: z.array(TodayEntry), total: z.number().int().min(0), campaign: z.array(CampaignEntry), owner: OwnerAction.nullable() });
export type Agenda = z.infer<typeof Agenda>;

export async function readAgenda(db: CrmDatabase, key: string): Promise<Agenda | null> {
  const parsed = Agenda.safeParse(await readMeta(db, key));
  return parsed.success ? parsed.data : null;
}
