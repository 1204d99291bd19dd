import { changeReminder, choicesFor, type CrmDatabase, getReminder, pendingReminders, type ReminderChange } from '../db/index';
import type { Reminder } from '../model/records';
import { customerSearchUrl } from '../reminders/open';
import { alarmNameFor, isPending, planAlarms, reminderIdFrom, SNOOZE_LABELS, SNOOZE_OPTIONS, snoozeUntil, type SnoozeOption } from '../reminders/schedule';
import type { Settings } from '../settings/schema';

/** The browser APIs reminders need; the entrypoint passes `browser.alarms` etc. */
export interface ReminderBrowser {
  createAlarm(name: string, when: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  notify(id: string, options: ReminderNotification): Promise<void>;
  clearNotification(id: string): Promise<void>;
  openTab(url: string): Promise<void>;
}

export interface ReminderNotification {
  title: string;
  message: string;
  /** Button labels, in SNOOZE_OPTIONS order; empty where the browser has no buttons (Firefox). */
  buttons: string[];
}

export interface ReminderAlarmDeps {
  db: CrmDatabase;
  browser: ReminderBrowser;
  settings(): Promise<Settings>;
  now(): number;
  /** Whether notifications can carry buttons (Chrome yes, Firefox no). */
  buttons: boolean;
  /** The page to open for a customer without an address. */
  fallbackUrl: string;
}

export type ReminderAlarms = ReturnType<typeof createReminderAlarms>;

/**
 * Reminders in the background: one alarm per pending reminder; when it goes off, a
 * notification that opens the customer on click and snoozes from its buttons. The database
 * is the truth, so `rearmAll` on every background start makes reminders survive restarts.
 */
export function createReminderAlarms(deps: ReminderAlarmDeps) {
  const { db, browser } = deps;

  async function fire(reminder: Reminder): Promise<void> {
    const [choice] = await choicesFor(db, [reminder.customerId]);
    const who = choice ? choice.name.trim() || choice.email || 'a customer' : 'a customer';
    await browser.notify(alarmNameFor(reminder.id), {
      title: `Reminder: ${who}`,
      message: reminder.title,
      buttons: deps.buttons ? SNOOZE_OPTIONS.map((option) => SNOOZE_LABELS[option]) : [],
    });
    await update(reminder, { kind: 'fired' });
  }

  function update(reminder: Reminder, change: ReminderChange): Promise<Reminder> {
    return changeReminder(db, reminder.id, change, deps.now());
  }

  async function arm(reminder: Reminder): Promise<void> {
    if (!isPending(reminder)) return;
    if (reminder.dueAt <= deps.now()) await fire(reminder);
    else await browser.createAlarm(alarmNameFor(reminder.id), reminder.dueAt);
  }

  async function snooze(id: string, option: SnoozeOption): Promise<Reminder> {
    const reminder = await getReminder(db, id);
    if (!reminder) throw new Error('This reminder no longer exists.');
    const settings = await deps.settings();
    const next = await update(reminder, { kind: 'snoozed', dueAt: snoozeUntil(option, deps.now(), settings.businessHours) });
    await browser.clearNotification(alarmNameFor(id));
    await arm(next);
    return next;
  }

  async function done(id: string): Promise<Reminder> {
    const reminder = await getReminder(db, id);
    if (!reminder) throw new Error('This reminder no longer exists.');
    await browser.clearAlarm(alarmNameFor(id));
    await browser.clearNotification(alarmNameFor(id));
    return update(reminder, { kind: 'done' });
  }

  return {
    arm,
    snooze,
    done,

    /** On every background start: alarms for future reminders, notifications for missed ones. */
    async rearmAll(): Promise<void> {
      const plan = planAlarms(await pendingReminders(db), deps.now());
      for (const { name, when } of plan.arm) await browser.createAlarm(name, when);
      for (const reminder of plan.fireNow) await fire(reminder);
    },

    async onAlarm(name: string): Promise<void> {
      const id = reminderIdFrom(name);
      if (id === null) return;
      const reminder = await getReminder(db, id);
      // Snoozed or done since the alarm was set: a stale alarm must not notify.
      if (reminder && isPending(reminder) && reminder.dueAt <= deps.now() + 1000) await fire(reminder);
    },

    /** A click on the notification opens the customer and ends the reminder. */
    async onClicked(notificationId: string): Promise<void> {
      const id = reminderIdFrom(notificationId);
      if (id === null) return;
      const reminder = await getReminder(db, id);
      if (!reminder) return;
      const [choice] = await choicesFor(db, [reminder.customerId]);
      await browser.openTab(customerSearchUrl(choice?.email ?? null) ?? deps.fallbackUrl);
      await done(id);
    },

    async onButtonClicked(notificationId: string, buttonIndex: number): Promise<void> {
      const id = reminderIdFrom(notificationId);
      const option = SNOOZE_OPTIONS[buttonIndex];
      if (id === null || option === undefined) return;
      await snooze(id, option);
    },
  };
}
