import { addLocalDays, instantOf, localDate, localTime, type LocalDate } from '../business-hours';
import { DAY_MS } from '../time';
import { plural, suggest, type Rule } from './rule';

export const OCCASION_WITHIN_DAYS = 7;
/** Due two days ahead, so a card can still arrive on the day. */
const NOTE_DAYS_BEFORE = 2;

type Occasion = { kind: 'birthday' | 'anniversary'; date: LocalDate; inDays: number; years: number | null };

/**
 * A birthday or the anniversary of the first order in the next 7 days (read in the business's
 * time zone): a personal note. Feb 29 is marked on Feb 28 in other years.
 */
export const personalOccasion: Rule = (facts, now) => {
  const { customer } = facts.prepared;
  const tz = facts.settings.businessHours.timeZone;
  const days = nextDays(now, tz);
  const candidates: Occasion[] = [];
  const birthday = parseMonthDay(customer.birthday);
  if (birthday) {
    const found = upcoming(days, birthday.month, birthday.day);
    if (found) {
      const years = birthday.year === null ? null : found.date.year - birthday.year;
      candidates.push({ kind: 'birthday', ...found, years });
    }
  }
  const firstOrderAt = facts.figures.firstOrderAt;
  if (firstOrderAt !== null) {
    const first = localDate(firstOrderAt, tz);
    const found = upcoming(days, first.month, first.day);
    if (found && found.date.year > first.year) candidates.push({ kind: 'anniversary', ...found, years: found.date.year - first.year });
  }
  // Soonest first; a birthday beats an anniversary on the same day.
  candidates.sort((x, y) => x.inDays - y.inDays || (x.kind === 'birthday' ? -1 : 1));
  const occasion = candidates[0];
  if (!occasion) return null;
  const when = occasion.inDays === 0 ? 'today' : occasion.inDays === 1 ? 'tomorrow' : `in ${occasion.inDays} days`;
  const what =
    occasion.kind === 'birthday'
      ? `Birthday ${when}${occasion.years !== null ? ` (turns ${occasion.years})` : ''}.`
      : `${plural(occasion.years ?? 1, 'year')} since their first order ${when}.`;
  return suggest(facts, {
    ruleId: 'personal-occasion',
    title: occasion.kind === 'birthday' ? 'Send a personal birthday note' : 'Send a note on your anniversary together',
    reason: what,
    dueAt: instantOf(occasion.date, 0, tz) - NOTE_DAYS_BEFORE * DAY_MS,
    factsKey: `${occasion.kind}:${occasion.date.year}`,
    evidence: { occasion: occasion.kind, inDays: occasion.inDays, years: occasion.years, date: isoDate(occasion.date) },
  });
};

export function parseMonthDay(text: string | null): { year: number | null; month: number; day: number } | null {
  const match = text ? /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(text) : null;
  if (!match) return null;
  return { year: match[1] ? Number(match[1]) : null, month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Today and the next 7 local dates. A recompute asks this for every customer with the same
 * `now`, so the last answer is kept (a one-entry cache of a pure function).
 */
let lastDays: { now: number; timeZone: string; days: readonly LocalDate[] } | null = null;

function nextDays(now: number, timeZone: string): readonly LocalDate[] {
  if (lastDays && lastDays.now === now && lastDays.timeZone === timeZone) return lastDays.days;
  const today = localTime(now, timeZone);
  const days = Array.from({ length: OCCASION_WITHIN_DAYS + 1 }, (_, i) => addLocalDays(today, i));
  lastDays = { now, timeZone, days };
  return days;
}

function upcoming(days: readonly LocalDate[], month: number, day: number): { date: LocalDate; inDays: number } | null {
  for (let inDays = 0; inDays < days.length; inDays++) {
    const date = days[inDays] as LocalDate;
    if (date.month === month && (date.day === day || (month === 2 && day === 29 && date.day === 28 && !isLeap(date.year)))) {
      return { date, inDays };
    }
  }
  return null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
