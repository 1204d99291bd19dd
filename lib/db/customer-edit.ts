import { isFreeMailDomain, registrableDomain } from '../email/company';
import { normalizeEmail } from '../email/normalize';
import { CustomerPatch, type ConsentPatch } from '../model/customer-forms';
import { Company, Customer, MARKETING_CHANNELS, type Consent, type ConsentState, type Order } from '../model/records';
import { refreshStats, statsTables } from './activity';
import type { CrmDatabase } from './schema';
import { ordersOfMany, writeBooks } from './orders/store';
import { putOrderFacts } from './orders/facts';
import { requireCustomer } from './customers';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';

/** The manager's edits: every field of a customer, delete with undo, merge of duplicates. */


/**
 * Tables whose rows belong to a customer through a `customerId` index (notes, interactions and
 * any added later). Orders are in books keyed by customer (./orders/book.ts), handled apart.
 */
function ownedTables(db: CrmDatabase) {
  const byCustomer = (keyPath: string | string[] | undefined) => (Array.isArray(keyPath) ? keyPath[0] : keyPath) === 'customerId';
  return db.tables.filter((t) => t.name !== 'customers' && t.schema.indexes.some((i) => byCustomer(i.keyPath)));
}

/** Rewrites the orders of these customers' books with `change` (which returns the same order to keep it). */
async function changeOrders(db: CrmDatabase, customerIds: readonly string[], change: (order: Order) => Order): Promise<void> {
  const books = await ordersOfMany(db, customerIds);
  const changed: [string, Order[]][] = [];
  for (const [customerId, orders] of books) {
    const next = orders.map(change);
    if (next.some((order, i) => order !== orders[i])) changed.push([customerId, next]);
  }
  await writeBooks(db, changed);
}

export function updateCustomer(db: CrmDatabase, id: string, patch: CustomerPatch, now: number): Promise<Customer> {
  return guard(() => {
    const fields = CustomerPatch.parse(patch);
    const emails = fields.emails?.map((raw) => {
      const email = normalizeEmail(raw);
      if (email === null) throw new DbError('invalid', `“${raw}” is not an email address.`);
      return email;
    });
    return db.transaction('rw', [db.customers, db.companies], async () => {
      const customer = await requireCustomer(db, id);
      if (emails) {
        const owners = await db.customers.where('emails').anyOf(emails).toArray();
        const other = owners.find((c) => isLive(c) && c.id !== id);
        if (other) throw new DbError('conflict', `${other.emails.find((e) => emails.includes(e))} already belongs to ${other.name || 'another customer'}.`, other.id);
      }
      let companyId = customer.companyId;
      if (fields.companyName !== undefined) {
        companyId = fields.companyName === null || fields.companyName === '' ? null : await findOrCreateCompany(db, fields.companyName, emails ?? customer.emails, now);
      }
      const editable = Object.entries(fields).filter(([key, v]) => v !== undefined && key !== 'companyName' && key !== 'emails' && key !== 'consent');
      const next = Customer.parse({
        ...customer,
        ...Object.fromEntries(editable),
        ...(emails ? { emails: [...new Set(emails)] } : {}),
        ...(fields.consent ? { consent: nextConsent(customer.consent, fields.consent, now) } : {}),
        companyId,
        updatedAt: now,
      });
      await db.customers.put(next);
      return next;
    });
  });
}

/** A consent edit applied: marketing states that change are stamped with the time of the edit. */
export function nextConsent(current: Consent, patch: ConsentPatch, now: number): Consent {
  const marketing = patch.marketing ?? current.marketing;
  const marketingChanged = MARKETING_CHANNELS.some((channel) => marketing[channel] !== current.marketing[channel]);
  return {
    doNotContact: patch.doNotContact === undefined ? current.doNotContact : patch.doNotContact,
    marketing: { ...marketing },
    marketingUpdatedAt: marketingChanged ? now : current.marketingUpdatedAt,
  };
}

/**
 * Two customers' consent merged the careful way: do-not-contact if either asked (the earlier
 * date); per channel a "no" from either wins, then a "yes", else unknown.
 */
export function mergeConsent(x: Consent, y: Consent): Consent {
  const dnc = [x.doNotContact, y.doNotContact].filter((d) => d !== null).sort((a, b) => a.since - b.since);
  const state = (a: ConsentState, b: ConsentState): ConsentState => (a === 'no' || b === 'no' ? 'no' : a === 'yes' || b === 'yes' ? 'yes' : 'unknown');
  const stamps = [x.marketingUpdatedAt, y.marketingUpdatedAt].filter((t) => t !== null);
  return {
    doNotContact: dnc[0] ?? null,
    marketing: { email: state(x.marketing.email, y.marketing.email), sms: state(x.marketing.sms, y.marketing.sms), whatsapp: state(x.marketing.whatsapp, y.marketing.whatsapp) },
    marketingUpdatedAt: stamps.length > 0 ? Math.max(...stamps) : null,
  };
}

async function findOrCreateCompany(db: CrmDatabase, name: string, emails: readonly string[], now: number): Promise<string> {
  const domains = emails
    .map((e) => registrableDomain(e.slice(e.lastIndexOf('@') + 1)))
    .filter((d): d is string => d !== null && !isFreeMailDomain(d));
  for (const domain of domains) {
    const known = (await db.companies.where('domains').equals(domain).toArray()).find(isLive);
    if (known && known.name.toLowerCase() === name.toLowerCase()) return known.id;
  }
  const byName = await db.companies.filter((c) => isLive(c) && c.name.toLowerCase() === name.toLowerCase()).first();
  if (byName) return byName.id;
  const company = Company.parse({ id: newId(), name, domains: domains.slice(0, 1), createdAt: now, updatedAt: now, deletedAt: null });
  await db.companies.add(company);
  return company.id;
}

/** What undoes a delete: the customers and the tombstone time their rows got. */
export interface DeletedCustomers {
  ids: string[];
  deletedAt: number;
}

/** Tombstones customers and everything that belongs to them, all with one time, so undo is exact. */
export function deleteCustomers(db: CrmDatabase, ids: readonly string[], now: number): Promise<DeletedCustomers> {
  return guard(() =>
    db.transaction('rw', [db.customers, db.orderBooks, db.orderKeyPages, ...ownedTables(db)], async () => {
      const customers = (await db.customers.bulkGet([...ids])).filter(isLive);
      if (customers.length === 0) throw new DbError('not_found', 'These customers no longer exist.');
      const live = customers.map((c) => c.id);
      await db.customers.bulkPut(customers.map((c) => ({ ...c, deletedAt: now, updatedAt: now })));
      await changeOrders(db, live, (order) => (order.deletedAt === null ? { ...order, deletedAt: now, updatedAt: now } : order));
      for (const table of ownedTables(db)) {
        await table
          .where('customerId')
          .anyOf(live)
          .modify((row: { deletedAt: number | null; updatedAt: number }) => {
            if (row.deletedAt !== null) return;
            row.deletedAt = now;
            row.updatedAt = now;
          });
      }
      return { ids: live, deletedAt: now };
    }),
  );
}

/** Brings back exactly what one delete tombstoned (rows deleted earlier stay deleted). */
export function undoDelete(db: CrmDatabase, deleted: DeletedCustomers, now: number): Promise<number> {
  return guard(() =>
    db.transaction('rw', [...statsTables(db), ...ownedTables(db)], async () => {
      const customers = (await db.customers.bulkGet(deleted.ids)).filter((c): c is Customer => c !== undefined && c.deletedAt === deleted.deletedAt);
      await db.customers.bulkPut(customers.map((c) => ({ ...c, deletedAt: null, updatedAt: now })));
      await changeOrders(db, deleted.ids, (order) => (order.deletedAt === deleted.deletedAt ? { ...order, deletedAt: null, updatedAt: now } : order));
      for (const table of ownedTables(db)) {
        await table
          .where('customerId')
          .anyOf(deleted.ids)
          .modify((row: { deletedAt: number | null; updatedAt: number }) => {
            if (row.deletedAt !== deleted.deletedAt) return;
            row.deletedAt = null;
            row.updatedAt = now;
          });
      }
      // Their figures and order facts from what came back: an import or a restore may have
      // moved orders out of their books, or counted them as gone, while they were deleted.
      for (const customer of customers) await refreshStats(db, customer.id, now);
      return customers.length;
    }),
  );
}

/**
 * Merges duplicates into one customer: every address, tag, order, note, interaction (and any
 * other row that belongs to a customer) moves to the kept one; empty fields are filled from
 * the others; the others are tombstoned. Figures are recomputed from the moved rows.
 */
export function mergeCustomers(db: CrmDatabase, keepId: string, otherIds: readonly string[], now: number): Promise<Customer> {
  return guard(() =>
    db.transaction('rw', [...statsTables(db), ...ownedTables(db)], async () => {
      const keep = await requireCustomer(db, keepId);
      const others = (await db.customers.bulkGet(otherIds.filter((id) => id !== keepId))).filter(isLive);
      if (others.length === 0) throw new DbError('invalid', 'Choose at least one other customer to merge.');
      let merged: Customer = keep;
      for (const other of others) {
        merged = {
          ...merged,
          name: merged.name || other.name,
          emails: [...new Set([...merged.emails, ...other.emails])].slice(0, 50),
          tags: [...new Set([...merged.tags, ...other.tags])].slice(0, 50),
          phone: merged.phone ?? other.phone,
          companyId: merged.companyId ?? other.companyId,
          birthday: merged.birthday ?? other.birthday,
          preferredChannel: merged.preferredChannel ?? other.preferredChannel,
          difficult: merged.difficult || other.difficult,
          family: [merged.family, other.family].filter(Boolean).join('\n').slice(0, 1000),
          interests: [merged.interests, other.interests].filter(Boolean).join('\n').slice(0, 1000),
          tierOverride: merged.tierOverride ?? other.tierOverride,
          consent: mergeConsent(merged.consent, other.consent),
          source: merged.source ?? other.source,
          externalId: merged.externalId ?? other.externalId,
        };
      }
      const otherIdsLive = others.map((o) => o.id);
      // Tombstone the others first: their addresses must not be found twice.
      await db.customers.bulkPut(others.map((o) => ({ ...o, deletedAt: now, updatedAt: now })));
      await db.customers.put(Customer.parse({ ...merged, updatedAt: now }));
      for (const table of ownedTables(db)) {
        await table
          .where('customerId')
          .anyOf(otherIdsLive)
          .modify((row: { customerId: string; updatedAt: number }) => {
            row.customerId = keepId;
            row.updatedAt = now;
          });
      }
      // Their orders move into the kept customer's book; their own books and order facts go.
      const books = await ordersOfMany(db, [keepId, ...otherIdsLive]);
      const moved = otherIdsLive.flatMap((id) => (books.get(id) ?? []).map((order) => ({ ...order, customerId: keepId, updatedAt: now })));
      if (moved.length > 0) {
        await writeBooks(db, [[keepId, [...(books.get(keepId) ?? []), ...moved]], ...otherIdsLive.map((id) => [id, []] as const)]);
        await putOrderFacts(db, otherIdsLive.map((id) => [id, []] as const));
      }
      return refreshStats(db, keepId, now);
    }),
  );
}
