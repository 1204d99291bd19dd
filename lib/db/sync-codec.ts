import type { z } from 'zod';
import { bookOf, bookOrders, type OrderBook } from './orders/book';
import { SuggestionHoldRow } from './rows';
import { Company, Customer, EMPTY_STATS, Interaction, Note, Order } from '../model/records';
import type { SyncTable } from '../model/shared-tables';

/**
 * Rows of the local database ↔ the synced fields of a record in a bucket, per shared table.
 *
 * What is synced is what people wrote; what the browser derives is not: a customer's cached
 * figures and classification (stats, insights) are recomputed from the synced orders and
 * interactions on each browser, like the order facts and order keys. An order book is synced
 * as one field per order (the order's id → its values), so two people adding orders to one
 * customer merge, and an order leaving a book is a removed field.
 *
 * Every row coming from the team is parsed with the record's zod schema before it is written:
 * a record that fails is refused and reported, and the rest of its bucket is applied.
 */

export type Fields = Record<string, unknown>;

export { isSyncTable, SYNC_TABLES, type SyncTable } from '../model/shared-tables';

type Row = Record<string, unknown>;

interface TableCodec {
  /** The synced fields of a local row (null: no row). */
  toFields(row: Row): Fields;
  /** The row to store for synced fields, keeping the local row's derived fields; throws ZodError when invalid. */
  toRow(key: string, fields: Fields, existing: Row | undefined): Row;
  /** The customer a record belongs to (for the change event and the card's conflicts). */
  customerOf(key: string, fields: Fields): string | null;
}

function plain<T extends z.ZodType<Row>>(schema: T, customerField: string | null): TableCodec {
  return {
    toFields: (row) => ({ ...row }),
    toRow: (key, fields) => {
      const row = schema.parse(fields);
      if (row.id !== key) throw new Error('The record’s id does not match its key.');
      return row;
    },
    customerOf: (key, fields) => (customerField === null ? null : typeof fields[customerField] === 'string' ? (fields[customerField] as string) : null),
  };
}

const DERIVED_CUSTOMER_FIELDS = ['stats', 'insights'] as const;

const customers: TableCodec = {
  toFields(row) {
    const fields = { ...row };
    for (const field of DERIVED_CUSTOMER_FIELDS) delete fields[field];
    return fields;
  },
  toRow(key, fields, existing) {
    const row = Customer.parse({ ...fields, stats: existing?.stats ?? { ...EMPTY_STATS, revenue: [] }, insights: existing?.insights ?? null });
    if (row.id !== key) throw new Error('The record’s id does not match its key.');
    return row;
  },
  customerOf: (key) => key,
};

/** An order's values in a book's synced record, in this order. */
const ORDER_COLUMNS = ['orderedAt', 'total', 'number', 'source', 'externalId', 'status', 'createdAt', 'updatedAt', 'deletedAt'] as const;

const orderBooks: TableCodec = {
  toFields(row) {
    const fields: Fields = {};
    for (const order of bookOrders(row as unknown as OrderBook)) fields[order.id] = ORDER_COLUMNS.map((column) => order[column]);
    return fields;
  },
  toRow(key, fields) {
    const orders = Object.entries(fields).map(([id, values]) => {
      if (!Array.isArray(values) || values.length !== ORDER_COLUMNS.length) throw new Error('An order in the book is malformed.');
      return Order.parse({ id, customerId: key, ...Object.fromEntries(ORDER_COLUMNS.map((column, i) => [column, values[i]])) });
    });
    const book = bookOf(key, orders);
    if (book === null) throw new Error('An order book without orders.');
    return book as unknown as Row;
  },
  customerOf: (key) => key,
};

export const CODECS: Record<SyncTable, TableCodec> = {
  customers,
  companies: plain(Company as unknown as z.ZodType<Row>, null),
  notes: plain(Note as unknown as z.ZodType<Row>, 'customerId'),
  interactions: plain(Interaction as unknown as z.ZodType<Row>, 'customerId'),
  orderBooks,
  suggestionHolds: plain(SuggestionHoldRow as unknown as z.ZodType<Row>, 'customerId'),
};

/** The primary key of a row of a shared table. */
export function keyOf(table: SyncTable, row: Row): string {
  return String(table === 'orderBooks' ? row.customerId : row.id);
}
