import type { BusinessHours, Weekday } from './types';
import { DAY_MS, MINUTE_MS } from './time';

/** A wall-clock date in the business's time zone. */
export type LocalDate = { year: number; month: number; day: number; weekday: Weekday };
export type LocalTime = LocalDate & { minute: number };

/**
 * Intl is slow and a full recompute places hundreds of thousands of due dates, so offsets are
 * remembered per UTC day: when the offset at both ends of a day is the same, it holds all day
 * (a zone never changes and changes back within one day). A day with a change is looked up
 * per quarter hour, the granularity of every change in the tz database. The memo is a cache
 * of a pure function, bounded so a long-lived background page does not grow it without end.
 */
const QUARTER_MS = 15 * MINUTE_MS;
const MEMO_LIMIT = 50_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds to add to a UTC instant to read the wall clock in `timeZone`. */
export function offsetAt(t: number, timeZone: string): number {
  let memo = offsets.get(timeZone);
  if (!memo) offsets.set(timeZone, (memo = new Map()));
  // Day keys are negative so they never collide with the (positive) quarter keys.
  const dayKey = -1 - Math.floor(t / DAY_MS);
  const wholeDay = memo.get(dayKey);
  if (wholeDay !== undefined && !Number.isNaN(wholeDay)) return wholeDay;
  if (wholeDay === undefined) {
    const start = (-1 - dayKey) * DAY_MS;
    const atStart = lookUp(memo, start, timeZone);
    const same = atStart === lookUp(memo, start + DAY_MS - QUARTER_MS, timeZone);
    remember(memo, dayKey, same ? atStart : Number.NaN);
    if (same) return atStart;
  }
  return lookUp(memo, t, timeZone);
}

function remember(memo: Map<number, number>, key: number, value: number): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

function lookUp(memo: Map<number, number>, t: number, timeZone: string): number {
  const bucket = Math.floor(t / QUARTER_MS);
  const known = memo.get(bucket);
  if (known !== undefined) return known;
  const at = bucket * QUARTER_MS;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  const offset = wall - at;
  remember(memo, bucket, offset);
  return offset;
}

export function localTime(t: number, timeZone: string): LocalTime {
  const wall = new Date(t + offsetAt(t, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay() as Weekday,
    minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** The instant the wall clock in `timeZone` shows this date and minute. */
export function instantOf(date: Pick<LocalDate, 'year' | 'month' | 'day'>, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minute * MINUTE_MS;
  const first = wall - offsetAt(wall, timeZone);
  // Near a DST change the offset at the guess may differ from the one at the answer.
  const second = offsetAt(first, timeZone);
  return wall - second;
}

/** Calendar arithmetic on a wall date (month and year roll over). */
export function addLocalDays(date: Pick<LocalDate, 'year' | 'month' | 'day'>, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() as Weekday };
}

export function startOfLocalDay(t: number, timeZone: string): number {
  return instantOf(localTime(t, timeZone), 0, timeZone);
}

/** The first instant of the next local day (exclusive end of today). */
export function endOfLocalDay(t: number, timeZone: string): number {
  return instantOf(addLocalDays(localTime(t, timeZone), 1), 0, timeZone);
}

/**
 * `t` itself when the business is open then, else the next opening. A business with no
 * opening hours at all leaves `t` as it is rather than never being due.
 */
export function nextOpening(t: number, hours: BusinessHours): number {
  const now = localTime(t, hours.timeZone);
  const today = hours.days[now.weekday];
  if (today && now.minute >= today[0] && now.minute < today[1]) return t;
  if (today && now.minute < today[0]) return instantOf(now, today[0], hours.timeZone);
  for (let ahead = 1; ahead <= 7; ahead++) {
    const date = addLocalDays(now, ahead);
    const span = hours.days[date.weekday];
    if (span) return instantOf(date, span[0], hours.timeZone);
  }
  return t;
}
