import { describe, expect, it } from 'vitest';
import { dateInputValue, fromDateAndTime, inAWeek, tomorrowMorning } from '../../../lib/reminders/quick-picks';

// Local time throughout, as the sidebar shows it: built with the Date constructor so the test
// holds in any time zone the suite runs in.
const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s).getTime();

describe('quick picks', () => {
  it.each([
    ['midday', local(2026, 11, 27, 12), local(2026, 11, 28, 9), local(2026, 12, 4, 9)],
    ['just before midnight', local(2026, 11, 27, 23, 59), local(2026, 11, 28, 9), local(2026, 12, 4, 9)],
    ['early morning', local(2026, 11, 27, 6), local(2026, 11, 28, 9), local(2026, 12, 4, 9)],
    ['the last day of the year', local(2026, 12, 31, 15), local(2027, 1, 1, 9), local(2027, 1, 7, 9)],
  ])('gives tomorrow 9:00 and a week from today 9:00 at %s', (_, now, tomorrow, week) => {
    expect(tomorrowMorning(now)).toBe(tomorrow);
    expect(inAWeek(now)).toBe(week);
  });

  it.each([
    ['2026-12-03', '14:30', local(2026, 12, 3, 14, 30)],
    ['2026-12-03', '14:30:15', local(2026, 12, 3, 14, 30, 15)],
    ['2026-02-31', '09:00', null],
    ['2026-12-03', '24:00', null],
    ['', '09:00', null],
    ['2026-12-03', '', null],
  ])('reads date %j and time %j', (date, time, expected) => {
    expect(fromDateAndTime(date, time)).toBe(expected);
  });

  it('writes a date input value in local time', () => {
    expect(dateInputValue(local(2026, 3, 4, 23, 30))).toBe('2026-03-04');
  });
});
