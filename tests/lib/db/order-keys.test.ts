import { describe, expect, it } from 'vitest';
import { countOrders, findByBookKeys, writeBooks } from '../../../lib/db/orders/store';
import { naturalKey } from '../../../lib/db/orders/book';
import { keyPage } from '../../../lib/db/orders/key-pages';
import { OrderLocator } from '../../../lib/db/orders/locator';
import { addOrder, deleteOrder } from '../../../lib/db/activity';
import { mergeCustomers } from '../../../lib/db/customer-edit';
import { DAY, freshDatabase, makeOrder, NOW, seedCustomer } from './factories';

const key = (n: number) => naturalKey('shopify', String(5_000_000_000 + n));

describe('order keys', () => {
  it('spread keys evenly over 256 pages named by two hex digits', () => {
    const counts = new Map<string, number>();
    for (let n = 0; n < 25_600; n++) {
      const page = keyPage(key(n));
      expect(page).toMatch(/^[0-9a-f]{2}$/);
      counts.set(page, (counts.get(page) ?? 0) + 1);
    }
    expect(counts.size).toBe(256);
    // 100 per page on average.
    expect(Math.max(...counts.values())).toBeLessThan(150);
    expect(Math.min(...counts.values())).toBeGreaterThan(50);
    expect(keyPage(key(7))).toBe(keyPage(key(7)));
  });

  it('follow an order from one customer to another, whichever book is written first', async () => {
    const db = freshDatabase();
    const locator = new OrderLocator(db);
    await locator.record([{ customerId: 'a', before: [], after: [key(1), key(2)] }]);
    await locator.flush();
    expect(await countOrders(db)).toBe(2);

    // b gains key 1 first, then a's book is written without it: it stays b's.
    const later = new OrderLocator(db);
    await later.record([{ customerId: 'b', before: [], after: [key(1)] }]);
    await later.record([{ customerId: 'a', before: [key(1), key(2)], after: [key(2)] }]);
    await later.flush();
    expect(await new OrderLocator(db).owners([key(1), key(2), key(3)])).toEqual(
      new Map([
        [key(1), 'b'],
        [key(2), 'a'],
      ]),
    );

    // The other way round, in one call: a loses key 2, b gains it.
    await later.record([
      { customerId: 'a', before: [key(2)], after: [] },
      { customerId: 'b', before: [key(1)], after: [key(1), key(2)] },
    ]);
    await later.flush();
    expect(await new OrderLocator(db).owners([key(1), key(2)])).toEqual(
      new Map([
        [key(1), 'b'],
        [key(2), 'b'],
      ]),
    );
  });

  it('write only on flush, and remove a page left without keys', async () => {
    const db = freshDatabase();
    const locator = new OrderLocator(db);
    await locator.record([{ customerId: 'a', before: [], after: [key(1)] }]);
    expect(await db.orderKeyPages.count()).toBe(0);
    // The locator sees its own changes before they are written.
    expect((await locator.owners([key(1)])).get(key(1))).toBe('a');
    await locator.flush();
    expect(await db.orderKeyPages.get(keyPage(key(1)))).toEqual({ page: keyPage(key(1)), keys: [key(1)], owners: ['a'] });

    await locator.record([{ customerId: 'a', before: [key(1)], after: [] }]);
    await locator.flush();
    expect(await db.orderKeyPages.count()).toBe(0);
    expect(await countOrders(db)).toBe(0);
  });

  it('give books as this transaction wrote them, after reading each once', async () => {
    const db = freshDatabase();
    const order = makeOrder({ customerId: 'a', source: 'shopify', externalId: '1' });
    await writeBooks(db, [['a', [order]]]);
    const locator = new OrderLocator(db);
    expect((await locator.books(['a', 'b'])).get('a')?.ids).toEqual([order.id]);
    // The order moves from a to b through the locator: both books and its key follow.
    await writeBooks(db, [['a', []], ['b', [{ ...order, customerId: 'b' }]]], { locator });
    const books = await locator.books(['a', 'b']);
    expect([...books.keys()]).toEqual(['b']);
    expect((await findByBookKeys(db, [naturalKey('shopify', '1')], locator)).get(naturalKey('shopify', '1'))?.customerId).toBe('b');
    await locator.flush();
    expect((await findByBookKeys(db, [naturalKey('shopify', '1')])).get(naturalKey('shopify', '1'))?.customerId).toBe('b');
    expect(await db.orderBooks.get('a')).toBeUndefined();
  });

  it('keep a key the kept book still holds when a merge takes the order that owned it', async () => {
    const db = freshDatabase();
    const a = await seedCustomer(db);
    const b = await seedCustomer(db);
    const input = (customerId: string, orderedAt: number) => ({ customerId, orderedAt, total: { currency: 'EUR', minor: 100 }, source: 'shopify', externalId: '42' });
    const first = await addOrder(db, input(a.id, NOW - DAY), NOW);
    await deleteOrder(db, a.id, first.id, NOW);
    // The same store order recorded again, for b: two books hold its key, the live one owns it.
    const second = await addOrder(db, input(b.id, NOW), NOW);
    await mergeCustomers(db, a.id, [b.id], NOW);
    const key = naturalKey('shopify', '42');
    expect((await findByBookKeys(db, [key])).get(key)?.id).toBe(second.id);
    await expect(addOrder(db, input(a.id, NOW), NOW)).rejects.toMatchObject({ code: 'conflict' });
  });
});
