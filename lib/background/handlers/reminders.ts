import { addReminder, choicesFor, customerReminders, liveCustomers, openReminders } from '../../db/index';
import type { REMINDER_MESSAGES } from '../../messaging/messages/reminders';
import { ProtocolError } from '../../messaging/router';
import { overdueList } from '../../reminders/cadence';
import { loadSettings } from '../../settings/store';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

const LISTED = 20;

export function reminderHandlers(deps: BackgroundDeps): HandlersFor<typeof REMINDER_MESSAGES> {
  function alarms() {
    if (!deps.reminderAlarms) throw new ProtocolError('internal', 'Reminders are not available here.');
    return deps.reminderAlarms;
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await withDb(work);
    } catch (error) {
      if (error instanceof Error && /no longer exists/.test(error.message)) throw new ProtocolError('not_found', error.message);
      throw error;
    }
  }

  return {
    async 'reminder.set'(input) {
      const reminder = await withDb(() => addReminder(deps.db, input, deps.now()));
      await deps.reminderAlarms?.arm(reminder);
      return reminder;
    },

    async 'reminder.snooze'({ id, option }) {
      return guarded(() => alarms().snooze(id, option));
    },

    async 'reminder.done'({ id }) {
      return guarded(() => alarms().done(id));
    },

    async 'reminder.list'() {
      const reminders = await withDb(() => openReminders(deps.db, LISTED));
      const names = new Map(
        (await withDb(() => choicesFor(deps.db, [...new Set(reminders.map((r) => r.customerId))]))).map((c) => [
          c.customerId,
          c.name.trim() || c.email || 'Unnamed customer',
        ]),
      );
      return {
        reminders: reminders
          .filter((r) => names.has(r.customerId))
          .map((reminder) => ({ reminder, customerName: names.get(reminder.customerId) ?? '' })),
      };
    },

    async 'reminder.forCustomer'({ customerId }) {
      return { reminders: await withDb(() => customerReminders(deps.db, customerId)) };
    },

    async 'keepInTouch.list'() {
      const settings = await loadSettings(deps.prefs);
      const customers = await withDb(() => liveCustomers(deps.db));
      return { items: overdueList(customers, settings.cadenceDays, deps.now()) };
    },
  };
}
