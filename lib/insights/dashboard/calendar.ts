import { offsetAt } from '../business-hours';
import { DAY_MS } from '../time';

/**
 * The dashboard counts in whole local days, months and weeks of the business's time zone.
 * A day is a day number (days since 1970-01-01 on the business's wall clock), a month is
 * `year * 12 + month - 1`, a week is the day number of its Monday. Plain integer arithmetic
 * (Howard Hinnant's civil-from-days) so a million orders are placed without a Date each.
 */

/** The business's wall-clock day of an instant. */
export function localDay(t: number, timeZone: string): number {
  return Math.floor((t + offsetAt(t, timeZone)) / DAY_MS);
}

/** Year and month (1–12) of a day number. */
export function civilOfDay(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { year: y, month: m, day: d };
}

/** The day number of a calendar date (month 1–12). */
export function dayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function monthOfDay(day: number): number {
  const { year, month } = civilOfDay(day);
  return year * 12 + month - 1;
}

/** The first day of a month index. */
export function firstDayOfMonth(month: number): number {
  return dayOfCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** The Monday on or before a day (1970-01-01 was a Thursday). */
export function weekOfDay(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

/** "2026-03" */
export function monthKey(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** "2026-03-09" */
export function dayKey(day: number): string {
  const { year, month, day: d } = civilOfDay(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The month index of "2026-03", or null. */
export function parseMonthKey(key: string): number | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

/** The day number of "2026-03-09", or null. */
export function parseDayKey(key: string): number | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(key);
  if (!match) return null;
  const day = dayOfCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  return dayKey(day) === key ? day : null;
}
