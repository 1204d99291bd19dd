import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { alarmNameFor, planAlarms, reminderIdFrom, snoozeUntil } from '../../../lib/reminders/schedule';
import { makeReminder } from './factories';

const HOUR = 3_600_000;
// Tuesday 2 June 2026, 14:00 in Berlin (12:00 UTC).
const TUESDAY_2PM_BERLIN = Date.UTC(2026, 5, 2, 12, 0);

describe('reminder alarm names', () => {
  it('round-trips a reminder id through the alarm name', () => {
    expect(reminderIdFrom(alarmNameFor('abc-123'))).toBe('abc-123');
  });

  it.each(['', 'reminder:', 'other:abc', 'abc'])('refuses %j as not a reminder alarm', (name) => {
    expect(reminderIdFrom(name)).toBeNull();
  });
});

describe('planAlarms', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(TUESDAY_2PM_BERLIN);
  });
  afterEach(() => vi.useRealTimers());

  it('arms future reminders at their due time and fires the missed ones at once, oldest first', () => {
    const now = Date.now();
    const future = makeReminder({ customerId: 'c1', dueAt: now + HOUR });
    const missedLater = makeReminder({ customerId: 'c1', dueAt: now - HOUR });
    const missedEarlier = makeReminder({ customerId: 'c2', dueAt: now - 2 * HOUR });
    const plan = planAlarms([future, missedLater, missedEarlier], now);
    expect(plan.arm).toEqual([{ name: alarmNameFor(future.id), when: now + HOUR }]);
    expect(plan.fireNow.map((r) => r.id)).toEqual([missedEarlier.id, missedLater.id]);
  });

  it.each([
    ['already notified', { firedAt: 1 }],
    ['done', { doneAt: 1 }],
    ['deleted', { deletedAt: 1 }],
  ])('leaves out a reminder that is %s', (_label, fields) => {
    const now = Date.now();
    const plan = planAlarms([makeReminder({ customerId: 'c1', dueAt: now + HOUR, ...fields })], now);
    expect(plan).toEqual({ arm: [], fireNow: [] });
  });

  it('treats a reminder due exactly now as missed, not as an alarm in the past', () => {
    const now = Date.now();
    const plan = planAlarms([makeReminder({ customerId: 'c1', dueAt: now })], now);
    expect(plan.arm).toEqual([]);
    expect(plan.fireNow).toHaveLength(1);
  });
});

describe('snoozeUntil', () => {
  it('snoozes an hour from now', () => {
    expect(snoozeUntil('hour', TUESDAY_2PM_BERLIN, DEFAULT_SETTINGS.businessHours)).toBe(TUESDAY_2PM_BERLIN + HOUR);
  });

  it('snoozes to the next opening after today in the business time zone', () => {
    // Wednesday 09:00 Berlin = 07:00 UTC (summer time).
    expect(snoozeUntil('tomorrow', TUESDAY_2PM_BERLIN, DEFAULT_SETTINGS.businessHours)).toBe(Date.UTC(2026, 5, 3, 7, 0));
  });

  it('skips the weekend when snoozing on a Friday', () => {
    const friday = Date.UTC(2026, 5, 5, 12, 0);
    expect(snoozeUntil('tomorrow', friday, DEFAULT_SETTINGS.businessHours)).toBe(Date.UTC(2026, 5, 8, 7, 0));
  });

  it('uses 09:00 the next day when the business has no opening hours', () => {
    const closed = { timeZone: 'UTC', days: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } };
    expect(snoozeUntil('tomorrow', TUESDAY_2PM_BERLIN, closed)).toBe(Date.UTC(2026, 5, 3, 9, 0));
  });
});
