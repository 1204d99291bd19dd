import { z } from 'zod';
import { Customer, Id, NOTE_MAX, Note } from '../model/records';
import type { CrmDatabase } from './schema';
import { requireCustomer } from './customers';
import { DbError, guard } from './errors';
import { newId } from './shared';

export const NewQuickNote = z.object({
  customerId: Id,
  body: z.string().trim().min(1, 'A note cannot be empty.').max(NOTE_MAX),
  /** On the customer's whole company: shown on every contact of it. */
  onCompany: z.boolean().default(false),
  /** Tags to add to the customer (already parsed from the body's #tags). */
  tags: z.array(z.string().min(1).max(60)).max(50).default([]),
});
export type NewQuickNote = z.input<typeof NewQuickNote>;

/**
 * Saves a note from the popup or a context menu and merges its #tags into the customer's
 * tags, in one transaction. Returns the note and the customers whose cards changed (all the
 * company's contacts for a company note).
 */
export function addQuickNote(db: CrmDatabase, input: NewQuickNote, now: number): Promise<{ note: Note; customerIds: string[] }> {
  return guard(() => {
    const fields = NewQuickNote.parse(input);
    return db.transaction('rw', [db.customers, db.notes], async () => {
      const customer = await requireCustomer(db, fields.customerId);
      if (fields.onCompany && customer.companyId === null) {
        throw new DbError('invalid', `${customer.name || 'This customer'} has no company.`);
      }
      const companyId = fields.onCompany ? customer.companyId : null;
      const note = Note.parse({
        id: newId(),
        customerId: customer.id,
        companyId,
        body: fields.body,
        pinned: false,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
      const tags = [...customer.tags];
      for (const tag of fields.tags) if (!tags.includes(tag)) tags.push(tag);
      await db.customers.put(Customer.parse({ ...customer, tags: tags.slice(0, 50), updatedAt: now }));
      await db.notes.add(note);
      const customerIds =
        companyId === null
          ? [customer.id]
          : (await db.customers.where('companyId').equals(companyId).primaryKeys()).map(String);
      return { note, customerIds };
    });
  });
}
