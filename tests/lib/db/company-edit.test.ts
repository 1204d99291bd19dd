import { describe, expect, it } from 'vitest';
import { getCompany, updateCompany } from '../../../lib/db/company-edit';
import { freshDatabase, makeCustomer, NOW } from './factories';

const company = (id: string, name: string, domains: string[]) => ({ id, name, domains, createdAt: NOW, updatedAt: NOW, deletedAt: null });

describe('company edit', () => {
  it('renames, normalizes domains to registrable ones, and lists live contacts', async () => {
    const db = freshDatabase();
    await db.companies.add(company('co1', 'Nordlicht', ['nordlicht.de']));
    await db.customers.bulkAdd([
      makeCustomer({ id: 'a', name: 'Jan', companyId: 'co1' }),
      makeCustomer({ id: 'b', name: 'Gone', companyId: 'co1', deletedAt: NOW }),
    ]);
    const next = await updateCompany(db, 'co1', { name: 'Nordlicht GmbH', domains: ['https://Shop.Nordlicht.co.uk/de', 'nordlicht.de'] }, NOW + 1);
    expect(next).toMatchObject({ name: 'Nordlicht GmbH', domains: ['nordlicht.co.uk', 'nordlicht.de'], updatedAt: NOW + 1 });
    const { contacts } = await getCompany(db, 'co1');
    expect(contacts.map((c) => c.id)).toEqual(['a']);
  });

  it('refuses a free-mail domain with the reason and writes nothing', async () => {
    const db = freshDatabase();
    await db.companies.add(company('co1', 'Nordlicht', ['nordlicht.de']));
    await expect(updateCompany(db, 'co1', { name: 'Renamed', domains: ['nordlicht.de', 'gmail.com'] }, NOW + 1)).rejects.toThrow(/gmail\.com is a free-mail domain/);
    expect(await db.companies.get('co1')).toMatchObject({ name: 'Nordlicht', domains: ['nordlicht.de'] });
  });

  it('refuses a domain another company has, naming it', async () => {
    const db = freshDatabase();
    await db.companies.bulkAdd([company('co1', 'Nordlicht', ['nordlicht.de']), company('co2', 'Acme', ['acme.example'])]);
    await expect(updateCompany(db, 'co1', { domains: ['acme.example'] }, NOW + 1)).rejects.toThrow('acme.example already belongs to Acme.');
  });
});
