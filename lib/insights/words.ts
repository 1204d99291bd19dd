/**
 * Figures in the plain, rounded words a person says: "8 months", "every 5–7 weeks",
 * "about 40 % likely". Every function here returns a sentence fragment for any number it is
 * given (NaN, Infinity and negatives included), so no reason ever shows "NaN" or "Infinity".
 */

const WEEK = 7;
const MONTH = 30.44;
const YEAR = 365.25;

type Unit = { name: string; days: number };
const DAYS: Unit = { name: 'day', days: 1 };
const WEEKS: Unit = { name: 'week', days: WEEK };
const MONTHS: Unit = { name: 'month', days: MONTH };
const YEARS: Unit = { name: 'year', days: YEAR };

/** The unit a span of this many days is best told in. */
function unitFor(days: number): Unit {
  if (days < 14) return DAYS;
  if (days < 8 * WEEK) return WEEKS;
  if (days < 700) return MONTHS;
  return YEARS;
}

function count(n: number, unit: Unit): string {
  return `${n} ${unit.name}${n === 1 ? '' : 's'}`;
}

/** "3 days", "5 weeks", "8 months", "2 years"; "a while" when the figure is unusable. */
export function aboutDuration(days: number): string {
  if (!Number.isFinite(days) || days < 0) return 'a while';
  const unit = unitFor(days);
  return count(Math.max(unit === DAYS ? 0 : 1, Math.round(days / unit.days)), unit);
}

/** "every 3 days", "every 5–7 weeks", "every 3 months": one unit for both ends. */
export function everyRange(lowDays: number, highDays: number): string {
  if (!Number.isFinite(lowDays) || !Number.isFinite(highDays) || lowDays < 0 || highDays < lowDays) {
    return Number.isFinite(lowDays) && lowDays >= 0 ? `every ${aboutDuration(lowDays)}` : 'now and then';
  }
  const unit = unitFor((lowDays + highDays) / 2);
  const low = Math.max(1, Math.round(lowDays / unit.days));
  const high = Math.max(low, Math.round(highDays / unit.days));
  return low === high ? `every ${count(low, unit)}` : `every ${low}–${high} ${unit.name}s`;
}

/** "every 3 months" for one figure. */
export function every(days: number): string {
  return everyRange(days, days);
}

/** "78 %"; "under 1 %" and "over 99 %" at the ends; "unknown" when unusable. */
export function percent(p: number): string {
  if (!Number.isFinite(p)) return 'unknown';
  if (p < 0.01) return 'under 1 %';
  if (p > 0.99) return 'over 99 %';
  return `${Math.round(p * 100)} %`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "early December", "mid-June", "late March" for a day of the year (0–364). */
export function timeOfYear(dayOfYear: number): string {
  if (!Number.isFinite(dayOfYear)) return 'the same time each year';
  const date = new Date(Date.UTC(2001, 0, 1) + Math.round(((dayOfYear % 365) + 365) % 365) * 86_400_000);
  const day = date.getUTCDate();
  const part = day <= 10 ? 'early' : day <= 20 ? 'mid-' : 'late';
  const month = MONTH_NAMES[date.getUTCMonth()] as string;
  return part === 'mid-' ? `mid-${month}` : `${part} ${month}`;
}

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "Dec 10" in the business's time zone. */
export function shortDate(at: number, timeZone: string): string {
  if (!Number.isFinite(at)) return 'some day';
  let format = shortDates.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone });
    shortDates.set(timeZone, format);
  }
  return format.format(at);
}
