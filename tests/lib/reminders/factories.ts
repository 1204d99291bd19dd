import type { Reminder } from '../../../lib/model/records';

let counter = 0;

export function makeReminder(fields: Partial<Reminder> & { customerId: string }): Reminder {
  counter += 1;
  return {
    id: `reminder-${counter}`,
    noteId: null,
    ruleId: null,
    title: `Reminder ${counter}`,
    dueAt: 0,
    firedAt: null,
    doneAt: null,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ...fields,
  };
}
