/**
 * Pure display formatting for money, counts, sizes and dates, for every screen (the sidebar,
 * popup, manager, settings and what the background words for them). Locale is a parameter
 * (undefined = the browser's, i.e. the user's) so tests are deterministic.
 *
 * One date style everywhere: `DATE_STYLE` ("Dec 6, 2026" in en-US, "06.12.2026" in de-DE), with
 * the time of day added in the same style where a time matters (reminders). Nothing else in the
 * code builds a date format: tests/lib/format-style.test.ts fails on a second one.
 */

const DAY_MS = 86_400_000;

// Intl formatters are costly to build and the history can list hundreds of rows.
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * Formats an amount stored in integer minor units. The number of minor digits comes from
 * Intl (JPY 0, EUR 2, BHD 3) rather than a table of our own, so every ISO code is covered.
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  let format: Intl.NumberFormat;
  try {
    format = moneyFormat(currency, locale);
  } catch {
    // A malformed code would throw a RangeError; show the raw figure rather than nothing.
    return `${minor} ${currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** The one date style (Intl's `dateStyle`), and the time style used beside it. */
export const DATE_STYLE = 'medium' as const;
export const TIME_STYLE = 'short' as const;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per form (`form` names the options), locale and time zone, made once:
 * making one is costly and lists call these per row.
 */
function cachedDateFormat(form: string, locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${form}|${locale ?? ''}|${options.timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  return cachedDateFormat(withTime ? 'date-time' : 'date', locale, withTime ? { dateStyle: DATE_STYLE, timeStyle: TIME_STYLE } : { dateStyle: DATE_STYLE });
}

/** A calendar date in the one date style: "Mar 4, 2026" in en-US. */
export function formatDate(at: number, locale?: string): string {
  return dateFormat(locale, false).format(at);
}

/** A date with its time of day, the date in the same style: "Mar 4, 2026, 9:00 AM" in en-US. */
export function formatDateTime(at: number, locale?: string): string {
  return dateFormat(locale, true).format(at);
}

/**
 * A day of the year without its year ("Dec 10" in en-US, "10. Dez." in de-DE), the one short
 * form, where the year goes without saying: a season ("buys around Dec 10 each year") or a near
 * range ("next order expected Dec 10–24"). `timeZone` reads the day in the business's zone.
 */
export function formatDayMonth(at: number, locale?: string, timeZone?: string): string {
  return cachedDateFormat('day-month', locale, { month: 'short', day: 'numeric', timeZone }).format(at);
}

/** A calendar month ("2026-03") as the reader's short month and year: "Mar 2026" in en-US (charts' axes, cohorts). */
export function formatMonth(month: string, locale?: string): string {
  return cachedDateFormat('month', locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
}

/** A share (0.42) as a percentage with a fixed number of decimals: "42 %", "42.5 %"; '—' for none. */
export function formatPercent(share: number | null, digits = 0, locale?: string): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share * 100)} %`;
}

function startOfLocalDay(at: number): number {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * "today", "yesterday", "23 days ago", then months and years once days stop being useful.
 * Counts calendar days (not 24 h blocks) so an order at 23:50 is "yesterday" at 00:10;
 * rounding absorbs the 23/25 h days around daylight-saving changes.
 */
export function formatRelativeDays(from: number, now: number, locale?: string): string {
  const days = Math.round((startOfLocalDay(now) - startOfLocalDay(from)) / DAY_MS);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const size = Math.abs(days);
  if (size < 60) return format.format(-days, 'day');
  if (size < 730) return format.format(-Math.round(days / 30.44), 'month');
  return format.format(-Math.round(days / 365.25), 'year');
}

/** An ISO date for `<time datetime>`. */
export function isoDate(at: number): string {
  return new Date(at).toISOString();
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A count as the locale writes it: "1,204". */
export function formatCount(n: number, locale?: string): string {
  const key = locale ?? '';
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/**
 * A count with its noun in the right number, chosen by the locale's plural rules:
 * countOf(1, 'customer', 'customers') is "1 customer", countOf(1204, …) "1,204 customers".
 */
export function countOf(n: number, one: string, other: string, locale?: string): string {
  const key = locale ?? '';
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(key, rules);
  }
  return `${formatCount(n, locale)} ${rules.select(n) === 'one' ? one : other}`;
}

/** A size in bytes in the largest unit that keeps it readable: "1.2 MB", "78.5 GB". */
export function formatSize(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}
