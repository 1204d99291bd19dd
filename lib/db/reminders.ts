import { z } from 'zod';
import { EpochMs, Id, Reminder } from '../model/records';
import type { CrmDatabase } from './schema';
import { requireCustomer } from './customers';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';

export const NewReminder = z.object({
  customerId: Id,
  noteId: Id.nullable().default(null),
  ruleId: z.string().max(60).nullable().default(null),
  title: z.string().trim().min(1, 'A reminder needs a title.').max(300),
  dueAt: EpochMs,
});
export type NewReminder = z.input<typeof NewReminder>;

export function addReminder(db: CrmDatabase, input: NewReminder, now: number): Promise<Reminder> {
  return guard(() => {
    const fields = NewReminder.parse(input);
    const reminder = Reminder.parse({
      ...fields,
      id: newId(),
      firedAt: null,
      doneAt: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    return db.transaction('rw', [db.customers, db.notes, db.reminders], async () => {
      await requireCustomer(db, reminder.customerId);
      if (reminder.noteId !== null && !isLive(await db.notes.get(reminder.noteId))) {
        throw new DbError('not_found', 'This note no longer exists.');
      }
      await db.reminders.add(reminder);
      return reminder;
    });
  });
}

/** A live reminder, or null. */
export function getReminder(db: CrmDatabase, id: string): Promise<Reminder | null> {
  return guard(async () => {
    const reminder = await db.reminders.get(id);
    return isLive(reminder) ? reminder : null;
  });
}

/** Reminders not yet notified nor done, soonest first (read on startup to re-arm alarms). */
export function pendingReminders(db: CrmDatabase): Promise<Reminder[]> {
  return guard(() =>
    db.reminders
      .orderBy('dueAt')
      .filter((r) => r.deletedAt === null && r.doneAt === null && r.firedAt === null)
      .toArray(),
  );
}

/** Reminders that are not done (pending or notified), soonest first, for the popup. */
export function openReminders(db: CrmDatabase, limit: number): Promise<Reminder[]> {
  return guard(() =>
    db.reminders
      .orderBy('dueAt')
      .filter((r) => r.deletedAt === null && r.doneAt === null)
      .limit(limit)
      .toArray(),
  );
}

/**
 * One customer's reminders that are not done (pending or notified), soonest first, for the
 * sidebar to show beside the note or next action each was set on.
 */
export function customerReminders(db: CrmDatabase, customerId: string): Promise<Reminder[]> {
  return guard(() =>
    db.reminders
      .where('customerId')
      .equals(customerId)
      .filter((r) => r.deletedAt === null && r.doneAt === null)
      .sortBy('dueAt'),
  );
}

export type ReminderChange = { kind: 'fired' } | { kind: 'snoozed'; dueAt: number } | { kind: 'done' };

/** Marks a reminder notified, snoozed (new due time, armed again) or done. */
export function changeReminder(db: CrmDatabase, id: string, change: ReminderChange, now: number): Promise<Reminder> {
  return guard(() =>
    db.transaction('rw', [db.reminders], async () => {
      const reminder = await db.reminders.get(id);
      if (!isLive(reminder)) throw new DbError('not_found', 'This reminder no longer exists.');
      const next = Reminder.parse({
        ...reminder,
        ...(change.kind === 'fired' ? { firedAt: now } : {}),
        ...(change.kind === 'snoozed' ? { dueAt: change.dueAt, firedAt: null, doneAt: null } : {}),
        ...(change.kind === 'done' ? { doneAt: now } : {}),
        updatedAt: now,
      });
      await db.reminders.put(next);
      return next;
    }),
  );
}
