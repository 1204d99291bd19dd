import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addQuickNote, getCustomerCard } from '../../../lib/db/index';
import { DbError } from '../../../lib/db/errors';
import { NOW, freshDatabase, seedCustomer } from './factories';

let db: CrmDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

async function seedCompany(id: string) {
  await db.companies.add({ id, name: 'Nordlicht Möbel', domains: ['nordlicht.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null });
}

describe('addQuickNote', () => {
  it('shows a company note on every contact of that company, and not on others', async () => {
    await seedCompany('co-1');
    const maria = await seedCustomer(db, { companyId: 'co-1' });
    const jan = await seedCustomer(db, { companyId: 'co-1' });
    const outsider = await seedCustomer(db);

    const { note, customerIds } = await addQuickNote(db, { customerId: maria.id, body: 'Closed in August', onCompany: true }, NOW);
    expect(note).toMatchObject({ customerId: maria.id, companyId: 'co-1' });
    expect(customerIds.sort()).toEqual([maria.id, jan.id].sort());

    expect((await getCustomerCard(db, jan.id))?.notes.map((n) => n.body)).toEqual(['Closed in August']);
    expect((await getCustomerCard(db, maria.id))?.notes.map((n) => n.body)).toEqual(['Closed in August']);
    expect((await getCustomerCard(db, outsider.id))?.notes).toEqual([]);
  });

  it('keeps a personal note on its customer only', async () => {
    await seedCompany('co-1');
    const maria = await seedCustomer(db, { companyId: 'co-1' });
    const jan = await seedCustomer(db, { companyId: 'co-1' });
    await addQuickNote(db, { customerId: maria.id, body: 'Daughter starts school', onCompany: false }, NOW);
    expect((await getCustomerCard(db, maria.id))?.notes).toHaveLength(1);
    expect((await getCustomerCard(db, jan.id))?.notes).toEqual([]);
  });

  it('merges the note’s tags into the customer’s without duplicates', async () => {
    const customer = await seedCustomer(db, { tags: ['wholesale'] });
    await addQuickNote(db, { customerId: customer.id, body: 'x', tags: ['oak', 'wholesale'] }, NOW);
    expect((await db.customers.get(customer.id))?.tags).toEqual(['wholesale', 'oak']);
  });

  it('refuses a company note for a customer without a company', async () => {
    const customer = await seedCustomer(db);
    const saving = addQuickNote(db, { customerId: customer.id, body: 'x', onCompany: true }, NOW);
    await expect(saving).rejects.toBeInstanceOf(DbError);
    await expect(saving).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.notes.count()).toBe(0);
  });
});
