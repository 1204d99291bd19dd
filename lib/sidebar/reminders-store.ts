import type { PushEvent } from '../messaging/protocol';
import type { Reminder } from '../model/records';
import { followCustomer, type Followed } from './follow-customer';

/** Where a reminder is set: on a note, or on a next action (its rule). */
export type ReminderTarget = { noteId: string } | { ruleId: string };

/** What the sidebar's reminders need from the extension (see the reminder.* messages). */
export interface RemindersApi {
  list(customerId: string): Promise<{ reminders: Reminder[] }>;
  set(input: { customerId: string; noteId: string | null; ruleId: string | null; title: string; dueAt: number }): Promise<unknown>;
  /** Ends a reminder (its alarm and any notification go too). */
  clear(id: string): Promise<unknown>;
}

export type RemindersState = Followed<{ kind: 'ready'; customerId: string; reminders: Reminder[] }>;

/** The reminder titles are capped at 300 characters by the protocol; a long note is cut. */
const TITLE_MAX = 300;

export function reminderTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= TITLE_MAX ? flat : `${flat.slice(0, TITLE_MAX - 1)}…`;
}

/**
 * The open reminders of the customer the sidebar shows (see followCustomer), apart from the card
 * so the card never waits for them.
 */
export function createRemindersStore(api: RemindersApi) {
  const followed = followCustomer(
    async (customerId) => (await api.list(customerId)).reminders,
    (customerId, reminders: Reminder[]) => ({ kind: 'ready' as const, customerId, reminders }),
  );

  return {
    state: followed.state,
    show: followed.show,
    /**
     * A data push (a reminder set, fired, snoozed from the popup, done): reloads quietly when
     * it concerns the customer shown. The store's own writes come back this way too.
     */
    changed: (event: PushEvent & { type: 'data' }) => void followed.changed(event),
    /** Sets a reminder; rejects with the reason (for the control to show) on failure. */
    async set(customerId: string, target: ReminderTarget, title: string, dueAt: number) {
      await api.set({
        customerId,
        noteId: 'noteId' in target ? target.noteId : null,
        ruleId: 'ruleId' in target ? target.ruleId : null,
        title: reminderTitle(title),
        dueAt,
      });
    },
    async clear(id: string) {
      await api.clear(id);
    },
  };
}

export type RemindersStore = ReturnType<typeof createRemindersStore>;
