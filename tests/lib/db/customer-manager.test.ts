import { describe, expect, it, vi } from 'vitest';
import { CustomerIndex } from '../../../lib/db/customer-list';
import { deleteCustomers, mergeCustomers, undoDelete } from '../../../lib/db/customer-edit';
import { findDuplicates } from '../../../lib/db/duplicates';
import { bookOrders } from '../../../lib/db/orders/book';
import { unknownConsent } from '../../../lib/model/records';
import { allOrders, freshDatabase, makeOrder, NOW, seedCustomer, seedOrders } from './factories';

const query = { search: '', tier: null, stage: null, tag: null, sort: 'name' as const, descending: false, offset: 0, limit: 50 };

describe('CustomerIndex', () => {
  it('searches, filters by tag and tier, sorts by revenue, and sees later writes', async () => {
    const db = freshDatabase();
    await seedCustomer(db, { name: 'Ann', tags: ['vip'], stats: { orderCount: 1, revenue: [{ currency: 'EUR', minor: 500 }], currency: 'EUR', averageOrderMinor: 500, firstOrderAt: 1, lastOrderAt: 1, lastTouchAt: 1 } });
    await seedCustomer(db, { name: 'Bob', emails: ['bob@acme.de'], tierOverride: 'A', stats: { orderCount: 1, revenue: [{ currency: 'EUR', minor: 900 }], currency: 'EUR', averageOrderMinor: 900, firstOrderAt: 1, lastOrderAt: 1, lastTouchAt: 1 } });
    const index = new CustomerIndex(db);
    expect((await index.query({ ...query, search: 'ACME' })).rows.map((r) => r.name)).toEqual(['Bob']);
    expect((await index.query({ ...query, tag: 'vip' })).rows.map((r) => r.name)).toEqual(['Ann']);
    expect((await index.query({ ...query, tier: 'A' })).rows.map((r) => r.name)).toEqual(['Bob']);
    expect((await index.query({ ...query, sort: 'revenue', descending: true })).rows.map((r) => r.name)).toEqual(['Bob', 'Ann']);
    await seedCustomer(db, { name: 'Cleo' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await index.query(query)).total).toBe(3);
  });

  it('answers a search over 20,000 customers from memory, without reading the database again', async () => {
    const db = freshDatabase();
    await db.customers.bulkAdd(Array.from({ length: 20_000 }, (_, i) => ({ ...seedShape(i) })));
    const index = new CustomerIndex(db);
    await index.query(query);
    // Speed is judged by the bench in a real browser; here, that a search reads nothing.
    const reads = vi.spyOn(db.customers, 'toArray');
    const page = await index.query({ ...query, search: 'customer 1999', offset: 0 });
    expect(page.total).toBe(11);
    expect(reads).not.toHaveBeenCalled();
  }, 60_000);
});

function seedShape(i: number) {
  return { id: `c-${i}`, name: `Customer ${i}`, emails: [`c${i}@example.com`], phone: null, companyId: null, tags: [], source: null, externalId: null, birthday: null, preferredChannel: null, difficult: false, family: '', interests: '', tierOverride: null, consent: unknownConsent(), stats: { orderCount: 0, revenue: [], currency: null, averageOrderMinor: null, firstOrderAt: null, lastOrderAt: null, lastTouchAt: null }, insights: null, createdAt: 0, updatedAt: 0, deletedAt: null };
}

describe('delete, undo and merge', () => {
  it('restores exactly what one delete tombstoned', async () => {
    const db = freshDatabase();
    const c = await seedCustomer(db);
    await seedOrders(db, [makeOrder({ customerId: c.id }), makeOrder({ customerId: c.id, deletedAt: NOW - 5 })]);
    const deleted = await deleteCustomers(db, [c.id], NOW);
    expect((await db.customers.get(c.id))?.deletedAt).toBe(NOW);
    expect((await allOrders(db)).map((o) => o.deletedAt).sort()).toEqual([NOW, NOW - 5].sort());
    await undoDelete(db, deleted, NOW + 1);
    expect((await db.customers.get(c.id))?.deletedAt).toBeNull();
    expect((await allOrders(db)).map((o) => o.deletedAt).sort()).toEqual([NOW - 5, null].sort());
  });

  it('suggests duplicates by shared address and by name at a company domain, and merge keeps everything', async () => {
    const db = freshDatabase();
    const a = await seedCustomer(db, { name: 'Jan Petersen', emails: ['jan@nordlicht.de'] });
    const b = await seedCustomer(db, { name: 'jan petersen', emails: ['j.petersen@nordlicht.de', 'jan@gmx.de'], tags: ['x'] });
    await seedCustomer(db, { name: 'Jan Petersen', emails: ['jan.p@gmail.com'] });
    await seedOrders(db, [makeOrder({ customerId: b.id })]);
    await db.notes.add({ id: 'n1', customerId: b.id, body: 'Hi', pinned: false, createdAt: 1, updatedAt: 1, deletedAt: null });
    const groups = await findDuplicates(db);
    expect(groups).toEqual([{ reason: 'name_domain', shared: 'jan petersen @ nordlicht.de', customerIds: [a.id, b.id] }]);
    const merged = await mergeCustomers(db, a.id, [b.id], NOW);
    expect(merged.emails).toEqual(['jan@nordlicht.de', 'j.petersen@nordlicht.de', 'jan@gmx.de']);
    expect(merged.tags).toEqual(['x']);
    expect(merged.stats.orderCount).toBe(1);
    // The order moved into the kept customer's book; the other's book is gone.
    expect((await db.orderBooks.toArray()).map((book) => [book.customerId, bookOrders(book).map((o) => o.customerId)])).toEqual([[a.id, [a.id]]]);
    expect((await db.notes.get('n1'))?.customerId).toBe(a.id);
    expect((await db.customers.get(b.id))?.deletedAt).toBe(NOW);
  });
});
