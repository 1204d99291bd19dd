import type { Table } from 'dexie';
import type { Order } from '../model/records';
import { bookOf, type OrderBook } from './order-books';

/**
 * The schema-4 upgrade: every row of the old table of single orders goes into its customer's
 * book (./order-books.ts). It walks the orders' `[customerId+orderedAt]` index in ranges of
 * customer ids taken from the customers table, so memory holds one range's orders at a time
 * and the ranges together cover every key (an order whose customer row is gone still gets a book).
 */
const CUSTOMERS_PER_RANGE = 2_000;

export async function booksFromOrdersTable(customers: Table, orders: Table, books: Table): Promise<number> {
  const ids = ((await customers.toCollection().primaryKeys()) as string[]).sort();
  let count = 0;
  let lower: string | null = null;
  for (let i = 0; i <= ids.length; i += CUSTOMERS_PER_RANGE) {
    const upper = i + CUSTOMERS_PER_RANGE - 1 < ids.length ? (ids[i + CUSTOMERS_PER_RANGE - 1] as string) : null;
    const index = orders.where('[customerId+orderedAt]');
    // (lower, upper]: every key after the previous range's last customer, up to this range's last.
    const range =
      lower === null && upper === null
        ? orders.toCollection()
        : lower === null
          ? index.belowOrEqual([upper, Infinity])
          : upper === null
            ? index.above([lower, Infinity])
            : index.between([lower, Infinity], [upper, Infinity], false, true);
    const rows = (await range.toArray()) as Order[];
    const byCustomer = new Map<string, Order[]>();
    for (const order of rows) {
      const list = byCustomer.get(order.customerId);
      if (list === undefined) byCustomer.set(order.customerId, [order]);
      else list.push(order);
    }
    const rowsOut: OrderBook[] = [];
    for (const [customerId, list] of byCustomer) {
      const book = bookOf(customerId, list);
      if (book !== null) rowsOut.push(book);
    }
    if (rowsOut.length > 0) await books.bulkPut(rowsOut);
    count += rows.length;
    if (upper === null) break;
    lower = upper;
  }
  return count;
}
