import { z } from 'zod';
import { Customer, Id, NOTE_MAX, Note } from '../model/records';
import type { CrmDatabase } from './schema';
import { requireCustomer } from './customers';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';

/*
 * Notes bump the customer's updatedAt (the record changed, which a sync or a "recently edited"
 * list must see) but not the cached figures: lastTouchAt is about contact with the customer
 * (orders and interactions), and writing a note about someone is not contact.
 */

const Body = z.string().trim().min(1, 'A note cannot be empty.').max(NOTE_MAX);

export interface NewNote {
  customerId: string;
  body: string;
  pinned?: boolean;
}

export interface NoteChanges {
  body?: string | undefined;
  pinned?: boolean | undefined;
}

export function addNote(db: CrmDatabase, input: NewNote, now: number): Promise<Note> {
  return guard(() => {
    const note = Note.parse({
      id: newId(),
      customerId: Id.parse(input.customerId),
      body: Body.parse(input.body),
      pinned: input.pinned ?? false,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    return db.transaction('rw', [db.customers, db.notes], async () => {
      await touchCustomer(db, note.customerId, now);
      await db.notes.add(note);
      return note;
    });
  });
}

export function updateNote(db: CrmDatabase, id: string, changes: NoteChanges, now: number): Promise<Note> {
  return guard(() => {
    const body = changes.body === undefined ? undefined : Body.parse(changes.body);
    return db.transaction('rw', [db.customers, db.notes], async () => {
      const note = await requireNote(db, id);
      const next = Note.parse({ ...note, body: body ?? note.body, pinned: changes.pinned ?? note.pinned, updatedAt: now });
      await touchCustomer(db, note.customerId, now);
      await db.notes.put(next);
      return next;
    });
  });
}

/**
 * Tombstones a note and ends its open reminders (a reminder on a deleted note would still go off
 * with the note's text); returns the note so the caller knows whose card changed.
 */
export function deleteNote(db: CrmDatabase, id: string, now: number): Promise<Note> {
  return guard(() =>
    db.transaction('rw', [db.customers, db.notes, db.reminders], async () => {
      const note = await requireNote(db, id);
      const deleted = Note.parse({ ...note, deletedAt: now, updatedAt: now });
      await db.notes.put(deleted);
      const reminders = await db.reminders.where('noteId').equals(id).toArray();
      const open = reminders.filter((reminder) => reminder.doneAt === null && reminder.deletedAt === null);
      await db.reminders.bulkPut(open.map((reminder) => ({ ...reminder, doneAt: now, updatedAt: now })));
      // The customer may already be tombstoned; deleting a note must still work then.
      const customer = await db.customers.get(note.customerId);
      if (isLive(customer)) await db.customers.put(Customer.parse({ ...customer, updatedAt: now }));
      return deleted;
    }),
  );
}

async function requireNote(db: CrmDatabase, id: string): Promise<Note> {
  const note = await db.notes.get(id);
  if (!isLive(note)) throw new DbError('not_found', 'This note no longer exists.');
  return note;
}

async function touchCustomer(db: CrmDatabase, customerId: string, now: number): Promise<void> {
  const customer = await requireCustomer(db, customerId);
  await db.customers.put(Customer.parse({ ...customer, updatedAt: now }));
}
