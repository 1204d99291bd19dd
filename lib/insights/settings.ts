import { z } from 'zod';
import { Currency } from '../model/records';
import type { BusinessSettings } from './types';

/**
 * Settings come back from storage and from an options form: parse them at that boundary.
 * The engine itself trusts a parsed BusinessSettings.
 */
const Minute = z.number().int().min(0).max(24 * 60);
const Span = z
  .tuple([Minute, Minute])
  .refine(([open, close]) => open < close, 'opening must be before closing')
  .nullable();
const Days = z.number().int().positive().max(3650);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const BusinessSettingsSchema = z.object({
  tierThresholds: z
    .object({ a: z.number().gt(0).max(1), b: z.number().gt(0).max(1) })
    .refine(({ a, b }) => a <= b, 'the A threshold must not exceed the B threshold'),
  cadenceDays: z.object({ A: Days, B: Days, C: Days, Prospect: Days }),
  businessHours: z.object({
    timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
    days: z.object({ 0: Span, 1: Span, 2: Span, 3: Span, 4: Span, 5: Span, 6: Span }),
  }),
  currency: Currency,
}) satisfies z.ZodType<BusinessSettings>;
