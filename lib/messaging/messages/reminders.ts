import { z } from 'zod';
import { EpochMs, Id, Reminder } from '../../model/records';
import { SNOOZE_OPTIONS } from '../../reminders/schedule';
import { message } from '../define';

/** Reminders on notes and next actions. */

export const ReminderView = z.object({ reminder: Reminder, customerName: z.string() });
export type ReminderView = z.infer<typeof ReminderView>;

export const REMINDER_MESSAGES = {
  /** A due date and time on a note (noteId) or a next action (ruleId) of a customer. */
  'reminder.set': message({
    request: z.object({
      customerId: Id,
      noteId: Id.nullable().default(null),
      ruleId: z.string().max(60).nullable().default(null),
      title: z.string().trim().min(1).max(300),
      dueAt: EpochMs,
    }),
    reply: Reminder,
    senders: ['page'],
  }),
  'reminder.snooze': message({
    request: z.object({ id: Id, option: z.enum(SNOOZE_OPTIONS) }),
    reply: Reminder,
    senders: ['page'],
  }),
  'reminder.done': message({ request: z.object({ id: Id }), reply: Reminder, senders: ['page'] }),
  /** Reminders not done yet, soonest first. */
  'reminder.list': message({
    request: z.object({}),
    reply: z.object({ reminders: z.array(ReminderView) }),
    senders: ['page'],
  }),
  /** One customer's reminders not done yet, soonest first (the sidebar marks notes and next actions with them). */
  'reminder.forCustomer': message({
    request: z.object({ customerId: Id }),
    reply: z.object({ reminders: z.array(Reminder) }),
    senders: ['page'],
  }),
} as const;
