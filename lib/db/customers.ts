import { isFreeMailDomain, registrableDomain } from '../email/company';
import { normalizeEmail } from '../email/normalize';
import type { CustomerCard, NewCustomer } from '../model/customer-forms';
import { Company, Customer, customerDefaults, type Note } from '../model/records';
import type { CrmDatabase } from './schema';
import { ordersOf } from './orders/store';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';

/** Reads a live customer or throws not_found. Call inside a transaction that includes customers. */
export async function requireCustomer(db: CrmDatabase, customerId: string): Promise<Customer> {
  const customer = await db.customers.get(customerId);
  if (!isLive(customer)) throw new DbError('not_found', 'This customer no longer exists.');
  return customer;
}

/**
 * Live customers owning any of the given (already normalized) addresses, keyed by address.
 * One indexed `anyOf` query on the multi-entry `emails` index, however many addresses a page has.
 */
export function findCustomersByEmails(db: CrmDatabase, emails: readonly string[]): Promise<Map<string, Customer>> {
  return guard(async () => {
    const wanted = new Set(emails);
    const found = new Map<string, Customer>();
    if (wanted.size === 0) return found;
    const customers = await db.customers.where('emails').anyOf([...wanted]).distinct().toArray();
    for (const customer of customers) {
      if (!isLive(customer)) continue;
      for (const email of customer.emails) {
        if (!wanted.has(email)) continue;
        // Two live customers should never share an address (createCustomer refuses it), but an
        // import could; the most recently updated one wins so the answer is stable.
        const known = found.get(email);
        if (!known || known.updatedAt < customer.updatedAt) found.set(email, customer);
      }
    }
    return found;
  });
}

/** Everything the sidebar shows for one customer, tombstones left out; null if gone. */
export function getCustomerCard(db: CrmDatabase, customerId: string): Promise<CustomerCard | null> {
  return guard(() =>
    db.transaction('r', [db.customers, db.companies, db.orderBooks, db.interactions, db.notes], async () => {
      const customer = await db.customers.get(customerId);
      if (!isLive(customer)) return null;
      const { companyId } = customer;
      // The reads are independent once the customer is known: issued together, IndexedDB serves
      // them in one pass instead of one round trip after another (this is the sidebar's hot path).
      const [company, orders, interactions, own, onCompany] = await Promise.all([
        companyId === null ? undefined : db.companies.get(companyId),
        ordersOf(db, customerId),
        db.interactions.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).reverse().toArray(),
        db.notes.where('customerId').equals(customerId).toArray(),
        // A note on the company shows on every contact of that company.
        companyId === null ? [] : db.notes.where('companyId').equals(companyId).toArray(),
      ]);
      const notes = [...new Map([...own, ...onCompany].map((note) => [note.id, note])).values()];
      return {
        customer,
        company: isLive(company) ? company : null,
        // Newest first.
        orders: orders.filter(isLive).reverse(),
        interactions: interactions.filter(isLive),
        notes: notes.filter(isLive).sort(byPinnedThenNewest),
      };
    }),
  );
}

function byPinnedThenNewest(a: Note, b: Note): number {
  return Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt || a.id.localeCompare(b.id);
}

/**
 * Creates a customer from the sidebar's form. Refuses an invalid address (`invalid`) and an
 * address that already belongs to a live customer (`conflict`, with that customer's id).
 *
 * With a company name: a company already known by the address's registrable domain is linked
 * (the domain identifies the company better than a typed name does); otherwise a company is
 * created with that name and domain. A free-mail domain never identifies a company, so then
 * the new company gets no domain.
 */
export function createCustomer(db: CrmDatabase, input: NewCustomer, now: number): Promise<Customer> {
  return guard(() => {
    const email = normalizeEmail(input.email);
    if (email === null) throw new DbError('invalid', `“${input.email}” is not an email address.`);
    const host = email.slice(email.lastIndexOf('@') + 1);
    const registrable = registrableDomain(host);
    const companyDomain = registrable === null || isFreeMailDomain(registrable) ? null : registrable;
    const companyName = input.companyName?.trim() ?? '';

    return db.transaction('rw', [db.customers, db.companies], async () => {
      const owners = await db.customers.where('emails').equals(email).toArray();
      const owner = owners.find((c) => isLive(c));
      if (owner) throw new DbError('conflict', `${email} already belongs to ${owner.name || 'a customer'}.`, owner.id);

      let companyId: string | null = null;
      if (companyName !== '') {
        const known = companyDomain === null ? [] : await db.companies.where('domains').equals(companyDomain).toArray();
        const company = known.find((c) => isLive(c));
        if (company) {
          companyId = company.id;
        } else {
          const created = Company.parse({
            id: newId(),
            name: companyName,
            domains: companyDomain === null ? [] : [companyDomain],
            createdAt: now,
            updatedAt: now,
            deletedAt: null,
          });
          await db.companies.add(created);
          companyId = created.id;
        }
      }

      const customer = Customer.parse({
        ...customerDefaults(),
        id: newId(),
        name: input.name.trim(),
        emails: [email],
        phone: input.phone?.trim() || null,
        tags: input.tags,
        companyId,
        createdAt: now,
        updatedAt: now,
      });
      await db.customers.add(customer);
      return customer;
    });
  });
}
