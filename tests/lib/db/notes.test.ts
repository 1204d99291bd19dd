import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addNote, addOrder, addReminder, deleteNote, getCustomerCard, getReminder, updateNote } from '../../../lib/db/index';
import type { Customer } from '../../../lib/model/records';
import { DAY, NOW, freshDatabase, seedCustomer } from './factories';

let db: CrmDatabase;
let customer: Customer;
beforeEach(async () => {
  db = freshDatabase();
  customer = await seedCustomer(db);
});
afterEach(() => db.delete());

const customerRow = () => db.customers.get(customer.id);

describe('notes', () => {
  it('adds a trimmed note and bumps the customer’s updatedAt but not lastTouchAt', async () => {
    await addOrder(db, { customerId: customer.id, orderedAt: NOW - 30 * DAY, total: { currency: 'EUR', minor: 100 } }, NOW - 30 * DAY);
    const note = await addNote(db, { customerId: customer.id, body: '  Prefers phone calls before 11:00 ' }, NOW);
    expect(note).toMatchObject({ body: 'Prefers phone calls before 11:00', pinned: false, createdAt: NOW, deletedAt: null });
    expect((await customerRow())?.updatedAt).toBe(NOW);
    expect((await customerRow())?.stats.lastTouchAt).toBe(NOW - 30 * DAY);
  });

  it('edits the body and pins when updated', async () => {
    const note = await addNote(db, { customerId: customer.id, body: 'draft' }, NOW);
    const edited = await updateNote(db, note.id, { body: 'final' }, NOW + 1);
    expect(edited).toMatchObject({ body: 'final', pinned: false, updatedAt: NOW + 1, createdAt: NOW });
    const pinned = await updateNote(db, note.id, { pinned: true }, NOW + 2);
    expect(pinned).toMatchObject({ body: 'final', pinned: true });
    expect((await getCustomerCard(db, customer.id))?.notes).toEqual([pinned]);
    expect((await customerRow())?.updatedAt).toBe(NOW + 2);
  });

  it('tombstones a deleted note so the card no longer shows it', async () => {
    const keep = await addNote(db, { customerId: customer.id, body: 'keep' }, NOW);
    const drop = await addNote(db, { customerId: customer.id, body: 'drop' }, NOW);
    const deleted = await deleteNote(db, drop.id, NOW + 5);
    expect(deleted).toMatchObject({ id: drop.id, customerId: customer.id, deletedAt: NOW + 5 });
    expect((await db.notes.get(drop.id))?.deletedAt).toBe(NOW + 5);
    expect((await getCustomerCard(db, customer.id))?.notes.map((n) => n.id)).toEqual([keep.id]);
    expect((await customerRow())?.updatedAt).toBe(NOW + 5);
  });

  it('refuses an empty body as invalid', async () => {
    await expect(addNote(db, { customerId: customer.id, body: '   ' }, NOW)).rejects.toMatchObject({ code: 'invalid' });
    const note = await addNote(db, { customerId: customer.id, body: 'x' }, NOW);
    await expect(updateNote(db, note.id, { body: '' }, NOW)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('gives not_found for a deleted note or an unknown customer', async () => {
    const note = await addNote(db, { customerId: customer.id, body: 'x' }, NOW);
    await deleteNote(db, note.id, NOW);
    await expect(updateNote(db, note.id, { pinned: true }, NOW)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteNote(db, note.id, NOW)).rejects.toMatchObject({ code: 'not_found' });
    await expect(addNote(db, { customerId: 'ghost', body: 'x' }, NOW)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('ends the open reminders of a deleted note, and only those', async () => {
    const note = await addNote(db, { customerId: customer.id, body: 'Call back about the invoice' }, NOW);
    const other = await addNote(db, { customerId: customer.id, body: 'Keep' }, NOW);
    const onNote = await addReminder(db, { customerId: customer.id, noteId: note.id, title: 'Call back', dueAt: NOW + DAY }, NOW);
    const onOther = await addReminder(db, { customerId: customer.id, noteId: other.id, title: 'Keep', dueAt: NOW + DAY }, NOW);
    await deleteNote(db, note.id, NOW + 5);
    expect((await getReminder(db, onNote.id))?.doneAt).toBe(NOW + 5);
    expect((await getReminder(db, onOther.id))?.doneAt).toBeNull();
  });
});
