import { endOfLocalDay, nextOpening } from '../insights/business-hours';
import type { BusinessHours } from '../insights/types';
import type { Reminder } from '../model/records';

/**
 * When reminders go off. Pure: the background passes `now` and does the alarms and
 * notifications itself (lib/background/reminder-alarms.ts).
 */

const HOUR_MS = 3_600_000;
const ALARM_PREFIX = 'reminder:';

export function alarmNameFor(reminderId: string): string {
  return `${ALARM_PREFIX}${reminderId}`;
}

/** The reminder id an alarm or notification was named after, or null if it is not ours. */
export function reminderIdFrom(name: string): string | null {
  return name.startsWith(ALARM_PREFIX) && name.length > ALARM_PREFIX.length ? name.slice(ALARM_PREFIX.length) : null;
}

/** Waiting to go off: not deleted, not done, not yet notified. */
export function isPending(reminder: Reminder): boolean {
  return reminder.deletedAt === null && reminder.doneAt === null && reminder.firedAt === null;
}

export interface AlarmPlan {
  /** Pending reminders still in the future: one alarm each, at its due time. */
  arm: { name: string; when: number }[];
  /** Pending reminders already due (e.g. while the browser was closed): notify now. */
  fireNow: Reminder[];
}

/**
 * What to do with the stored reminders when the background starts. Alarms may or may not
 * have survived a browser restart, so every pending reminder is armed again (creating an
 * alarm under the same name replaces it, so this is idempotent).
 */
export function planAlarms(reminders: readonly Reminder[], now: number): AlarmPlan {
  const plan: AlarmPlan = { arm: [], fireNow: [] };
  for (const reminder of reminders) {
    if (!isPending(reminder)) continue;
    if (reminder.dueAt <= now) plan.fireNow.push(reminder);
    else plan.arm.push({ name: alarmNameFor(reminder.id), when: reminder.dueAt });
  }
  plan.fireNow.sort((a, b) => a.dueAt - b.dueAt);
  return plan;
}

export const SNOOZE_OPTIONS = ['hour', 'tomorrow'] as const;
export type SnoozeOption = (typeof SNOOZE_OPTIONS)[number];

export const SNOOZE_LABELS: Readonly<Record<SnoozeOption, string>> = {
  hour: 'Snooze 1 hour',
  tomorrow: 'Tomorrow morning',
};

/**
 * The new due time for a snooze. "Tomorrow" is the business's first opening after today ends
 * in its time zone; a business with no opening hours gets 09:00 the next day.
 */
export function snoozeUntil(option: SnoozeOption, now: number, hours: BusinessHours): number {
  if (option === 'hour') return now + HOUR_MS;
  const midnight = endOfLocalDay(now, hours.timeZone);
  const opening = nextOpening(midnight, hours);
  return opening === midnight && !Object.values(hours.days).some((span) => span !== null) ? midnight + 9 * HOUR_MS : opening;
}
