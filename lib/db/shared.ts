import type { Customer } from '../model/records';
import type { CrmDatabase } from './database';
import { DbError } from './errors';

/** Record ids: random uuids, so a later sync never has to renumber (DESIGN.md, Data). */
export function newId(): string {
  return crypto.randomUUID();
}

export function isLive<T extends { deletedAt: number | null }>(row: T | undefined): row is T {
  return row !== undefined && row.deletedAt === null;
}

/** Reads a live customer or throws not_found. Call inside a transaction that includes customers. */
export async function requireCustomer(db: CrmDatabase, customerId: string): Promise<Customer> {
  const customer = await db.customers.get(customerId);
  if (!isLive(customer)) throw new DbError('not_found', 'This customer no longer exists.');
  return customer;
}
