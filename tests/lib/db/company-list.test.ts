import { describe, expect, it, vi } from 'vitest';
import { CompanyIndex, type CompanyListQuery } from '../../../lib/db/company-list';
import type { Company, CustomerStats } from '../../../lib/model/records';
import { freshDatabase, makeCustomer, NOW } from './factories';

const query: CompanyListQuery = { search: '', sort: 'name', descending: false, offset: 0, limit: 50 };

const company = (id: string, name: string, domains: string[], fields: Partial<Company> = {}): Company => ({ id, name, domains, createdAt: NOW, updatedAt: NOW, deletedAt: null, ...fields });

function stats(revenue: CustomerStats['revenue'], lastOrderAt: number | null): CustomerStats {
  return { orderCount: revenue.length, revenue, currency: revenue[0]?.currency ?? null, averageOrderMinor: null, firstOrderAt: lastOrderAt, lastOrderAt, lastTouchAt: lastOrderAt };
}

/** Lets Dexie's storagemutated event reach the index. */
const changesSeen = () => new Promise((resolve) => setTimeout(resolve, 10));

async function seedThree() {
  const db = freshDatabase();
  await db.companies.bulkAdd([
    company('nord', 'Nordlicht Möbel', ['nordlicht.de', 'nordlicht.co.uk']),
    company('becker', 'Becker Bau', ['becker-bau.de']),
    company('mueller', 'Müller & Söhne', ['mueller-soehne.de']),
    company('gone', 'Gone GmbH', ['gone.de'], { deletedAt: NOW }),
  ]);
  await db.customers.bulkAdd([
    makeCustomer({ id: 'n1', companyId: 'nord', stats: stats([{ currency: 'EUR', minor: 10_000 }, { currency: 'USD', minor: 2_000 }], NOW - 5_000) }),
    makeCustomer({ id: 'n2', companyId: 'nord', stats: stats([{ currency: 'EUR', minor: 5_000 }], NOW - 1_000) }),
    makeCustomer({ id: 'n3', companyId: 'nord', stats: stats([{ currency: 'EUR', minor: 99_999 }], NOW), deletedAt: NOW }),
    makeCustomer({ id: 'b1', companyId: 'becker', stats: stats([{ currency: 'EUR', minor: 40_000 }], NOW - 9_000) }),
    makeCustomer({ id: 'x1', companyId: 'gone', stats: stats([{ currency: 'EUR', minor: 1 }], NOW) }),
    makeCustomer({ id: 'solo', companyId: null, stats: stats([{ currency: 'EUR', minor: 7 }], NOW) }),
  ]);
  return db;
}

describe('CompanyIndex', () => {
  it('lists every live company with its live contacts, their revenue per currency and the last order', async () => {
    const index = new CompanyIndex(await seedThree());
    const page = await index.query(query);
    expect(page.total).toBe(3);
    expect(page.rows).toEqual([
      { id: 'becker', name: 'Becker Bau', domains: ['becker-bau.de'], contactCount: 1, revenue: [{ currency: 'EUR', minor: 40_000 }], lastOrderAt: NOW - 9_000 },
      { id: 'mueller', name: 'Müller & Söhne', domains: ['mueller-soehne.de'], contactCount: 0, revenue: [], lastOrderAt: null },
      {
        id: 'nord',
        name: 'Nordlicht Möbel',
        domains: ['nordlicht.de', 'nordlicht.co.uk'],
        contactCount: 2,
        // Added up per currency, never converted; the deleted contact's 999.99 is not counted.
        revenue: [
          { currency: 'EUR', minor: 15_000 },
          { currency: 'USD', minor: 2_000 },
        ],
        lastOrderAt: NOW - 1_000,
      },
    ]);
  });

  it('finds companies by name or domain, ignoring case and accents, and a pasted address by its host', async () => {
    const index = new CompanyIndex(await seedThree());
    const names = async (search: string) => (await index.query({ ...query, search })).rows.map((r) => r.name);
    expect(await names('NORD')).toEqual(['Nordlicht Möbel']);
    expect(await names('co.uk')).toEqual(['Nordlicht Möbel']);
    expect(await names('becker-bau')).toEqual(['Becker Bau']);
    expect(await names('muller')).toEqual(['Müller & Söhne']);
    expect(await names('https://www.becker-bau.de/kontakt')).toEqual(['Becker Bau']);
    expect(await names('gone')).toEqual([]);
    expect(await names('zzz')).toEqual([]);
  });

  it('sorts by name, revenue, last order and contacts, either way', async () => {
    const index = new CompanyIndex(await seedThree());
    const ids = async (sort: CompanyListQuery['sort'], descending: boolean) => (await index.query({ ...query, sort, descending })).rows.map((r) => r.id);
    expect(await ids('name', true)).toEqual(['nord', 'mueller', 'becker']);
    expect(await ids('revenue', true)).toEqual(['becker', 'nord', 'mueller']);
    expect(await ids('lastOrder', true)).toEqual(['nord', 'becker', 'mueller']);
    expect(await ids('lastOrder', false)).toEqual(['mueller', 'becker', 'nord']);
    expect(await ids('contacts', true)).toEqual(['nord', 'becker', 'mueller']);
  });

  it('pages through the matches and sees later writes to companies and customers', async () => {
    const db = await seedThree();
    const index = new CompanyIndex(db);
    expect((await index.query({ ...query, offset: 1, limit: 1 })).rows.map((r) => r.id)).toEqual(['mueller']);
    await db.companies.add(company('acme', 'Acme', ['acme.example']));
    await db.customers.update('b1', { companyId: 'mueller' });
    await changesSeen();
    const page = await index.query(query);
    expect(page.rows.map((r) => [r.id, r.contactCount])).toEqual([
      ['acme', 0],
      ['becker', 0],
      ['mueller', 1],
      ['nord', 2],
    ]);
  });

  it('answers a search over 5,000 companies from memory, without reading the database again', async () => {
    const db = freshDatabase();
    await db.companies.bulkAdd(Array.from({ length: 5_000 }, (_, i) => company(`co-${i}`, `Company ${i}`, [`company${i}.example`])));
    await db.customers.bulkAdd(Array.from({ length: 10_000 }, (_, i) => makeCustomer({ id: `c-${i}`, companyId: `co-${i % 5_000}`, stats: stats([{ currency: 'EUR', minor: i }], NOW) })));
    const index = new CompanyIndex(db);
    expect((await index.query(query)).total).toBe(5_000);
    const reads = vi.spyOn(db.customers, 'toArray');
    const page = await index.query({ ...query, search: 'company499', sort: 'revenue', descending: true });
    expect(page.rows.map((r) => r.name)).toEqual(['Company 4999', 'Company 4998', 'Company 4997', 'Company 4996', 'Company 4995', 'Company 4994', 'Company 4993', 'Company 4992', 'Company 4991', 'Company 4990', 'Company 499']);
    expect(page.rows[0]?.revenue).toEqual([{ currency: 'EUR', minor: 4_999 + 9_999 }]);
    expect(reads).not.toHaveBeenCalled();
  }, 60_000);
});
