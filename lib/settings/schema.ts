import { z } from 'zod';
import { DEFAULT_SETTINGS as INSIGHTS_DEFAULTS, type BusinessSettings } from '../insights/types';
import { Currency, StoredEmail } from '../model/records';

/**
 * The owner's settings: their own addresses (never treated as customers), business hours and
 * time zone, keep-in-touch cadence per tier and the default currency. Stored in the
 * background's preferences under SETTINGS_KEY, always read through `parseSettings`, because
 * what is stored may be from an older version or a restored backup.
 */

export { SETTINGS_KEY } from './key';

const MINUTES_PER_DAY = 24 * 60;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'Not a known time zone.');

/** Minutes after local midnight, [open, close). */
export const OpeningSpan = z
  .tuple([z.number().int().min(0).max(MINUTES_PER_DAY), z.number().int().min(0).max(MINUTES_PER_DAY)])
  .readonly()
  .refine(([open, close]) => open < close, 'Closing time must be after opening time.');

const Day = OpeningSpan.nullable();

export const BusinessHoursSettings = z.object({
  timeZone: TimeZone,
  /** 0 = Sunday … 6 = Saturday; null = closed. */
  days: z.object({ 0: Day, 1: Day, 2: Day, 3: Day, 4: Day, 5: Day, 6: Day }),
});

const CadenceDays = z.number().int().min(1).max(3650);

export const Settings = z.object({
  ownAddresses: z.array(StoredEmail).max(50),
  businessHours: BusinessHoursSettings,
  /** Days without any order or interaction before a customer is overdue, per tier. */
  cadenceDays: z.object({ A: CadenceDays, B: CadenceDays, C: CadenceDays, Prospect: CadenceDays }),
  currency: Currency,
  /**
   * A tier letter beside known customers' rows in the Gmail inbox. Off by default: the marks
   * are part of Gmail's page, so Gmail's scripts can see which senders are customers.
   */
  gmailInboxMarks: z.boolean(),
  /** How many of today's relationships the plan shows at once ("show more" for the next). */
  planSize: z.number().int().min(3).max(50),
  /** Shares of 12-month revenue above which concentration becomes an action for the owner. */
  concentrationAlert: z.object({ top1: z.number().min(0.05).max(0.95), top5: z.number().min(0.05).max(0.95) }),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  ownAddresses: [],
  businessHours: {
    timeZone: INSIGHTS_DEFAULTS.businessHours.timeZone,
    days: { ...INSIGHTS_DEFAULTS.businessHours.days },
  },
  cadenceDays: { ...INSIGHTS_DEFAULTS.cadenceDays },
  currency: INSIGHTS_DEFAULTS.currency,
  gmailInboxMarks: false,
  planSize: INSIGHTS_DEFAULTS.planSize,
  concentrationAlert: { ...INSIGHTS_DEFAULTS.concentrationAlert },
};

/**
 * Stored settings, field by field: a field that does not parse falls back to its default
 * instead of throwing away everything else the owner set.
 */
export function parseSettings(stored: unknown): Settings {
  const whole = Settings.safeParse(stored);
  if (whole.success) return whole.data;
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const field = Settings.shape[key].safeParse(raw[key]);
    return field.success ? (field.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    ownAddresses: pick('ownAddresses'),
    businessHours: pick('businessHours'),
    cadenceDays: pick('cadenceDays'),
    currency: pick('currency'),
    gmailInboxMarks: pick('gmailInboxMarks'),
    planSize: pick('planSize'),
    concentrationAlert: pick('concentrationAlert'),
  };
}

/** The settings as the insights engine takes them (tier thresholds stay the engine's). */
export function toBusinessSettings(settings: Settings): BusinessSettings {
  return {
    tierThresholds: INSIGHTS_DEFAULTS.tierThresholds,
    cadenceDays: settings.cadenceDays,
    businessHours: settings.businessHours,
    currency: settings.currency,
    planSize: settings.planSize,
    concentrationAlert: settings.concentrationAlert,
  };
}
