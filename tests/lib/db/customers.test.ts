import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addInteraction, addNote, addOrder, createCustomer, deleteOrder, findCustomersByEmails, getCustomerCard } from '../../../lib/db/index';
import type { NewCustomer } from '../../../lib/messaging/protocol';
import { DAY, NOW, freshDatabase, seedCustomer } from './factories';

let db: CrmDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.delete());

const newCustomer = (fields: Partial<NewCustomer> = {}): NewCustomer => ({
  name: 'Jonas Weber',
  email: 'jonas.weber@kaffeerad.de',
  companyName: null,
  phone: null,
  tags: [],
  ...fields,
});

describe('findCustomersByEmails', () => {
  it('maps every address of a customer with several when asked for them', async () => {
    const maria = await seedCustomer(db, { emails: ['maria@nordlicht.de', 'm.jensen@gmail.com'] });
    const tom = await seedCustomer(db, { emails: ['tom@becker.de'] });
    const found = await findCustomersByEmails(db, ['maria@nordlicht.de', 'm.jensen@gmail.com', 'tom@becker.de', 'nobody@x.de']);
    expect([...found.entries()].map(([email, c]) => [email, c.id]).sort()).toEqual(
      [['m.jensen@gmail.com', maria.id], ['maria@nordlicht.de', maria.id], ['tom@becker.de', tom.id]].sort(),
    );
  });

  it('leaves out tombstoned customers', async () => {
    await seedCustomer(db, { emails: ['gone@example.com'], deletedAt: NOW });
    expect((await findCustomersByEmails(db, ['gone@example.com'])).size).toBe(0);
  });

  it('returns an empty map when asked for no addresses', async () => {
    await seedCustomer(db);
    expect((await findCustomersByEmails(db, [])).size).toBe(0);
  });
});

describe('getCustomerCard', () => {
  it('returns history newest first and pinned notes first, without tombstones', async () => {
    const c = await seedCustomer(db);
    const old = await addOrder(db, { customerId: c.id, orderedAt: NOW - 90 * DAY, total: { currency: 'EUR', minor: 100 } }, NOW);
    const recent = await addOrder(db, { customerId: c.id, orderedAt: NOW - DAY, total: { currency: 'EUR', minor: 200 } }, NOW);
    const gone = await addOrder(db, { customerId: c.id, orderedAt: NOW - 5 * DAY, total: { currency: 'EUR', minor: 300 } }, NOW);
    await deleteOrder(db, c.id, gone.id, NOW);
    const call = await addInteraction(db, { customerId: c.id, kind: 'call', at: NOW - 10 * DAY }, NOW);
    const mail = await addInteraction(db, { customerId: c.id, kind: 'email', at: NOW - 2 * DAY }, NOW);
    const first = await addNote(db, { customerId: c.id, body: 'first' }, NOW - 3 * DAY);
    const pinned = await addNote(db, { customerId: c.id, body: 'pinned', pinned: true }, NOW - 4 * DAY);
    const latest = await addNote(db, { customerId: c.id, body: 'latest' }, NOW - DAY);
    const other = await seedCustomer(db);
    await addOrder(db, { customerId: other.id, orderedAt: NOW, total: { currency: 'EUR', minor: 1 } }, NOW);

    const card = await getCustomerCard(db, c.id);
    expect(card?.orders.map((o) => o.id)).toEqual([recent.id, old.id]);
    expect(card?.interactions.map((i) => i.id)).toEqual([mail.id, call.id]);
    expect(card?.notes.map((n) => n.id)).toEqual([pinned.id, latest.id, first.id]);
    expect(card?.customer.stats.orderCount).toBe(2);
    expect(card?.company).toBeNull();
  });

  it('returns null when the customer is tombstoned or unknown', async () => {
    const c = await seedCustomer(db, { deletedAt: NOW });
    expect(await getCustomerCard(db, c.id)).toBeNull();
    expect(await getCustomerCard(db, 'nope')).toBeNull();
  });
});

describe('createCustomer', () => {
  it('stores the normalized address so a lookup by it finds the customer', async () => {
    const created = await createCustomer(db, newCustomer({ email: ' Jonas.Weber@Kaffeerad.DE\u202c' }), NOW);
    expect(created.emails).toEqual(['jonas.weber@kaffeerad.de']);
    expect((await findCustomersByEmails(db, ['jonas.weber@kaffeerad.de'])).get('jonas.weber@kaffeerad.de')?.id).toBe(created.id);
    expect(created.stats.orderCount).toBe(0);
  });

  it('creates a company with the registrable domain when none is known', async () => {
    const created = await createCustomer(db, newCustomer({ email: 'jonas@shop.kaffeerad.de', companyName: 'Kaffeerad' }), NOW);
    const card = await getCustomerCard(db, created.id);
    expect(card?.company).toMatchObject({ name: 'Kaffeerad', domains: ['kaffeerad.de'] });
  });

  it('links the company already known by the domain when a colleague is added', async () => {
    const first = await createCustomer(db, newCustomer({ companyName: 'Kaffeerad' }), NOW);
    const second = await createCustomer(db, newCustomer({ name: 'Eva', email: 'eva@kaffeerad.de', companyName: 'Kaffeerad GmbH' }), NOW);
    expect(second.companyId).toBe(first.companyId);
    expect(await db.companies.count()).toBe(1);
  });

  it('creates a company without a domain when the address is free mail', async () => {
    const created = await createCustomer(db, newCustomer({ email: 'lena.vogel@gmail.com', companyName: 'Vogel Design' }), NOW);
    const again = await createCustomer(db, newCustomer({ email: 'someone@gmail.com', companyName: 'Other Ltd' }), NOW);
    const companies = await db.companies.toArray();
    expect(companies.map((c) => c.domains)).toEqual([[], []]);
    expect(again.companyId).not.toBe(created.companyId);
  });

  it('creates no company when no company name is given', async () => {
    const created = await createCustomer(db, newCustomer(), NOW);
    expect(created.companyId).toBeNull();
    expect(await db.companies.count()).toBe(0);
  });

  it('refuses an address that already belongs to a live customer, naming that customer', async () => {
    const existing = await seedCustomer(db, { emails: ['m.jensen@gmail.com', 'jonas.weber@kaffeerad.de'] });
    await expect(createCustomer(db, newCustomer({ email: 'JONAS.WEBER@kaffeerad.de' }), NOW)).rejects.toMatchObject({
      code: 'conflict',
      existingId: existing.id,
    });
    expect(await db.customers.count()).toBe(1);
  });

  it('allows the address again when its previous owner is tombstoned', async () => {
    await seedCustomer(db, { emails: ['jonas.weber@kaffeerad.de'], deletedAt: NOW });
    await expect(createCustomer(db, newCustomer(), NOW)).resolves.toMatchObject({ emails: ['jonas.weber@kaffeerad.de'] });
  });

  it('refuses an invalid address as invalid without writing', async () => {
    await expect(createCustomer(db, newCustomer({ email: 'jonas weber@kaffeerad' }), NOW)).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.customers.count()).toBe(0);
  });
});
