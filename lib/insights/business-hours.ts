import type { BusinessHours, OpeningSpan, Weekday } from './types';
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

function remember<T>(memo: Map<number, T>, key: number, value: T): void {
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
 *
 * A full recompute places a due date for 100,000 suggestions, so the answer is not worked out
 * from scratch each time: apart from the minute of the day it depends on the local date only,
 * and what depends on the date (its opening, the next opening on a later day) is remembered
 * per local date (see dayPlan). The wall clock is read with the same arithmetic Date uses.
 */
export function nextOpening(t: number, hours: BusinessHours): number {
  const wall = Number.isFinite(t) ? Math.trunc(t + offsetAt(t, hours.timeZone)) : Number.NaN;
  // Outside the range of a Date (or not a number): the long way, which reads it as Date does.
  if (!(Math.abs(wall) <= MAX_DATE_MS)) return nextOpeningOf(localTime(t, hours.timeZone), t, hours);
  const day = Math.floor(wall / DAY_MS);
  const minute = Math.floor((wall - day * DAY_MS) / MINUTE_MS);
  const plan = dayPlan(day, hours);
  const today = plan.span;
  if (today && minute >= today[0] && minute < today[1]) return t;
  if (today && minute < today[0]) return plan.openingToday as number;
  return plan.laterOpening ?? t;
}

function nextOpeningOf(now: LocalTime, t: number, hours: BusinessHours): number {
  const today = hours.days[now.weekday];
  if (today && now.minute >= today[0] && now.minute < today[1]) return t;
  if (today && now.minute < today[0]) return instantOf(now, today[0], hours.timeZone);
  return laterOpening(now, hours) ?? t;
}

/** The opening on the first open day after `date`, within a week. */
function laterOpening(date: LocalDate, hours: BusinessHours): number | null {
  for (let ahead = 1; ahead <= 7; ahead++) {
    const later = addLocalDays(date, ahead);
    const span = hours.days[later.weekday];
    if (span) return instantOf(later, span[0], hours.timeZone);
  }
  return null;
}

/** The largest time value a Date holds (ECMAScript TimeClip). */
const MAX_DATE_MS = 8.64e15;

type DayPlan = { span: OpeningSpan | null; openingToday: number | null; laterOpening: number | null };

/**
 * What nextOpening needs of one local date (days since 1970-01-01 on the wall clock), for the
 * hours it was asked with: remembered for the last hours object seen (a recompute asks with
 * one), which its types keep read-only; bounded like the offsets.
 */
let plans: { hours: BusinessHours; timeZone: string; byDay: Map<number, DayPlan> } | null = null;

function dayPlan(day: number, hours: BusinessHours): DayPlan {
  if (plans === null || plans.hours !== hours || plans.timeZone !== hours.timeZone) {
    plans = { hours, timeZone: hours.timeZone, byDay: new Map() };
  }
  let plan = plans.byDay.get(day);
  if (plan === undefined) {
    const date = wallDate(day);
    const span = hours.days[date.weekday];
    plan = { span, openingToday: span ? instantOf(date, span[0], hours.timeZone) : null, laterOpening: laterOpening(date, hours) };
    remember(plans.byDay, day, plan);
  }
  return plan;
}

/** The date of a wall-clock day number, as localTime reads it. */
function wallDate(day: number): LocalDate {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() as Weekday };
}

/**
 * The local date of `t` (localTime without the minute), remembered per local date: a full
 * recompute asks it for every customer's first order.
 */
export function localDate(t: number, timeZone: string): Readonly<LocalDate> {
  const wall = Number.isFinite(t) ? Math.trunc(t + offsetAt(t, timeZone)) : Number.NaN;
  if (!(Math.abs(wall) <= MAX_DATE_MS)) return localTime(t, timeZone);
  const day = Math.floor(wall / DAY_MS);
  let memo = localDates.get(timeZone);
  if (!memo) localDates.set(timeZone, (memo = new Map()));
  let date = memo.get(day);
  if (date === undefined) remember(memo, day, (date = wallDate(day)));
  return date;
}

const localDates = new Map<string, Map<number, LocalDate>>();
