import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localTime, nextOpening, startOfLocalDay } from '../../../lib/insights/business-hours';
import { DEFAULT_SETTINGS, type BusinessHours } from '../../../lib/insights/types';

const BERLIN = DEFAULT_SETTINGS.businessHours;
/** Berlin is UTC+2 in summer (CEST) and UTC+1 in winter (CET). */
const utc = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('nextOpening', () => {
  it.each([
    { name: 'Wednesday 12:00 Berlin stays', at: utc(2026, 6, 10, 10), expected: utc(2026, 6, 10, 10) },
    { name: 'Wednesday 07:30 Berlin → 09:00 the same day', at: utc(2026, 6, 10, 5, 30), expected: utc(2026, 6, 10, 7) },
    { name: 'Wednesday 17:00 Berlin (closing) → Thursday 09:00', at: utc(2026, 6, 10, 15), expected: utc(2026, 6, 11, 7) },
    { name: 'Friday 18:00 Berlin → Monday 09:00 across the weekend', at: utc(2026, 6, 12, 16), expected: utc(2026, 6, 15, 7) },
    { name: 'Saturday noon → Monday 09:00', at: utc(2026, 6, 13, 10), expected: utc(2026, 6, 15, 7) },
    { name: 'Sunday 23:30 Berlin (still Sunday 21:30 UTC) → Monday 09:00', at: utc(2026, 6, 14, 21, 30), expected: utc(2026, 6, 15, 7) },
    { name: 'Monday 00:30 Berlin (Sunday 22:30 UTC) → Monday 09:00', at: utc(2026, 6, 14, 22, 30), expected: utc(2026, 6, 15, 7) },
    { name: 'winter Saturday → Monday 09:00 CET', at: utc(2026, 1, 10, 12), expected: utc(2026, 1, 12, 8) },
    { name: 'the weekend of the spring DST change: Sat 28 Mar → Mon 30 Mar 09:00 CEST', at: utc(2026, 3, 28, 12), expected: utc(2026, 3, 30, 7) },
    { name: 'the weekend of the autumn DST change: Sat 24 Oct → Mon 26 Oct 09:00 CET', at: utc(2026, 10, 24, 12), expected: utc(2026, 10, 26, 8) },
  ])('$name', ({ at, expected }) => {
    expect(nextOpening(at, BERLIN)).toBe(expected);
  });

  it('reads the hours in the configured zone, not the machine zone', () => {
    const newYork: BusinessHours = { ...BERLIN, timeZone: 'America/New_York' };
    // Friday 20:00 UTC is 16:00 in New York (open) but 22:00 in Berlin (closed).
    expect(nextOpening(utc(2026, 6, 12, 20), newYork)).toBe(utc(2026, 6, 12, 20));
    expect(nextOpening(utc(2026, 6, 12, 20), BERLIN)).toBe(utc(2026, 6, 15, 7));
  });

  it('uses per-day hours, e.g. a Saturday morning', () => {
    const hours: BusinessHours = { ...BERLIN, days: { ...BERLIN.days, 6: [10 * 60, 13 * 60] } };
    expect(nextOpening(utc(2026, 6, 12, 16), hours)).toBe(utc(2026, 6, 13, 8));
  });

  it('leaves the time alone when the business has no hours at all', () => {
    const closed: BusinessHours = { ...BERLIN, days: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } };
    expect(nextOpening(utc(2026, 6, 13, 10), closed)).toBe(utc(2026, 6, 13, 10));
  });
});

describe('local days', () => {
  it('finds the Berlin day around a UTC instant', () => {
    expect(localTime(utc(2026, 6, 14, 22, 30), 'Europe/Berlin')).toMatchObject({ year: 2026, month: 6, day: 15, weekday: 1, minute: 30 });
    expect(startOfLocalDay(utc(2026, 6, 10, 10), 'Europe/Berlin')).toBe(utc(2026, 6, 9, 22));
    expect(endOfLocalDay(utc(2026, 6, 10, 10), 'Europe/Berlin')).toBe(utc(2026, 6, 10, 22));
    // The spring-forward day is 23 hours long.
    expect(endOfLocalDay(utc(2026, 3, 29, 10), 'Europe/Berlin') - startOfLocalDay(utc(2026, 3, 29, 10), 'Europe/Berlin')).toBe(23 * 3_600_000);
  });
});
