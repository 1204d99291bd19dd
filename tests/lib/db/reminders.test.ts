import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addNote, addReminder, changeReminder, customerReminders } from '../../../lib/db/index';
import { DAY, freshDatabase, NOW, seedCustomer } from './factories';

describe('customerReminders', () => {
  let db: CrmDatabase;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('lists one customer’s open reminders soonest first, notified ones included, done ones not', async () => {
    const maria = await seedCustomer(db);
    const jonas = await seedCustomer(db);
    const note = await addNote(db, { customerId: maria.id, body: 'Wants the oak table' }, NOW);
    const later = await addReminder(db, { customerId: maria.id, noteId: note.id, title: 'Oak table', dueAt: NOW + 7 * DAY }, NOW);
    const sooner = await addReminder(db, { customerId: maria.id, ruleId: 'resolve-complaint', title: 'Call back', dueAt: NOW + DAY }, NOW);
    const fired = await addReminder(db, { customerId: maria.id, title: 'Invoice', dueAt: NOW + 2 * DAY }, NOW);
    await changeReminder(db, fired.id, { kind: 'fired' }, NOW + 2 * DAY);
    const done = await addReminder(db, { customerId: maria.id, title: 'Old', dueAt: NOW + 3 * DAY }, NOW);
    await changeReminder(db, done.id, { kind: 'done' }, NOW);
    await addReminder(db, { customerId: jonas.id, title: 'Someone else', dueAt: NOW + DAY }, NOW);

    const listed = await customerReminders(db, maria.id);
    expect(listed.map((r) => r.id)).toEqual([sooner.id, fired.id, later.id]);
    expect(listed[2]).toMatchObject({ noteId: note.id, ruleId: null });
    expect(listed[0]).toMatchObject({ noteId: null, ruleId: 'resolve-complaint' });
  });
});
