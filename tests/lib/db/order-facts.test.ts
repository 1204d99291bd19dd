import { describe, expect, it } from 'vitest';
import { addInteraction, addOrder, deleteOrder } from '../../../lib/db/activity';
import { commitRestore } from '../../../lib/db/backup';
import { bulkInsert } from '../../../lib/db/bulk';
import { deleteCustomers, mergeCustomers, undoDelete } from '../../../lib/db/customer-edit';
import type { CrmDatabase } from '../../../lib/db/schema';
import { bookKey, bookOf, bookOrders, byDateThenId } from '../../../lib/db/orders/book';
import { allOrderFacts, getOrderFacts, putOrderFacts } from '../../../lib/db/orders/facts';
import { expandOrderFacts, factsPrefix, mergeFacts, orderFactsRow, SINGLE_WRITE_LIMIT } from '../../../lib/db/orders/fact-rows';
import { keyPage } from '../../../lib/db/orders/key-pages';
import { commitImport } from '../../../lib/db/import-commit';
import { stageChunk } from '../../../lib/db/import-staging';
import { readAllFacts } from '../../../lib/db/insights';
import { computeStats } from '../../../lib/db/stats';
import type { CustomerDraft, OrderDraft } from '../../../lib/import/drafts';
import type { Customer, Order } from '../../../lib/model/records';
import { DAY, freshDatabase, makeCustomer, makeOrder, NOW, seedCustomer } from './factories';

/**
 * The order facts (lib/db/orders/fact-rows.ts) are derived data that a full insights recompute reads
 * instead of the orders. Every write path must keep them equal to the orders; this checks the
 * invariant after each one, together with the cached figures computed by the same writes, and
 * the order books' own (lib/db/orders/book.ts): each order in one book, its customer's, sorted,
 * with one order key per order (lib/db/orders/key-pages.ts).
 */
async function expectDerivedDataCurrent(db: CrmDatabase): Promise<void> {
  const customers = (await db.customers.toArray()).filter((c) => c.deletedAt === null);
  const books = await db.orderBooks.toArray();
  const orders = books.flatMap(bookOrders);
  expect(new Set(orders.map((o) => o.id)).size, 'each order in one book').toBe(orders.length);
  for (const book of books) {
    const own = bookOrders(book);
    expect(own.length, 'no empty book').toBeGreaterThan(0);
    expect(own.every((o) => o.customerId === book.customerId), `orders of ${book.customerId} in their book`).toBe(true);
    expect(own, 'oldest first').toEqual([...own].sort(byDateThenId));
    // The columns hold exactly what the records were (bookOf ∘ bookOrders is the identity).
    expect(bookOf(book.customerId, own)).toEqual(book);
  }
  // Order keys: exactly one per stored order, owned by the customer whose book holds it.
  const keyPages = await db.orderKeyPages.toArray();
  const located = new Map<string, string>();
  for (const page of keyPages) {
    expect(page.keys.length, `key page ${page.page} not empty`).toBeGreaterThan(0);
    page.keys.forEach((key, i) => {
      expect(keyPage(key), `key ${key} in its page`).toBe(page.page);
      expect(located.has(key), `key ${key} stored once`).toBe(false);
      located.set(key, page.owners[i] as string);
    });
  }
  expect(located, 'order keys').toEqual(new Map(orders.map((o) => [bookKey(o), o.customerId])));
  // Pages: none empty, each row in the page of its id's prefix, rows in id order.
  for (const page of await db.orderFactPages.toArray()) {
    const ids = page.rows.map((row) => row.customerId);
    expect(ids.length, `page ${page.prefix} not empty`).toBeGreaterThan(0);
    expect(ids.every((id) => factsPrefix(id) === page.prefix), `rows of page ${page.prefix}`).toBe(true);
    expect(ids, `page ${page.prefix} in id order, each customer once`).toEqual([...new Set(ids)].sort());
  }
  const interactions = await db.interactions.toArray();
  for (const customer of customers) {
    const own = orders.filter((o) => o.customerId === customer.id);
    const expected = orderFactsRow(customer.id, own);
    const row = await getOrderFacts(db, customer.id);
    expect(row === undefined ? null : expandOrderFacts(row), `order facts of ${customer.name}`).toEqual(expected === null ? null : expandOrderFacts(expected));
    expect(customer.stats, `figures of ${customer.name}`).toEqual(computeStats(own, interactions.filter((i) => i.customerId === customer.id)));
  }
}

function customerDraft(email: string, name: string): CustomerDraft {
  return { key: `email:${email}`, emails: [email], name, phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'shopify', externalId: null };
}

function orderDraft(email: string, externalId: string, daysAgo: number, minor: number, status: string | null = 'paid'): OrderDraft {
  return { customerKey: `email:${email}`, source: 'shopify', externalId, number: `#${externalId}`, orderedAt: NOW - daysAgo * DAY, total: { currency: 'EUR', minor }, status };
}

async function importDrafts(db: CrmDatabase, importId: string, customers: CustomerDraft[], orders: OrderDraft[], now = NOW): Promise<void> {
  await stageChunk(db, importId, 0, { kind: 'drafts', customers, orders });
  await commitImport(db, importId, now);
}

describe('order facts', () => {
  it('give back exactly the live orders, oldest first: ids of any length, numbers empty or missing, mixed currencies', () => {
    const orders = [
      makeOrder({ customerId: 'c', id: 'b-long-id-0001', orderedAt: 3, number: '', total: { currency: 'EUR', minor: 1 }, status: 'paid' }),
      makeOrder({ customerId: 'c', id: 'a', orderedAt: 3, number: null, total: { currency: 'USD', minor: -2 }, status: null }),
      makeOrder({ customerId: 'c', id: 'z', orderedAt: 1, number: '#12', total: { currency: 'EUR', minor: 3 }, status: 'paid' }),
      makeOrder({ customerId: 'c', id: 'gone', orderedAt: 2, deletedAt: 5 }),
    ];
    const row = orderFactsRow('c', orders);
    expect(row && expandOrderFacts(row)).toEqual(
      [orders[2], orders[1], orders[0]].map((o) => ({ id: o?.id, number: o?.number, orderedAt: o?.orderedAt, total: o?.total, status: o?.status, deletedAt: null })),
    );
    expect(orderFactsRow('c', [orders[3] as Order])).toBeNull();
  });

  it('follow single writes: an order added, an order deleted, an interaction logged', async () => {
    const db = freshDatabase();
    const c = await seedCustomer(db, { name: 'Single' });
    const first = await addOrder(db, { customerId: c.id, orderedAt: NOW - 20 * DAY, total: { currency: 'EUR', minor: 5_000 }, number: '#1' }, NOW);
    await addOrder(db, { customerId: c.id, orderedAt: NOW - 40 * DAY, total: { currency: 'USD', minor: 7_000 }, status: 'cancelled' }, NOW);
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, c.id))?.status).toEqual(['cancelled', null]);

    await deleteOrder(db, c.id, first.id, NOW);
    await addInteraction(db, { customerId: c.id, kind: 'call', at: NOW - DAY }, NOW);
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, c.id))?.ids).toHaveLength(1);
    // A value every order shares is stored once.
    expect(await getOrderFacts(db, c.id)).toMatchObject({ currency: 'USD', status: 'cancelled' });
  });

  it('live in pages for writes of many customers, in rows of their own for a few, folded back by the next write of many', async () => {
    const db = freshDatabase();
    // Enough customers in one page ('ab') for a write of many, and one in another page.
    const customers = [...Array.from({ length: SINGLE_WRITE_LIMIT + 4 }, (_, i) => makeCustomer({ id: `ab-${String(i).padStart(3, '0')}` })), makeCustomer({ id: 'zz-1' })];
    const orders = customers.map((c, i) => makeOrder({ customerId: c.id, orderedAt: NOW - DAY, total: { currency: 'EUR', minor: 100 + i } }));
    await bulkInsert(db, { customers, companies: [], orders, interactions: [], notes: [] });
    await expectDerivedDataCurrent(db);
    expect((await db.orderFactPages.toArray()).map((p) => [p.prefix, p.rows.length])).toEqual([
      ['ab', SINGLE_WRITE_LIMIT + 4],
      ['zz', 1],
    ]);
    expect(await db.orderFactRows.count()).toBe(0);

    // A few customers changed: rows of their own, the pages untouched.
    const [a, b] = customers as [Customer, Customer];
    await addOrder(db, { customerId: a.id, orderedAt: NOW - 2 * DAY, total: { currency: 'EUR', minor: 7 } }, NOW);
    await deleteOrder(db, b.id, (orders[1] as Order).id, NOW);
    await expectDerivedDataCurrent(db);
    expect((await db.orderFactRows.toArray()).map((r) => [r.customerId, r.minor])).toEqual([
      [a.id, [7, 100]],
      // b has no live order left: a row without orders hides the page's.
      [b.id, []],
    ]);
    expect((await db.orderFactPages.get('ab'))?.rows).toHaveLength(SINGLE_WRITE_LIMIT + 4);
    expect(await getOrderFacts(db, b.id)).toBeUndefined();

    // A write of many folds the rows of the pages it rewrites back into them.
    const others = customers.slice(2, SINGLE_WRITE_LIMIT + 2);
    await importDrafts(
      db,
      'more',
      others.map((c) => customerDraft(c.emails[0] as string, c.name)),
      others.map((c, i) => orderDraft(c.emails[0] as string, `more-${i}`, 3, 900 + i)),
    );
    await expectDerivedDataCurrent(db);
    expect(await db.orderFactRows.count()).toBe(0);
    const page = await db.orderFactPages.get('ab');
    expect(page?.rows.map((r) => r.customerId)).not.toContain(b.id);
    expect(page?.rows.find((r) => r.customerId === a.id)?.minor).toEqual([7, 100]);
  });

  it('fold back only the rows of their own that belong to the pages rewritten, whatever the ids look like', async () => {
    const db = freshDatabase();
    const ordersOf = (customerId: string, minor: number) => [makeOrder({ customerId, id: `o-${customerId}-${minor}`, total: { currency: 'EUR', minor } })];
    // Rows of their own for 'a' (a page of its own, prefix 'a') and for 'ab-1' (page 'ab').
    await putOrderFacts(db, [
      ['a', ordersOf('a', 1)],
      ['ab-1', ordersOf('ab-1', 2)],
    ]);
    expect(await db.orderFactRows.count()).toBe(2);
    // A write of many touching page 'a' (and pages 'f0'…), not page 'ab'.
    const many = Array.from({ length: SINGLE_WRITE_LIMIT }, (_, i) => [`f${i}`, ordersOf(`f${i}`, 10 + i)] as const);
    await putOrderFacts(db, [['a', ordersOf('a', 3)], ...many]);
    const pages = await db.orderFactPages.toArray();
    for (const page of pages) expect(page.rows.every((row) => factsPrefix(row.customerId) === page.prefix), page.prefix).toBe(true);
    expect((await db.orderFactRows.toArray()).map((row) => row.customerId)).toEqual(['ab-1']);
    expect((await getOrderFacts(db, 'a'))?.minor).toEqual([3]);
    expect((await getOrderFacts(db, 'ab-1'))?.minor).toEqual([2]);
    expect((await allOrderFacts(db)).map((row) => row.customerId)).toEqual(['a', 'ab-1', ...many.map(([id]) => id).sort()]);
  });

  it('follow an undo after an import moved one of the deleted customer’s orders away', async () => {
    const db = freshDatabase();
    await importDrafts(db, 'first', [customerDraft('gone@example.com', 'Gone'), customerDraft('other@example.com', 'Other')], [orderDraft('gone@example.com', '1', 10, 100), orderDraft('gone@example.com', '2', 20, 200)]);
    const gone = (await db.customers.toArray()).find((c) => c.name === 'Gone') as Customer;
    const deleted = await deleteCustomers(db, [gone.id], NOW);
    // While they are deleted, the store says order 1 is the other customer's.
    await importDrafts(db, 'second', [customerDraft('other@example.com', 'Other')], [orderDraft('other@example.com', '1', 10, 100)], NOW + 1);
    await undoDelete(db, deleted, NOW + 2);
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, gone.id))?.minor).toEqual([200]);
  });

  it('read the same whichever way they were written: pages and rows of their own merged in id order', () => {
    const row = (customerId: string, minor: number[]) => ({ customerId, ids: minor.map(String), numbers: minor.map(() => null), at: minor, minor, currency: 'EUR', status: null });
    const paged = [row('a', [1]), row('c', [3]), row('e', [5])];
    expect(mergeFacts(paged, [])).toEqual(paged);
    expect(mergeFacts(paged, [row('b', [2]), row('c', []), row('e', [6]), row('f', [7])])).toEqual([row('a', [1]), row('b', [2]), row('e', [6]), row('f', [7])]);
  });

  it('follow imports: new customers, existing ones gaining orders, an order moving to another customer, a re-import', async () => {
    const db = freshDatabase();
    const kept = await seedCustomer(db, { name: 'Kept', emails: ['kept@example.com'] });
    await addOrder(db, { customerId: kept.id, orderedAt: NOW - 300 * DAY, total: { currency: 'EUR', minor: 1_000 } }, NOW);
    await addInteraction(db, { customerId: kept.id, kind: 'email', at: NOW - 2 * DAY }, NOW);

    await importDrafts(
      db,
      'imp-1',
      [customerDraft('kept@example.com', 'Kept'), customerDraft('new@example.com', 'New')],
      [orderDraft('kept@example.com', '1', 30, 2_000), orderDraft('new@example.com', '2', 10, 3_000), orderDraft('new@example.com', '3', 5, 4_000, 'voided')],
    );
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, kept.id))?.ids).toHaveLength(2);
    // The interaction logged before the import still counts as the last touch.
    expect((await db.customers.get(kept.id))?.stats.lastTouchAt).toBe(NOW - 2 * DAY);

    // Order 2 now belongs to kept@ (the store re-assigned it): it leaves New's figures and facts.
    await importDrafts(db, 'imp-2', [customerDraft('kept@example.com', 'Kept')], [orderDraft('kept@example.com', '2', 10, 3_500)], NOW + 1);
    await expectDerivedDataCurrent(db);
    const moved = (await db.orderBooks.toArray()).flatMap(bookOrders).find((o) => o.externalId === '2');
    expect(moved?.customerId).toBe(kept.id);
    expect((await getOrderFacts(db, kept.id))?.minor).toContain(3_500);

    const facts = await allOrderFacts(db);
    await importDrafts(db, 'imp-3', [customerDraft('kept@example.com', 'Kept')], [orderDraft('kept@example.com', '2', 10, 3_500)], NOW + 2);
    expect(await allOrderFacts(db)).toEqual(facts);
  });

  it('follow a merge, a delete and its undo, and a bulk insert', async () => {
    const db = freshDatabase();
    const a = await seedCustomer(db, { name: 'A' });
    const b = await seedCustomer(db, { name: 'B' });
    await addOrder(db, { customerId: a.id, orderedAt: NOW - 3 * DAY, total: { currency: 'EUR', minor: 100 } }, NOW);
    await addOrder(db, { customerId: b.id, orderedAt: NOW - 9 * DAY, total: { currency: 'EUR', minor: 200 } }, NOW);
    await mergeCustomers(db, a.id, [b.id], NOW);
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, a.id))?.minor).toEqual([200, 100]);

    const deleted = await deleteCustomers(db, [a.id], NOW + 1);
    await undoDelete(db, deleted, NOW + 2);
    await expectDerivedDataCurrent(db);

    const fresh = makeCustomer({ name: 'Bulk' });
    await bulkInsert(db, { customers: [fresh], companies: [], orders: [makeOrder({ customerId: fresh.id }), makeOrder({ customerId: fresh.id, deletedAt: NOW })], interactions: [], notes: [] });
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, fresh.id))?.ids).toHaveLength(1);
  });

  it('are rebuilt by a restore, merged or replacing everything, and never travel in the backup', async () => {
    const db = freshDatabase();
    const a = await seedCustomer(db, { name: 'A' });
    await addOrder(db, { customerId: a.id, orderedAt: NOW - 3 * DAY, total: { currency: 'EUR', minor: 100 } }, NOW);
    const extra: Order = makeOrder({ customerId: a.id, orderedAt: NOW - DAY, total: { currency: 'EUR', minor: 900 }, updatedAt: NOW + 5 });
    await stageChunk(db, 'restore-1', 0, { kind: 'records', table: 'orders', rows: [extra] });
    await commitRestore(db, 'restore-1', 'merge', NOW + 10);
    await expectDerivedDataCurrent(db);
    expect((await getOrderFacts(db, a.id))?.minor).toEqual([100, 900]);

    // Replace: the backup's customers and orders only; the old facts must not survive.
    const b = makeCustomer({ name: 'Restored' });
    const bOrder = makeOrder({ customerId: b.id, total: { currency: 'EUR', minor: 4_200 } });
    b.stats = computeStats([bOrder], []);
    await stageChunk(db, 'restore-2', 0, { kind: 'records', table: 'customers', rows: [b] });
    await stageChunk(db, 'restore-2', 1, { kind: 'records', table: 'orders', rows: [bOrder] });
    await commitRestore(db, 'restore-2', 'replace', NOW + 20);
    expect(await getOrderFacts(db, a.id)).toBeUndefined();
    await expectDerivedDataCurrent(db);

    // And the full recompute reads exactly these orders.
    const { facts, orders } = await readAllFacts(db);
    expect(orders).toBe(1);
    expect(facts.map((f) => [f.customer.name, f.orders.map((o) => o.total.minor)])).toEqual([['Restored', [4_200]]]);
  });
});
