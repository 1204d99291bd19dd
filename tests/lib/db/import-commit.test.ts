import { describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { bookOrders } from '../../../lib/db/orders/book';
import { commitImport } from '../../../lib/db/import-commit';
import { discardImport, stageChunk, sweepStaging } from '../../../lib/db/import-staging';
import { findCustomersByEmails } from '../../../lib/db/index';
import type { FormatId } from '../../../lib/import/format';
import type { Customer } from '../../../lib/model/records';
import { runCsvImport } from '../../../lib/import/job';
import { blobOf, fixture } from '../import/helpers';
import { allOrders, freshDatabase, NOW, seedCustomer } from './factories';

async function stageFile(db: CrmDatabase, importId: string, text: string, format: FormatId) {
  return runCsvImport(blobOf(text), { format, mapping: null, options: { currency: 'EUR' }, encoding: 'utf-8' }, {
    deliver: (batch) => stageChunk(db, importId, batch.seq, { kind: 'drafts', customers: batch.customers, orders: batch.orders }),
  });
}

const ORDERS = fixture('shopify/orders_export_1.sample-2025-redacted.csv');

async function snapshot(db: CrmDatabase) {
  return {
    customers: await db.customers.toArray(),
    companies: await db.companies.toArray(),
    orders: (await allOrders(db)).sort((x, y) => (x.id < y.id ? -1 : 1)),
    notes: await db.notes.toArray(),
  };
}

/** The customer ids of every book written from now on. */
function spyBookWrites(db: CrmDatabase): string[] {
  const written: string[] = [];
  const original = db.orderBooks.bulkPut.bind(db.orderBooks);
  db.orderBooks.bulkPut = ((rows: Parameters<typeof original>[0]) => {
    written.push(...rows.map((r) => r.customerId as string));
    return original(rows);
  }) as typeof db.orderBooks.bulkPut;
  return written;
}

describe('commitImport', () => {
  it('keeps staged rows invisible until the commit, then writes customers with figures', async () => {
    const db = freshDatabase();
    await stageFile(db, 'imp-1', ORDERS, 'shopify-orders');
    expect(await db.customers.count()).toBe(0);
    expect((await findCustomersByEmails(db, ['customer.a@example.com'])).size).toBe(0);

    const summary = await commitImport(db, 'imp-1', NOW);
    const customers = await findCustomersByEmails(db, ['customer.a@example.com', 'customer.b@example.com']);
    expect(customers.size).toBe(2);
    const a = customers.get('customer.a@example.com');
    const aOrders = (await allOrders(db)).filter((o) => o.customerId === a?.id);
    expect(a?.stats.orderCount).toBe(aOrders.length);
    expect(a?.stats.revenue[0]?.currency).toBe('INR');
    expect(summary.ordersCreated).toBe((await allOrders(db)).length);
    expect(await db.importChunks.count()).toBe(0);
  });

  it('creates no duplicates when the same file is imported twice', async () => {
    const db = freshDatabase();
    await stageFile(db, 'imp-1', ORDERS, 'shopify-orders');
    await commitImport(db, 'imp-1', NOW);
    const before = await snapshot(db);
    await stageFile(db, 'imp-2', ORDERS, 'shopify-orders');
    const written = spyBookWrites(db);
    const again = await commitImport(db, 'imp-2', NOW + 1000);
    expect(again).toMatchObject({ customersCreated: 0, customersUpdated: 0, ordersCreated: 0, ordersUpdated: 0 });
    expect(await snapshot(db)).toEqual(before);
    // Nothing changed: no book is rewritten.
    expect(written).toEqual([]);
  });

  it('rewrites only the books whose orders a re-import changes', async () => {
    const db = freshDatabase();
    await stageFile(db, 'imp-1', ORDERS, 'shopify-orders');
    await commitImport(db, 'imp-1', NOW);
    const lines = ORDERS.split('\n');
    const header = (lines[0] as string).split(',');
    const status = header.indexOf('Financial Status');
    const first = (lines[1] as string).split(',');
    expect(status).toBeGreaterThan(-1);
    expect(first[status]).not.toBe('refunded');
    first[status] = 'refunded';
    const changed = [lines[0], first.join(','), ...lines.slice(2)].join('\n');
    await stageFile(db, 'imp-2', changed, 'shopify-orders');
    const written = spyBookWrites(db);
    const summary = await commitImport(db, 'imp-2', NOW + 1000);
    expect(summary).toMatchObject({ ordersCreated: 0, ordersUpdated: 1 });
    expect(written).toHaveLength(1);
    const refunded = (await allOrders(db)).filter((o) => o.status === 'refunded');
    expect(written[0]).toBe(refunded[0]?.customerId);
  });

  it('fills in an existing customer found by address without overwriting what was typed', async () => {
    const db = freshDatabase();
    const existing = await seedCustomer(db, { name: 'Maria J.', emails: ['maria@nordlicht-moebel.de'], tags: ['vip'], phone: null });
    const csv = 'First Name,Last Name,Email,Company,Phone,Total Spent,Total Orders,Tags,Note\nMaria,Jensen,MARIA@nordlicht-moebel.de,Nordlicht Möbel,+49 40 1,0,0,"wholesale, vip",Back entrance\n';
    await stageFile(db, 'imp-1', csv, 'shopify-customers');
    const summary = await commitImport(db, 'imp-1', NOW);
    expect(summary).toMatchObject({ customersCreated: 0, customersUpdated: 1, companiesCreated: 1, notesAdded: 1 });
    const after = await db.customers.get(existing.id);
    expect(after).toMatchObject({ name: 'Maria J.', phone: '+49 40 1', tags: ['vip', 'wholesale'] });
    const company = await db.companies.get(after?.companyId ?? '');
    expect(company).toMatchObject({ name: 'Nordlicht Möbel', domains: ['nordlicht-moebel.de'] });
    // The note is not added a second time on re-import.
    await stageFile(db, 'imp-2', csv, 'shopify-customers');
    expect((await commitImport(db, 'imp-2', NOW)).notesAdded).toBe(0);
  });

  it('leaves the database exactly as it was when an import is cancelled or abandoned', async () => {
    const db = freshDatabase();
    await seedCustomer(db);
    const before = await snapshot(db);
    await stageFile(db, 'imp-1', ORDERS, 'shopify-orders');
    await discardImport(db, 'imp-1');
    await stageFile(db, 'imp-2', ORDERS, 'shopify-orders');
    // The tab closed: the next import sweeps what imp-2 left behind (it never had a run record).
    await sweepStaging(db, NOW);
    expect(await db.importChunks.count()).toBe(0);
    expect(await snapshot(db)).toEqual(before);
    await expect(commitImport(db, 'imp-2', NOW)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts a refund as a negative order and a cancelled order as no revenue', async () => {
    const db = freshDatabase();
    const headers = 'Name,Email,Financial Status,Currency,Total,Created at,Cancelled at,Refunded Amount,Id,Lineitem name,Billing Name';
    const csv = [headers, '#1,a@example.com,paid,EUR,100.00,2026-01-01 10:00:00 +0100,,20.00,11,Chair,Ann', '#2,a@example.com,voided,EUR,50.00,2026-02-01 10:00:00 +0100,2026-02-02 10:00:00 +0100,,12,Lamp,Ann'].join('\n');
    await stageFile(db, 'imp', csv, 'shopify-orders');
    await commitImport(db, 'imp', NOW);
    const [customer] = await db.customers.toArray();
    expect(customer?.name).toBe('Ann');
    expect(customer?.stats).toMatchObject({ orderCount: 1, revenue: [{ currency: 'EUR', minor: 8000 }] });
  });
});

describe('commitImport over many chunks', () => {
  const customer = (i: number) => ({ key: `email:c${i}@example.com`, emails: [`c${i}@example.com`], name: `C ${i}`, phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'shopify' as const, externalId: null });
  const order = (i: number, customerIndex: number) => ({ customerKey: `email:c${customerIndex}@example.com`, source: 'shopify' as const, externalId: `o${i}`, number: `#${i}`, orderedAt: NOW - i, total: { currency: 'EUR', minor: 1000 }, status: 'paid' });

  it('moves an order that came again for its owner, then for another customer in a later chunk', async () => {
    const db = freshDatabase();
    await stageChunk(db, 'imp-1', 0, { kind: 'drafts', customers: [customer(0), customer(1)], orders: [order(0, 0)] });
    await commitImport(db, 'imp-1', NOW);
    const [stored] = await allOrders(db);
    await stageChunk(db, 'imp-2', 0, { kind: 'drafts', customers: [customer(0)], orders: [order(0, 0)] });
    await stageChunk(db, 'imp-2', 1, { kind: 'drafts', customers: [customer(1)], orders: [order(0, 1)] });
    await commitImport(db, 'imp-2', NOW + 1);
    const orders = (await allOrders(db)).filter((o) => o.externalId === 'o0');
    expect(orders).toHaveLength(1);
    const owner = (await findCustomersByEmails(db, ['c1@example.com'])).get('c1@example.com');
    expect(orders[0]).toMatchObject({ id: stored?.id, customerId: owner?.id, createdAt: stored?.createdAt });
    const former = (await findCustomersByEmails(db, ['c0@example.com'])).get('c0@example.com');
    expect(former?.stats.orderCount).toBe(0);
    expect(owner?.stats.orderCount).toBe(1);
  });

  async function stageChunks(db: CrmDatabase, importId: string) {
    // Customers reappear in later chunks, as in an orders export; one order repeats across chunks.
    for (let seq = 0; seq < 4; seq++) {
      const customers = [0, 1, 2].map((k) => customer(seq + k));
      const orders = [0, 1, 2].map((k) => order(seq * 3 + k, seq + k));
      if (seq === 3) orders.push({ ...order(0, 3), total: { currency: 'EUR', minor: 2500 } });
      await stageChunk(db, importId, seq, { kind: 'drafts', customers, orders });
    }
  }

  it('writes every chunk, with later chunks seeing earlier ones', async () => {
    const db = freshDatabase();
    await stageChunks(db, 'imp-1');
    const summary = await commitImport(db, 'imp-1', NOW);
    expect(summary).toMatchObject({ customersCreated: 6, ordersCreated: 12 });
    expect(await allOrders(db)).toHaveLength(12);
    // The repeated order is one row, with the later chunk's values, owned by the later customer.
    const repeated = (await allOrders(db)).filter((o) => o.source === 'shopify' && o.externalId === 'o0');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]?.total.minor).toBe(2500);
    // Figures match the stored orders for both the customer the order moved to and the one it left.
    for (const email of ['c0@example.com', 'c3@example.com']) {
      const c = (await findCustomersByEmails(db, [email])).get(email);
      expect(c?.stats.orderCount, email).toBe((await allOrders(db)).filter((o) => o.customerId === c?.id).length);
      const book = await db.orderBooks.get(c?.id ?? '');
      expect((book === undefined ? [] : bookOrders(book)).every((o) => o.customerId === c?.id), email).toBe(true);
    }
    expect(await db.importChunks.count()).toBe(0);
  });

  it('finds existing customers alike whether it looks them up chunk by chunk or reads them all', async () => {
    // Six customers exist; one chunk looks them up by address, four chunks read them all first.
    const results = [];
    for (const chunks of [1, 4]) {
      const db = freshDatabase();
      const existing: Customer[] = [];
      for (let i = 0; i < 6; i++) existing.push(await seedCustomer(db, { emails: [`c${i}@example.com`], name: `Kept ${i}`, createdAt: NOW - 100 + i }));
      // A later customer sharing an address: the address still resolves to the older one.
      await seedCustomer(db, { emails: ['c0@example.com'], name: 'Newer duplicate', createdAt: NOW - 50 });
      for (let seq = 0; seq < chunks; seq++) {
        const customers = [0, 1, 2, 3, 4, 5].filter((i) => i % chunks === seq).map(customer);
        const orders = customers.map((c, k) => order(seq * 10 + k, Number(c.key.slice(7, -12))));
        await stageChunk(db, 'imp', seq, { kind: 'drafts', customers, orders });
      }
      const summary = await commitImport(db, 'imp', NOW);
      expect(summary.customersCreated).toBe(0);
      expect(await db.customers.count()).toBe(7);
      const owners = (await allOrders(db)).map((o) => o.customerId);
      expect(owners.every((id) => existing.some((c) => c.id === id)), `${chunks} chunk(s)`).toBe(true);
      results.push((await db.customers.toArray()).map((c) => [c.name, c.stats.orderCount]).sort());
    }
    expect(results[0]).toEqual(results[1]);
  });

  it('writes nothing when the orders fail to store, and keeps the staged rows', async () => {
    const db = freshDatabase();
    await seedCustomer(db);
    const before = await snapshot(db);
    await stageChunks(db, 'imp-1');
    const original = db.orderBooks.bulkPut.bind(db.orderBooks);
    // A real IndexedDB failure after customers were written: a book without its primary key.
    db.orderBooks.bulkPut = ((rows: Parameters<typeof original>[0]) =>
      original(rows.map((r) => ({ ...r, customerId: undefined as unknown as string })))) as typeof db.orderBooks.bulkPut;
    await expect(commitImport(db, 'imp-1', NOW)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.importChunks.count()).toBe(4);
  });
});
