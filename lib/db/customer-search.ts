import type { Company, Customer } from '../model/records';
import type { CrmDatabase } from './schema';
import { guard } from './errors';
import { isLive } from './shared';

/** A customer as the quick-note picker lists them: no history, just enough to choose. */
export interface CustomerChoice {
  customerId: string;
  name: string;
  email: string | null;
  companyId: string | null;
  companyName: string | null;
}

async function toChoices(db: CrmDatabase, customers: readonly Customer[]): Promise<CustomerChoice[]> {
  const companyIds = [...new Set(customers.map((c) => c.companyId).filter((id): id is string => id !== null))];
  const companies = new Map<string, Company>();
  for (const company of await db.companies.bulkGet(companyIds)) if (isLive(company)) companies.set(company.id, company);
  return customers.map((c) => ({
    customerId: c.id,
    name: c.name,
    email: c.emails[0] ?? null,
    companyId: c.companyId,
    companyName: c.companyId === null ? null : (companies.get(c.companyId)?.name ?? null),
  }));
}

/** Choices for the given customer ids, in that order, the gone ones left out. */
export function choicesFor(db: CrmDatabase, ids: readonly string[]): Promise<CustomerChoice[]> {
  return guard(async () => {
    const rows = await db.customers.bulkGet([...ids]);
    return toChoices(db, rows.filter(isLive));
  });
}

/** The most recently changed live customers (a note or an order bumps `updatedAt`). */
export function recentCustomers(db: CrmDatabase, limit: number): Promise<CustomerChoice[]> {
  return guard(async () => {
    const rows = await db.customers.orderBy('updatedAt').reverse().filter((c) => c.deletedAt === null).limit(limit).toArray();
    return toChoices(db, rows);
  });
}

/**
 * Live customers whose name, any address or company name contains `query` (case-insensitive),
 * most recently changed first. Addresses are matched by prefix on the index first so that
 * typing an address is fast at any size; names and companies need a scan, bounded by `limit`.
 */
export function searchCustomers(db: CrmDatabase, query: string, limit: number): Promise<CustomerChoice[]> {
  return guard(async () => {
    const needle = query.trim().toLowerCase();
    if (needle === '') return [];
    const byEmail = await db.customers.where('emails').startsWith(needle).distinct().limit(limit).toArray();
    const companyIds = new Set(
      (await db.companies.filter((c) => c.deletedAt === null && c.name.toLowerCase().includes(needle)).limit(200).primaryKeys()).map(String),
    );
    const found = new Map<string, Customer>();
    for (const c of byEmail) if (isLive(c)) found.set(c.id, c);
    if (found.size < limit) {
      const scanned = await db.customers
        .orderBy('updatedAt')
        .reverse()
        .filter(
          (c) =>
            c.deletedAt === null &&
            !found.has(c.id) &&
            (c.name.toLowerCase().includes(needle) ||
              c.emails.some((e) => e.includes(needle)) ||
              (c.companyId !== null && companyIds.has(c.companyId))),
        )
        .limit(limit - found.size)
        .toArray();
      for (const c of scanned) found.set(c.id, c);
    }
    return toChoices(db, [...found.values()]);
  });
}

/** Every live customer (the keep-in-touch list needs each one's tier and last touch). */
export function liveCustomers(db: CrmDatabase): Promise<Customer[]> {
  return guard(() => db.customers.filter((c) => c.deletedAt === null).toArray());
}
