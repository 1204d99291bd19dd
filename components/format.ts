/**
 * Pure display formatting for money and dates. Locale is a parameter (undefined = the
 * browser's) so tests are deterministic and the sidebar can follow the user's locale.
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date like "Mar 4, 2026" in the given locale. */
export function formatDate(at: number, locale?: string): string {
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(key, format);
  }
  return format.format(at);
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
