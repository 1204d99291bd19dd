/**
 * The times the sidebar's "Remind me" offers, in the browser's local time (the person setting
 * the reminder reads "9:00" on their own clock). Pure: `now` is passed in. No zod here, as the
 * sidebar imports it.
 */

function localDayAt(now: number, daysAhead: number, hour: number): number {
  const day = new Date(now);
  // setDate, not + days × 24 h, so a daylight-saving change in between keeps 9:00 at 9:00.
  day.setDate(day.getDate() + daysAhead);
  day.setHours(hour, 0, 0, 0);
  return day.getTime();
}

/** Tomorrow at 9:00 local time. */
export function tomorrowMorning(now: number): number {
  return localDayAt(now, 1, 9);
}

/** A week from today at 9:00 local time. */
export function inAWeek(now: number): number {
  return localDayAt(now, 7, 9);
}

/** `yyyy-mm-dd` for a date input, in local time. */
export function dateInputValue(at: number): string {
  const day = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * A date input's `yyyy-mm-dd` and a time input's `hh:mm` (or `hh:mm:ss`, which a time input
 * also yields) as local time, or null when either is missing or not a real date (31 February
 * must not roll over into March).
 */
export function fromDateAndTime(date: string, time: string): number | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const [year, month, dayOfMonth, hour, minute, second] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const at = new Date(year, month - 1, dayOfMonth, hour, minute, second);
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== dayOfMonth) return null;
  return at.getTime();
}

