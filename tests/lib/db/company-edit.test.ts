import { describe, expect, it } from 'vitest';
import { createCompany, getCompany, updateCompany } from '../../../lib/db/company-edit';
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

describe('company create', () => {
  it('adds a company with its domains made registrable, lower-case and without repeats', async () => {
    const db = freshDatabase();
    const created = await createCompany(db, { name: '  Kaffeerad  ', domains: ['https://Shop.Kaffeerad.co.uk/de', 'kaffeerad.co.uk', 'KAFFEERAD.de'] }, NOW);
    expect(created).toMatchObject({ name: 'Kaffeerad', domains: ['kaffeerad.co.uk', 'kaffeerad.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null });
    expect(await db.companies.get(created.id)).toEqual(created);
    expect(await createCompany(db, { name: 'No Website Yet', domains: [] }, NOW)).toMatchObject({ domains: [] });
  });

  it.each([
    ['not a domain', ['localhost'], '“localhost” is not a domain.'],
    ['a bare public suffix', ['co.uk'], '“co.uk” is not a domain.'],
    ['a free-mail domain', ['kaffeerad.de', 'gmx.de'], 'gmx.de is a free-mail domain'],
    ['a domain another company has', ['www.nordlicht.de'], 'nordlicht.de already belongs to Nordlicht.'],
  ])('refuses %s with the reason and writes nothing', async (_case, domains, reason) => {
    const db = freshDatabase();
    await db.companies.add(company('co1', 'Nordlicht', ['nordlicht.de']));
    await expect(createCompany(db, { name: 'Kaffeerad', domains }, NOW)).rejects.toThrow(reason);
    expect(await db.companies.count()).toBe(1);
  });

  it('refuses a second live company of the same name, but not the name of a deleted one', async () => {
    const db = freshDatabase();
    await db.companies.bulkAdd([company('co1', 'Nordlicht', ['nordlicht.de']), { ...company('co2', 'Acme', []), deletedAt: NOW }]);
    await expect(createCompany(db, { name: 'NORDLICHT ', domains: [] }, NOW)).rejects.toMatchObject({ code: 'conflict', message: 'Nordlicht already exists.', existingId: 'co1' });
    expect(await createCompany(db, { name: 'Acme', domains: [] }, NOW)).toMatchObject({ name: 'Acme' });
  });
});
