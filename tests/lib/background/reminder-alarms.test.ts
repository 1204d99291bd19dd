import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReminderAlarms, type ReminderBrowser, type ReminderNotification } from '../../../lib/background/reminder-alarms';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addReminder } from '../../../lib/db/index';
import type { Customer } from '../../../lib/model/records';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { freshDatabase, NOW, seedCustomer } from '../db/factories';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A browser whose alarms are timers: with fake timers, advancing the clock makes them go off
 * as `chrome.alarms` would. Notifications and opened tabs are recorded.
 */
function fakeBrowser(onAlarm: (name: string) => Promise<void>) {
  const alarms = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each alarm was set to go off, as chrome.alarms.create was asked. */
  const armedFor = new Map<string, number>();
  const notified: { id: string; options: ReminderNotification }[] = [];
  const cleared: string[] = [];
  const opened: string[] = [];
  const api: ReminderBrowser = {
    async createAlarm(name, when) {
      clearTimeout(alarms.get(name));
      armedFor.set(name, when);
      alarms.set(name, setTimeout(() => void onAlarm(name), Math.max(0, when - Date.now())));
    },
    async clearAlarm(name) {
      clearTimeout(alarms.get(name));
      alarms.delete(name);
    },
    async notify(id, options) {
      notified.push({ id, options });
    },
    async clearNotification(id) {
      cleared.push(id);
    },
    async openTab(url) {
      opened.push(url);
    },
  };
  return { api, alarms, armedFor, notified, cleared, opened };
}

function start(db: CrmDatabase) {
  let service: ReturnType<typeof createReminderAlarms> | null = null;
  const browser = fakeBrowser((name) => service?.onAlarm(name) ?? Promise.resolve());
  service = createReminderAlarms({
    db,
    browser: browser.api,
    settings: async () => DEFAULT_SETTINGS,
    now: () => Date.now(),
    buttons: true,
    fallbackUrl: 'chrome-extension://id/popup.html',
  });
  return { service, ...browser };
}

describe('reminder alarms', () => {
  let db: CrmDatabase;
  let customer: Customer;

  beforeEach(async () => {
    // Dexie and fake-indexeddb schedule with setImmediate/microtasks, which stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
    db = freshDatabase();
    customer = await seedCustomer(db, { name: 'Maria Jensen', emails: ['maria@nordlicht.de'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await db.delete();
  });

  async function remind(dueInMs: number, title = 'Call back about the invoice') {
    return addReminder(db, { customerId: customer.id, title, dueAt: Date.now() + dueInMs }, Date.now());
  }

  it('notifies at the due time, not before, with the customer and snooze buttons', async () => {
    const { service, notified, armedFor } = start(db);
    const reminder = await remind(5 * MINUTE);
    await service.arm(reminder);
    // Armed for the due time itself: the "not before" below does not rest on timing alone.
    expect(armedFor.get(`reminder:${reminder.id}`)).toBe(reminder.dueAt);

    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1000);
    expect(notified).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(notified).toHaveLength(1));
    expect(notified[0]).toEqual({
      id: `reminder:${reminder.id}`,
      options: { title: 'Reminder: Maria Jensen', message: 'Call back about the invoice', buttons: ['Snooze 1 hour', 'Tomorrow morning'] },
    });
    // Marked as notified, so a restart does not notify again.
    await vi.waitFor(async () => expect((await db.reminders.get(reminder.id))?.firedAt).toBeGreaterThanOrEqual(NOW + 5 * MINUTE));
  });

  it('snoozes from the first button and notifies again an hour later', async () => {
    const { service, notified, armedFor } = start(db);
    const reminder = await remind(MINUTE);
    await service.arm(reminder);
    await vi.advanceTimersByTimeAsync(MINUTE);
    await vi.waitFor(() => expect(notified).toHaveLength(1));

    await service.onButtonClicked(`reminder:${reminder.id}`, 0);
    const snoozed = await db.reminders.get(reminder.id);
    expect(snoozed).toMatchObject({ dueAt: Date.now() + HOUR, firedAt: null, doneAt: null });
    expect(armedFor.get(`reminder:${reminder.id}`)).toBe(snoozed?.dueAt);

    await vi.advanceTimersByTimeAsync(HOUR - 1000);
    expect(notified).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(notified).toHaveLength(2));
  });

  it('does not notify for a stale alarm of a reminder done in the meantime', async () => {
    const { service, notified } = start(db);
    const reminder = await remind(MINUTE);
    await service.arm(reminder);
    await service.done(reminder.id);
    await service.onAlarm(`reminder:${reminder.id}`);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(notified).toEqual([]);
  });

  it('survives a restart: re-arms future reminders and notifies the ones missed while closed', async () => {
    const missed = await remind(10 * MINUTE, 'Missed while the browser was closed');
    const future = await remind(3 * HOUR, 'Still to come');
    const alreadyFired = await remind(5 * MINUTE, 'Already notified');
    await db.reminders.update(alreadyFired.id, { firedAt: NOW + 5 * MINUTE });

    // The browser was closed for an hour; nothing from before survived in memory.
    vi.setSystemTime(NOW + HOUR);
    const { service, notified, alarms } = start(db);
    await service.rearmAll();

    expect(notified.map((n) => n.options.message)).toEqual([missed.title]);
    expect([...alarms.keys()]).toEqual([`reminder:${future.id}`]);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    await vi.waitFor(() => expect(notified.map((n) => n.options.message)).toEqual([missed.title, future.title]));
  });

  it('opens the Gmail search for the customer on click and ends the reminder', async () => {
    const { service, opened, cleared } = start(db);
    const reminder = await remind(0);
    await service.arm(reminder);
    await service.onClicked(`reminder:${reminder.id}`);
    expect(opened).toEqual(['https://mail.google.com/mail/u/0/#search/maria%40nordlicht.de']);
    expect(cleared).toContain(`reminder:${reminder.id}`);
    expect((await db.reminders.get(reminder.id))?.doneAt).toBe(Date.now());
  });

  it('opens the extension page for a customer without an address', async () => {
    await db.customers.update(customer.id, { emails: [] });
    const { service, opened } = start(db);
    const reminder = await remind(0);
    await service.onClicked(`reminder:${reminder.id}`);
    expect(opened).toEqual(['chrome-extension://id/popup.html']);
  });
});
