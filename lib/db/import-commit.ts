import { isFreeMailDomain, registrableDomain } from '../email/company';
import { BATCH_SIZE, type CustomerDraft, type OrderDraft } from '../import/drafts';
import { Company, customerDefaults, Note, type Customer, type Order } from '../model/records';
import type { CrmDatabase } from './schema';
import { bookOf, bookOrders, naturalKey, type OrderBook, sameBook } from './orders/book';
import { findByBookKeys, writeBooks } from './orders/store';
import { OrderLocator } from './orders/locator';
import { putOrderFacts } from './orders/facts';
import { assertWhole, chunkDrafts, stagedChunkIds } from './import-staging';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';
import { computeStats, type StatsInteraction } from './stats';

/**
 * Commits a staged import in ONE transaction: everything appears at once or nothing does.
 * Natural keys make it idempotent: a customer is found by any of its normalized addresses (or
 * the store's id for them), an order by source + external id; found rows are updated in place,
 * so importing the same file twice adds nothing.
 *
 * An existing customer's fields are only filled in where empty (tags and addresses are
 * merged): an import never overwrites what the owner typed. Orders take the file's values.
 *
 * The transaction awaits only Dexie. Chunks are read one at a time; the import's orders are kept
 * by customer and written at the end, each customer's book once (./orders/book.ts), with their
 * figures and order facts, so a million orders are about as many rows written as customers.
 */

export interface CommitSummary {
  customersCreated: number;
  customersUpdated: number;
  ordersCreated: number;
  ordersUpdated: number;
  notesAdded: number;
  companiesCreated: number;
}

export const LAST_IMPORT_KEY = 'import:last';

interface Touched {
  customer: Customer;
  created: boolean;
  changed: boolean;
  /** This import's orders for the customer, by id: they go into the customer's book at the end. */
  added: Map<string, Order>;
}

/** Customers' books are read and written, with their figures, this many at a time at the end. */
const FINISH_BATCH = 2_000;
/**
 * The commit reads every customer at the start when the staged chunks (a chunk counted as
 * BATCH_SIZE customers) could name at least 1/ALL_CUSTOMERS_SHARE of them: about where one read
 * of the table costs less than looking each one up. Smaller imports look customers up by chunk.
 */
const ALL_CUSTOMERS_SHARE = 20;

/**
 * `whole`: the number of chunks the page sent; the commit then refuses unless the import is
 * alive and holds exactly those (./import-staging.ts, `assertWhole`). Imports from pages always
 * pass it; the sample loader, which stages and commits in one go, does not.
 */
export function commitImport(db: CrmDatabase, importId: string, now: number, whole?: { chunks: number }): Promise<CommitSummary> {
  return guard(() =>
    db.transaction('rw', [db.customers, db.companies, db.orderBooks, db.orderKeyPages, db.interactions, db.notes, db.importChunks, db.meta, db.orderFactPages, db.orderFactRows], async () => {
      const summary: CommitSummary = { customersCreated: 0, customersUpdated: 0, ordersCreated: 0, ordersUpdated: 0, notesAdded: 0, companiesCreated: 0 };
      const chunkIds = whole === undefined ? await stagedChunkIds(db, importId) : await assertWhole(db, importId, whole.chunks);
      if (chunkIds.length === 0) throw new DbError('not_found', 'Nothing was staged for this import (it was cancelled or has expired).');

      const customerCount = await db.customers.count();
      const hadCustomers = customerCount > 0;
      const hadOrders = (await db.orderBooks.count()) > 0;
      const hadInteractions = (await db.interactions.count()) > 0;
      const companies = await loadCompanies(db);
      /** Customer key (and every address as `email:` key) → customer id. */
      const keyToId = new Map<string, string>();
      const touched = new Map<string, Touched>();
      /** Customers that existed before this import and were found by a draft's keys. */
      const loaded = new Map<string, Customer>();
      // A file of several chunks may name a good part of the customers: reading them all at once
      // (a few µs each) beats finding each through the addresses index (~150 µs each).
      const readAll = hadCustomers && chunkIds.length >= 2 && chunkIds.length * BATCH_SIZE * ALL_CUSTOMERS_SHARE >= customerCount;
      if (readAll) {
        // Older first, so the longest-standing record is the one an address resolves to.
        const all = (await db.customers.toArray()).filter(isLive).sort((a, b) => a.createdAt - b.createdAt);
        for (const customer of all) {
          loaded.set(customer.id, customer);
          register(keyToId, customer);
        }
      }
      const existingEntry = (customer: Customer): Touched => ({ customer, created: false, changed: false, added: new Map() });
      /**
       * Stored orders this import gives to another customer, by the customer whose book they
       * leave (who may be tombstoned: the order leaves their book all the same).
       */
      const movedOut = new Map<string, Set<string>>();
      /**
       * Orders already written by this commit: source + external id → the order's id, the
       * customer it was written for (the same order may come again for another customer) and
       * the order as it was stored before the import, if it was.
       */
      const written = new Map<string, { id: string; customerId: string; stored: Order | undefined }>();
      /** Where stored orders are: read a page at a time as chunks need them, written at the end. */
      const locator = new OrderLocator(db);

      let nextChunk = db.importChunks.get(chunkIds[0] ?? '');
      for (let c = 0; c < chunkIds.length; c++) {
        const chunk = await nextChunk;
        const following = chunkIds[c + 1];
        if (following !== undefined) nextChunk = db.importChunks.get(following);
        if (chunk === undefined || chunk.kind !== 'drafts') continue;
        const drafts = chunkDrafts(chunk);

        // Customers: match, merge, create.
        const unresolved = drafts.customers.filter((d) => !keyToId.has(d.key) && !d.emails.some((e) => keyToId.has(`email:${e}`)));
        const lookups = hadCustomers && !readAll ? lookupsFor(unresolved) : null;
        for (const customer of lookups !== null ? await findExisting(db, lookups) : []) {
          if (loaded.has(customer.id)) continue;
          loaded.set(customer.id, customer);
          register(keyToId, customer);
        }
        for (const draft of drafts.customers) {
          const knownId = [draft.key, ...draft.emails.map((e) => `email:${e}`)].map((k) => keyToId.get(k)).find((x) => x !== undefined);
          const known = knownId === undefined ? null : (touched.get(knownId)?.customer ?? loaded.get(knownId) ?? null);
          let entry: Touched;
          if (known === null) {
            // No Customer.parse here: every draft field was validated by CustomerDraft when it
            // crossed the message boundary (import.stage), with the same field schemas as the
            // record's, and the rest are defaults. Re-validating 50,000 new customers inside the
            // transaction only kept it open longer.
            const customer: Customer = {
              ...customerDefaults(),
              id: newId(),
              name: draft.name,
              emails: draft.emails,
              phone: draft.phone,
              tags: draft.tags,
              birthday: draft.birthday,
              source: draft.source,
              externalId: draft.externalId,
              createdAt: now,
              updatedAt: now,
            };
            entry = { customer, created: true, changed: true, added: new Map() };
            summary.customersCreated += 1;
          } else {
            entry = touched.get(known.id) ?? existingEntry(known);
            const merged = mergeDraft(entry.customer, draft, now);
            if (merged !== entry.customer) {
              if (!entry.created && !entry.changed) summary.customersUpdated += 1;
              entry = { ...entry, customer: merged, changed: true };
            }
          }
          if (draft.companyName !== null && entry.customer.companyId === null) {
            const company = companies.resolve(draft.companyName, entry.customer.emails, now);
            if (company.created) {
              await db.companies.add(company.company);
              summary.companiesCreated += 1;
            }
            entry = { ...entry, customer: { ...entry.customer, companyId: company.company.id, updatedAt: now }, changed: true };
          }
          touched.set(entry.customer.id, entry);
          register(keyToId, entry.customer);
          keyToId.set(draft.key, entry.customer.id);
          if (draft.note !== null) summary.notesAdded += await addNoteOnce(db, entry, draft.note, now);
        }

        // Orders: update in place by source + external id, else add.
        const unseen = hadOrders ? drafts.orders.filter((o) => !written.has(orderKey(o))) : [];
        const found = unseen.length > 0 ? await findByBookKeys(db, unseen.map(orderKey), locator) : new Map<string, Order>();
        for (const draft of drafts.orders) {
          const customerId = keyToId.get(draft.customerKey);
          if (customerId === undefined) throw new DbError('invalid', `Order ${draft.number ?? draft.externalId} names a customer that is not in the import.`);
          const key = orderKey(draft);
          const earlier = written.get(key);
          // As stored before this import (found now, or when the order first came in this import).
          const previous = earlier === undefined ? found.get(key) : earlier.stored;
          const id = earlier?.id ?? previous?.id ?? newId();
          // An order that moves to another customer leaves its previous owner's book and figures,
          // also when it first came for that owner earlier in the file.
          if (previous !== undefined && previous.customerId !== customerId) {
            const owner = previous.customerId;
            movedOut.set(owner, (movedOut.get(owner) ?? new Set()).add(previous.id));
            if (!touched.has(owner)) {
              const customer = await db.customers.get(owner);
              if (isLive(customer)) touched.set(owner, existingEntry(customer));
            }
          }
          const order: Order = {
            id,
            customerId,
            orderedAt: draft.orderedAt,
            total: draft.total,
            number: draft.number,
            source: draft.source,
            externalId: draft.externalId,
            status: draft.status,
            createdAt: previous?.createdAt ?? now,
            updatedAt: previous !== undefined && sameOrder(previous, draft, customerId) ? previous.updatedAt : now,
            deletedAt: null,
          };
          if (earlier === undefined) {
            if (previous === undefined) summary.ordersCreated += 1;
            else if (order.updatedAt !== previous.updatedAt) summary.ordersUpdated += 1;
          }
          // The same order seen again for another customer: it leaves the first one's book.
          if (earlier !== undefined && earlier.customerId !== customerId) touched.get(earlier.customerId)?.added.delete(id);
          written.set(key, { id, customerId, stored: previous });
          touched.get(customerId)?.added.set(id, order);
        }
      }

      await finish(db, touched, movedOut, locator, { hadOrders, hadInteractions, now });
      await db.importChunks.where('importId').equals(importId).delete();
      await db.meta.put({ key: LAST_IMPORT_KEY, value: { importId, at: now, summary } });
      return summary;
    }),
  );
}

function orderKey(o: OrderDraft): string {
  return naturalKey(o.source, o.externalId);
}

/**
 * Writes every customer whose orders this import changed: their book (what was stored, less
 * what moved out, plus this import's orders), their order facts and figures; and the customers
 * whose fields changed. The pages of order keys changed are written once, at the end. A batch's writes are issued before the next batch is prepared, and a
 * failed write is rethrown before anything else is issued.
 */
async function finish(
  db: CrmDatabase,
  touched: ReadonlyMap<string, Touched>,
  movedOut: ReadonlyMap<string, ReadonlySet<string>>,
  locator: OrderLocator,
  { hadOrders, hadInteractions, now }: { hadOrders: boolean; hadInteractions: boolean; now: number },
): Promise<void> {
  // In customer-id order: a batch then covers a few pages of order facts, each rewritten about once.
  const ids = [...new Set([...touched.keys(), ...movedOut.keys()])].sort();
  let inFlight: Promise<unknown> | null = null;
  const settle = async (writes: Promise<unknown>) => {
    const failure = await writes;
    if (failure !== null) throw failure;
  };
  for (let i = 0; i < ids.length; i += FINISH_BATCH) {
    const batch = ids.slice(i, i + FINISH_BATCH);
    const ordersChange = (id: string) => movedOut.has(id) || (touched.get(id)?.added.size ?? 0) > 0;
    // New customers have no stored orders; before the first order there are no books to read.
    const stored = batch.filter((id) => ordersChange(id) && touched.get(id)?.created !== true);
    const books = hadOrders && stored.length > 0 ? await locator.books(stored) : new Map<string, OrderBook>();
    const interactions = new Map<string, StatsInteraction[]>();
    if (hadInteractions && stored.length > 0) {
      for (const row of await db.interactions.where('customerId').anyOf(stored).toArray()) {
        interactions.set(row.customerId, [...(interactions.get(row.customerId) ?? []), row]);
      }
    }
    const newBooks: [string, Order[]][] = [];
    const customers: Customer[] = [];
    for (const id of batch) {
      const entry = touched.get(id);
      if (!ordersChange(id)) {
        // Fields only: an import adds no interactions, so the figures stand.
        if (entry?.changed === true) customers.push(entry.customer);
        continue;
      }
      const book = books.get(id);
      const orders = new Map((book === undefined ? [] : bookOrders(book)).map((o) => [o.id, o]));
      for (const orderId of movedOut.get(id) ?? []) orders.delete(orderId);
      for (const [orderId, order] of entry?.added ?? []) orders.set(orderId, order);
      const list = [...orders.values()];
      // A re-import that brings a customer's orders as they are stored changes nothing of theirs.
      if (book !== undefined && !movedOut.has(id) && sameBook(bookOf(id, list), book)) {
        if (entry?.changed === true) customers.push(entry.customer);
        continue;
      }
      newBooks.push([id, list]);
      if (entry === undefined) continue;
      const stats = computeStats(list, interactions.get(id) ?? []);
      if (!entry.changed && JSON.stringify(stats) === JSON.stringify(entry.customer.stats)) continue;
      customers.push({ ...entry.customer, stats, updatedAt: entry.changed ? entry.customer.updatedAt : now });
    }
    if (inFlight !== null) await settle(inFlight);
    const writes: Promise<unknown>[] = [];
    if (newBooks.length > 0) writes.push(writeBooks(db, newBooks, { locator, previous: books }), putOrderFacts(db, newBooks));
    if (customers.length > 0) writes.push(db.customers.bulkPut(customers));
    inFlight =
      writes.length === 0
        ? null
        : Promise.all(writes).then(
            () => null,
            (error: unknown) => error ?? new DbError('storage', 'Writing the import failed.'),
          );
  }
  if (inFlight !== null) await settle(inFlight);
  await locator.flush();
}

function sameOrder(previous: Order, draft: OrderDraft, customerId: string): boolean {
  return (
    previous.customerId === customerId &&
    previous.orderedAt === draft.orderedAt &&
    previous.total.minor === draft.total.minor &&
    previous.total.currency === draft.total.currency &&
    previous.number === draft.number &&
    previous.status === draft.status &&
    previous.deletedAt === null
  );
}

function register(keyToId: Map<string, string>, customer: Customer): void {
  for (const email of customer.emails) if (!keyToId.has(`email:${email}`)) keyToId.set(`email:${email}`, customer.id);
  if (customer.source !== null && customer.externalId !== null) {
    const key = `ext:${customer.source}:${customer.externalId}`;
    if (!keyToId.has(key)) keyToId.set(key, customer.id);
  }
}

interface Lookups {
  emails: string[];
  external: [string, string][];
}

/** The drafts' addresses and store ids; null when there is nothing to look up. */
function lookupsFor(drafts: readonly CustomerDraft[]): Lookups | null {
  const emails = [...new Set(drafts.flatMap((d) => d.emails))];
  const external = drafts.filter((d) => d.externalId !== null).map((d): [string, string] => [d.source, d.externalId ?? '']);
  return emails.length + external.length === 0 ? null : { emails, external };
}

/**
 * Live customers owning any of these addresses or store ids. Callers pass non-empty lookups, so
 * this always awaits Dexie: inside a transaction, an async helper that sometimes awaits nothing
 * makes Dexie lose track of the transaction (PrematureCommitError, dexie/Dexie.js#1186).
 */
async function findExisting(db: CrmDatabase, { emails, external }: Lookups): Promise<Customer[]> {
  const byEmail = emails.length === 0 ? [] : await db.customers.where('emails').anyOf(emails).toArray();
  const byExternal = external.length === 0 ? [] : await db.customers.where('[source+externalId]').anyOf(external).toArray();
  const live = new Map<string, Customer>();
  // Older first, so the longest-standing record is the one an address resolves to.
  for (const c of [...byEmail, ...byExternal].sort((a, b) => a.createdAt - b.createdAt)) if (isLive(c)) live.set(c.id, c);
  return [...live.values()];
}

/** Fills what the customer lacks from the draft; returns the same object when nothing changes. */
export function mergeDraft(customer: Customer, draft: CustomerDraft, now: number): Customer {
  const emails = [...customer.emails, ...draft.emails.filter((e) => !customer.emails.includes(e))].slice(0, 50);
  const tags = [...customer.tags, ...draft.tags.filter((t) => !customer.tags.includes(t))].slice(0, 50);
  const next: Customer = {
    ...customer,
    name: customer.name || draft.name,
    emails,
    tags,
    phone: customer.phone ?? draft.phone,
    birthday: customer.birthday ?? draft.birthday,
    source: customer.source ?? draft.source,
    externalId: customer.source === null || customer.source === draft.source ? (customer.externalId ?? draft.externalId) : customer.externalId,
  };
  const same =
    next.name === customer.name &&
    emails.length === customer.emails.length &&
    tags.length === customer.tags.length &&
    next.phone === customer.phone &&
    next.birthday === customer.birthday &&
    next.source === customer.source &&
    next.externalId === customer.externalId;
  return same ? customer : { ...next, updatedAt: now };
}

async function addNoteOnce(db: CrmDatabase, entry: Touched, body: string, now: number): Promise<number> {
  if (!entry.created) {
    const notes = await db.notes.where('customerId').equals(entry.customer.id).toArray();
    if (notes.some((n) => isLive(n) && n.body === body)) return 0;
  }
  await db.notes.add(Note.parse({ id: newId(), customerId: entry.customer.id, body, pinned: false, createdAt: now, updatedAt: now, deletedAt: null }));
  return 1;
}

interface CompanyIndex {
  resolve(name: string, emails: readonly string[], now: number): { company: Company; created: boolean };
}

/** Companies by registrable domain and by lower-cased name (a shop has at most a few thousand). */
async function loadCompanies(db: CrmDatabase): Promise<CompanyIndex> {
  const byDomain = new Map<string, Company>();
  const byName = new Map<string, Company>();
  for (const company of await db.companies.toArray()) {
    if (!isLive(company)) continue;
    for (const domain of company.domains) byDomain.set(domain, company);
    byName.set(company.name.trim().toLowerCase(), company);
  }
  return {
    resolve(name, emails, now) {
      const domains = emails
        .map((e) => registrableDomain(e.slice(e.lastIndexOf('@') + 1)))
        .filter((d): d is string => d !== null && !isFreeMailDomain(d));
      const known = domains.map((d) => byDomain.get(d)).find((c) => c !== undefined) ?? byName.get(name.trim().toLowerCase());
      if (known) return { company: known, created: false };
      const company = Company.parse({ id: newId(), name, domains: [...new Set(domains)].slice(0, 1), createdAt: now, updatedAt: now, deletedAt: null });
      for (const domain of company.domains) byDomain.set(domain, company);
      byName.set(name.trim().toLowerCase(), company);
      return { company, created: true };
    },
  };
}
