import { signal, type Signal } from '@preact/signals';
import type { Reminder } from '../model/records';

/** Where a reminder is set: on a note, or on a next action (its rule). */
export type ReminderTarget = { noteId: string } | { ruleId: string };

/** What the sidebar's reminders need from the extension (see the reminder.* messages). */
export interface RemindersApi {
  list(customerId: string): Promise<{ reminders: Reminder[] }>;
  set(input: { customerId: string; noteId: string | null; ruleId: string | null; title: string; dueAt: number }): Promise<unknown>;
  /** Ends a reminder (its alarm and any notification go too). */
  clear(id: string): Promise<unknown>;
}

export type RemindersState =
  | { kind: 'none' }
  | { kind: 'loading'; customerId: string }
  | { kind: 'error'; customerId: string; message: string }
  | { kind: 'ready'; customerId: string; reminders: Reminder[] };

/** The reminder titles are capped at 300 characters by the protocol; a long note is cut. */
const TITLE_MAX = 300;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function reminderTitle(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= TITLE_MAX ? flat : `${flat.slice(0, TITLE_MAX - 1)}…`;
}

/**
 * The open reminders of the customer the sidebar shows, apart from the card so the card never
 * waits for them. Replies for a customer no longer shown are dropped.
 */
export function createRemindersStore(api: RemindersApi) {
  const state: Signal<RemindersState> = signal({ kind: 'none' });
  let shown: string | null = null;
  let generation = 0;

  async function load(customerId: string, quiet: boolean) {
    const gen = ++generation;
    const current = state.value;
    if (!quiet || current.kind === 'none' || current.customerId !== customerId) state.value = { kind: 'loading', customerId };
    try {
      const { reminders } = await api.list(customerId);
      if (gen === generation) state.value = { kind: 'ready', customerId, reminders };
    } catch (error) {
      if (gen === generation) state.value = { kind: 'error', customerId, message: message(error) };
    }
  }

  return {
    state,
    /** Follows the selected customer; the same one again is not reloaded. */
    show(customerId: string | null) {
      if (customerId === shown) return;
      shown = customerId;
      if (customerId === null) {
        generation++;
        state.value = { kind: 'none' };
      } else void load(customerId, false);
    },
    /** After a change anywhere (a reminder fired, snoozed from the popup): reload quietly. */
    refresh() {
      if (shown !== null) void load(shown, true);
    },
    /** Sets a reminder; rejects with the reason (for the control to show) on failure. */
    async set(customerId: string, target: ReminderTarget, title: string, dueAt: number) {
      await api.set({
        customerId,
        noteId: 'noteId' in target ? target.noteId : null,
        ruleId: 'ruleId' in target ? target.ruleId : null,
        title: reminderTitle(title),
        dueAt,
      });
      if (shown === customerId) await load(customerId, true);
    },
    async clear(id: string) {
      await api.clear(id);
      if (shown !== null) await load(shown, true);
    },
  };
}

export type RemindersStore = ReturnType<typeof createRemindersStore>;
