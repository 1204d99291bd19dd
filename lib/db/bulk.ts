import { z } from 'zod';
import { Company, Customer, Interaction, Note, Order } from '../model/records';
import type { CrmDatabase } from './schema';
import { writeBooks } from './orders/store';
import { putOrderFacts } from './orders/facts';
import { guard } from './errors';
import { computeStats } from './stats';

/** A set of records to write at once (sample data, later imports). Customer stats are ignored. */
export interface RecordBatch {
  customers: readonly Customer[];
  companies: readonly Company[];
  orders: readonly Order[];
  interactions: readonly Interaction[];
  notes: readonly Note[];
}

/**
 * Writes a batch in one transaction: all of it or none. Every record is validated first, and
 * each customer's figures are computed once from the batch's rows, whatever stats they came with.
 * Assumes the batch's customers are new (their orders are all in the batch).
 */
export function bulkInsert(db: CrmDatabase, batch: RecordBatch): Promise<void> {
  return guard(() => {
    const customers = z.array(Customer).parse(batch.customers);
    const companies = z.array(Company).parse(batch.companies);
    const orders = z.array(Order).parse(batch.orders);
    const interactions = z.array(Interaction).parse(batch.interactions);
    const notes = z.array(Note).parse(batch.notes);

    const ordersBy = groupBy(orders, (o) => o.customerId);
    const interactionsBy = groupBy(interactions, (i) => i.customerId);
    const withStats = customers.map((c) => ({
      ...c,
      stats: computeStats(ordersBy.get(c.id) ?? [], interactionsBy.get(c.id) ?? []),
    }));

    return db.transaction('rw', [db.customers, db.companies, db.orderBooks, db.orderKeyPages, db.interactions, db.notes, db.orderFactPages, db.orderFactRows], async () => {
      await db.companies.bulkAdd(companies);
      await db.customers.bulkAdd(withStats);
      // The customers are new (bulkAdd above refuses a stored id), so their books hold only the
      // batch's orders.
      await writeBooks(db, ordersBy);
      await putOrderFacts(db, ordersBy);
      await db.interactions.bulkAdd(interactions);
      await db.notes.bulkAdd(notes);
    });
  });
}

/** True when there are no customers, companies or orders (sample data goes only there). */
export function isDatabaseEmpty(db: CrmDatabase): Promise<boolean> {
  return guard(() =>
    db.transaction('r', [db.customers, db.companies, db.orderBooks], async () => {
      const customers = await db.customers.count();
      const companies = await db.companies.count();
      const orders = await db.orderBooks.count();
      return customers + companies + orders === 0;
    }),
  );
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
