import { describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { expandOrderFacts, orderFactsRow, SINGLE_WRITE_LIMIT } from '../../../lib/db/orders/fact-rows';
import { putOrderFacts } from '../../../lib/db/orders/facts';
import { writeBooks } from '../../../lib/db/orders/store';
import { PAGE_CUTS, readAllFacts, readFactsInPages } from '../../../lib/db/insights';
import type { CustomerFacts } from '../../../lib/insights/types';
import type { Customer, Interaction, Order } from '../../../lib/model/records';
import { DAY, freshDatabase, makeCustomer, makeInteraction, makeOrder, NOW } from './factories';

/**
 * A full recompute reads every customer's facts in pages by key range (lib/db/insights.ts
 * readFactsInPages). Whatever the cuts, the pages together must be what a plain read of every
 * table gives: each live customer once, in id order, with their live orders (date, then id)
 * and interactions (time, then id); deleted customers and their rows left out.
 */

type Book = { customers: Customer[]; orders: Order[]; interactions: Interaction[] };

/** Customers with ids on, between and around the cuts used below, some deleted, some without orders or interactions. */
function book(): Book {
  const ids = ['0', '00aa', '1', '10', '1-x', '3f', '4', '4000', '7a', '8', '8.', 'a', 'A9', 'b0', 'f', 'ff', 'zz', 'é', '00b'];
  const customers = ids.map((id, i) => makeCustomer({ id, name: `C ${id}`, deletedAt: i % 7 === 3 ? NOW - DAY : null }));
  const orders: Order[] = [];
  const interactions: Interaction[] = [];
  customers.forEach((customer, i) => {
    // Every third customer has no orders; orders come in out of date order, one tombstoned.
    if (i % 3 !== 1) {
      for (let k = 0; k < 1 + (i % 4); k++) orders.push(makeOrder({ customerId: customer.id, id: `o-${customer.id}-${k}`, orderedAt: NOW - ((k * 7 + i) % 5) * DAY, total: { currency: 'EUR', minor: 1_000 + k } }));
      if (i % 5 === 0) orders.push(makeOrder({ customerId: customer.id, id: `o-${customer.id}-gone`, deletedAt: NOW - DAY }));
    }
    if (i % 2 === 0) {
      interactions.push(makeInteraction({ customerId: customer.id, id: `i-${customer.id}-b`, at: NOW - 2 * DAY }));
      interactions.push(makeInteraction({ customerId: customer.id, id: `i-${customer.id}-a`, at: NOW - 2 * DAY }));
      interactions.push(makeInteraction({ customerId: customer.id, id: `i-${customer.id}-c`, at: NOW - 9 * DAY }));
    }
  });
  // Rows of a customer that does not exist are passed over.
  interactions.push(makeInteraction({ customerId: 'nobody', id: 'i-nobody' }));
  return { customers, orders, interactions };
}

async function seed(db: CrmDatabase, { customers, orders, interactions }: Book): Promise<void> {
  await db.customers.bulkAdd(customers);
  await writeBooks(db, [...new Set(orders.map((o) => o.customerId))].map((id) => [id, orders.filter((o) => o.customerId === id)] as const));
  await db.interactions.bulkAdd(interactions);
  // Order facts both ways they are stored (lib/db/orders/fact-rows.ts): first a write of many into
  // pages, with some customers' facts wrong ('0' and 'ff' without their orders, '1' with no
  // orders' worth of them), then rows of their own putting those right.
  const ownersOf = [...new Set(orders.map((o) => o.customerId)), 'nobody-with-orders'];
  const factsOf = (id: string) => (id === 'nobody-with-orders' ? [makeOrder({ customerId: id })] : orders.filter((o) => o.customerId === id));
  const fixed = ['0', 'ff', '1'];
  const fillers = Array.from({ length: SINGLE_WRITE_LIMIT }, (_, i) => [`filler-${i}`, []] as const);
  await putOrderFacts(db, [...ownersOf.map((id) => [id, fixed.includes(id) ? [] : factsOf(id)] as const), ['1', [makeOrder({ customerId: '1' })]] as const, ...fillers]);
  expect(await db.orderFactPages.count()).toBeGreaterThan(0);
  await putOrderFacts(db, fixed.map((id) => [id, factsOf(id)] as const));
  expect(await db.orderFactRows.count()).toBe(fixed.length);
}

/** What a full recompute must see, built without the paged read. */
function expected({ customers, orders, interactions }: Book): { facts: CustomerFacts[]; orders: number } {
  const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const facts = customers
    .filter((c) => c.deletedAt === null)
    .sort((x, y) => byText(x.id, y.id))
    .map((customer) => {
      const row = orderFactsRow(customer.id, orders.filter((o) => o.customerId === customer.id));
      const own = interactions.filter((i) => i.customerId === customer.id).sort((x, y) => x.at - y.at || byText(x.id, y.id));
      return { customer, orders: row === null ? [] : expandOrderFacts(row), interactions: own };
    });
  return { facts, orders: facts.reduce((n, f) => n + f.orders.length, 0) };
}

describe('reading every customer’s facts in pages', () => {
  const cutSets: [string, readonly string[]][] = [
    ['no cuts (one page)', []],
    ['the default cuts', PAGE_CUTS],
    ['cuts equal to customer ids', ['1', '4', '8', 'a', 'f']],
    ['cuts with empty ranges between them', ['0', '00', '00a', '5', '6', 'zzz']],
  ];

  it.each(cutSets)('gives each live customer once, in id order, with their orders and interactions: %s', async (_, cuts) => {
    const db = freshDatabase();
    const data = book();
    await seed(db, data);
    const pages: CustomerFacts[][] = [];
    const summary = await readFactsInPages(db, (page) => pages.push(page), cuts);
    const want = expected(data);
    expect(pages.flat()).toEqual(want.facts);
    expect(summary).toEqual({ customers: want.facts.length, orders: want.orders });
    // One call per range, even for ranges without customers.
    expect(pages).toHaveLength(cuts.length + 1);
  });

  it('puts each customer in the range its id falls in: a cut starts a page', async () => {
    const db = freshDatabase();
    const data = book();
    await seed(db, data);
    const pages: string[][] = [];
    await readFactsInPages(db, (page) => pages.push(page.map((f) => f.customer.id)), ['1', '8', 'f']);
    // Deleted: 10, 8. and é. Code-unit order: '1' < '1-x' < '3f', '8' < 'A9' < 'a'.
    expect(pages).toEqual([
      ['0', '00aa', '00b'],
      ['1', '1-x', '3f', '4', '4000', '7a'],
      ['8', 'A9', 'a', 'b0'],
      ['f', 'ff', 'zz'],
    ]);
  });

  it('reads the same as readAllFacts, which collects the pages', async () => {
    const db = freshDatabase();
    const data = book();
    await seed(db, data);
    expect(await readAllFacts(db)).toEqual(expected(data));
  });

  it('gives empty pages for an empty database', async () => {
    const db = freshDatabase();
    const pages: CustomerFacts[][] = [];
    expect(await readFactsInPages(db, (page) => pages.push(page))).toEqual({ customers: 0, orders: 0 });
    expect(pages.every((page) => page.length === 0)).toBe(true);
  });

  it('stops and rejects with the error of a page that fails', async () => {
    const db = freshDatabase();
    await seed(db, book());
    const seen: number[] = [];
    const failing = readFactsInPages(
      db,
      (page) => {
        seen.push(page.length);
        if (seen.length === 2) throw new Error('page two failed');
      },
      ['1', '8', 'f'],
    );
    await expect(failing).rejects.toThrow('page two failed');
    expect(seen).toHaveLength(2);
  });
});
