import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addInteraction, addNote, addQuickNote, updateNote } from '../../../lib/db/index';
import { Interaction, Note, type Customer } from '../../../lib/model/records';
import { NOW, freshDatabase, seedCustomer } from './factories';

let db: CrmDatabase;
let customer: Customer;
beforeEach(async () => {
  db = freshDatabase();
  customer = await seedCustomer(db);
});
afterEach(() => db.delete());

const anna = { id: 'member-anna', name: 'Anna' };

describe('authorship of notes and interactions', () => {
  it('records the team member who wrote a note, a quick note or an interaction', async () => {
    const note = await addNote(db, { customerId: customer.id, body: 'Prefers calls', author: anna }, NOW);
    const quick = await addQuickNote(db, { customerId: customer.id, body: 'Quick', author: anna }, NOW);
    const call = await addInteraction(db, { customerId: customer.id, kind: 'call', at: NOW, author: anna }, NOW);
    expect((await db.notes.get(note.id))?.author).toEqual(anna);
    expect((await db.notes.get(quick.note.id))?.author).toEqual(anna);
    expect((await db.interactions.get(call.id))?.author).toEqual(anna);
  });

  it('records no author outside a team, and keeps the author when a note is edited', async () => {
    const alone = await addNote(db, { customerId: customer.id, body: 'Alone' }, NOW);
    expect(alone.author).toBeNull();
    const note = await addNote(db, { customerId: customer.id, body: 'First', author: anna }, NOW);
    expect((await updateNote(db, note.id, { body: 'Second' }, NOW + 1)).author).toEqual(anna);
  });

  it('still reads rows written before authorship existed', () => {
    const old = { id: 'n', customerId: 'c', body: 'x', pinned: false, createdAt: 1, updatedAt: 1, deletedAt: null };
    expect(Note.parse(old).author).toBeUndefined();
    expect(Interaction.parse({ id: 'i', customerId: 'c', kind: 'call', at: 1, summary: '', createdAt: 1, updatedAt: 1, deletedAt: null }).author).toBeUndefined();
    expect(() => Note.parse({ ...old, author: { id: '', name: 'x' } })).toThrow();
  });
});
