import { addLocalDays, instantOf, localDate, localTime, type LocalDate } from '../business-hours';
import { DAY_MS } from '../time';
import { defineRule } from './define';
import { personalHint, plural } from './rule';

export const OCCASION_WITHIN_DAYS = 7;
/** Due two days ahead, so a card can still arrive on the day. */
const NOTE_DAYS_BEFORE = 2;

type Occasion = { kind: 'birthday' | 'anniversary'; date: LocalDate; inDays: number; years: number | null };

/**
 * A birthday or the anniversary of the first order in the next 7 days (read in the business's
 * time zone): a personal note, with what the owner noted of their family and interests to make
 * it personal. Feb 29 is marked on Feb 28 in other years.
 */
export const personalOccasion = defineRule({
  id: 'personal-occasion',
  priority: 65,
  title: 'Send a personal note',
  difficultTitle: 'Send a short personal note (no promises attached)',
  purpose: 'relationship',
  group: 'personal',
  doneKind: 'other',
  conditions: `A birthday or the anniversary of their first order falls within the next ${OCCASION_WITHIN_DAYS} days.`,
  suggest(facts, now) {
    const { customer } = facts.prepared;
    const tz = facts.settings.businessHours.timeZone;
    const days = nextDays(now, tz);
    const candidates: Occasion[] = [];
    const birthday = parseMonthDay(customer.birthday);
    if (birthday) {
      const found = upcoming(days, birthday.month, birthday.day);
      if (found) candidates.push({ kind: 'birthday', ...found, years: birthday.year === null ? null : found.date.year - birthday.year });
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
    return {
      title: occasion.kind === 'birthday' ? 'Send a personal birthday note' : 'Send a note on your anniversary together',
      reason: `${what}${personalHint(facts)}`,
      dueAt: instantOf(occasion.date, 0, tz) - NOTE_DAYS_BEFORE * DAY_MS,
      factsKey: `${occasion.kind}:${occasion.date.year}`,
      evidence: { occasion: occasion.kind, inDays: occasion.inDays, years: occasion.years, date: isoDate(occasion.date) },
    };
  },
  cases: [
    { name: 'stays silent without a birthday or an old first order', given: { orders: [30] }, expect: null },
    { name: 'a birthday in 2 days, due two days ahead (today at opening)', given: { customer: { birthday: '06-12' }, orders: [30] }, expect: { title: 'Send a personal birthday note', reason: 'Birthday in 2 days.', factsKey: 'birthday:2026', dueAt: Date.UTC(2026, 5, 10, 7) } },
    { name: 'a birthday today, with the age when the year is known', given: { customer: { birthday: '1980-06-10' }, orders: [30] }, expect: { reason: 'Birthday today (turns 46).' } },
    { name: 'stays silent for a birthday in 8 days', given: { customer: { birthday: '06-18' }, orders: [30] }, expect: null },
    { name: 'stays silent for a birthday yesterday', given: { customer: { birthday: '06-09' }, orders: [30] }, expect: null },
    { name: 'a birthday across the new year', given: { customer: { birthday: '01-02' }, orders: [30] }, now: Date.UTC(2026, 11, 30, 10), expect: { reason: 'Birthday in 3 days.', factsKey: 'birthday:2027' } },
    { name: 'a Feb 29 birthday is marked on Feb 28 in a common year', given: { customer: { birthday: '02-29' } }, now: Date.UTC(2027, 1, 25, 10), expect: { reason: 'Birthday in 3 days.' } },
    { name: 'the anniversary of the first order, two years on', given: { orders: [727] }, expect: { title: 'Send a note on your anniversary together', reason: '2 years since their first order in 3 days.', factsKey: 'anniversary:2026' } },
    { name: 'uses the family and interests the owner noted', given: { customer: { birthday: '06-12', family: 'Two kids, Ben and Mia', interests: 'Cycling' }, orders: [30] }, expect: { reason: 'Birthday in 2 days. You noted: interests “Cycling”; family “Two kids, Ben and Mia”.' } },
  ],
});

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
    if (date.month === month && (date.day === day || (month === 2 && day === 29 && date.day === 28 && !isLeap(date.year)))) return { date, inDays };
  }
  return null;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
