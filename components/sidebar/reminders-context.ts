import { createContext } from 'preact';
import type { Reminder } from '../../lib/model/records';
import type { ReminderTarget, RemindersState } from '../../lib/sidebar/reminders-store';

/**
 * The shown customer's open reminders and how to set or clear one, handed down by context as
 * the insights are (insights-context.ts). Without a provider (tests, other pages) notes and next
 * actions simply offer no "Remind me".
 */
export interface RemindersSlot {
  state: RemindersState;
  onSet: (customerId: string, target: ReminderTarget, title: string, dueAt: number) => Promise<void>;
  onClear: (id: string) => Promise<void>;
}

export const RemindersContext = createContext<RemindersSlot | null>(null);

/** The open reminder on each note, soonest first wins (several may have been set). */
export function remindersByNote(reminders: readonly Reminder[]): Map<string, Reminder> {
  const byNote = new Map<string, Reminder>();
  for (const reminder of [...reminders].sort((a, b) => a.dueAt - b.dueAt)) {
    if (reminder.noteId !== null && !byNote.has(reminder.noteId)) byNote.set(reminder.noteId, reminder);
  }
  return byNote;
}

/** The open reminder on each next-action rule, soonest first wins. */
export function remindersByRule(reminders: readonly Reminder[]): Map<string, Reminder> {
  const byRule = new Map<string, Reminder>();
  for (const reminder of [...reminders].sort((a, b) => a.dueAt - b.dueAt)) {
    if (reminder.ruleId !== null && !byRule.has(reminder.ruleId)) byRule.set(reminder.ruleId, reminder);
  }
  return byRule;
}
