import { isFreeMailDomain, registrableDomain } from '../email/company';
import type { CustomerDraft, OrderDraft } from '../import/drafts';
import { Company, customerDefaults, Note, type Customer, type Order } from '../model/records';
import type { CrmDatabase } from './database';
import { DbError, guard } from './errors';
import { isLive, newId } from './shared';
import { expandOrderFacts, putOrderFacts } from './order-facts';
import { computeStats, type StatsInteraction, type StatsOrder } from './stats';

/**
 * Commits a staged import in ONE transaction: everything appears at once or nothing does.
 * Natural keys make it idempotent: a customer is found by any of its normalized addresses (or
 * the store's id for them), an order by source + external id; found rows are updated in place,
 * so importing the same file twice adds nothing.
 *
 * An existing customer's fields are only filled in where empty (tags and addresses are
 * merged): an import never overwrites what the owner typed. Orders take the file's values.
 *
 * The transaction awaits only Dexie; chunks are read one at a time so memory holds one chunk
 * plus a small per-customer summary, not the whole file.
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
  /**
   * All the customer's orders as they stand after this import (what they had, from their order
   * facts, then this import's), so figures and facts are computed without a query per customer.
   */
  orders: Map<string, FactOrder>;
  /** Their interactions' part of the figures (imports add none). */
  interactions: readonly StatsInteraction[];
}

type FactOrder = StatsOrder & Pick<Order, 'id' | 'number'>;

export function commitImport(db: CrmDatabase, importId: string, now: number): Promise<CommitSummary> {
  return guard(() =>
    db.transaction('rw', [db.customers, db.companies, db.orders, db.interactions, db.notes, db.importChunks, db.meta, db.orderFacts], async () => {
      const summary: CommitSummary = { customersCreated: 0, customersUpdated: 0, ordersCreated: 0, ordersUpdated: 0, notesAdded: 0, companiesCreated: 0 };
      const chunkIds = await db.importChunks.where('importId').equals(importId).primaryKeys();
      if (chunkIds.length === 0) throw new DbError('not_found', 'Nothing was staged for this import (it was cancelled or has expired).');
      chunkIds.sort();

      const hadCustomers = (await db.customers.count()) > 0;
      const hadOrders = (await db.orders.count()) > 0;
      const companies = await loadCompanies(db);
      /** Customer key (and every address as `email:` key) → customer id. */
      const keyToId = new Map<string, string>();
      const touched = new Map<string, Touched>();
      /** Customers that existed before this import and were found by a draft's keys. */
      const loaded = new Map<string, Customer>();
      /** What those customers had before this import: their orders and interactions. */
      const before = new Map<string, { orders: Map<string, FactOrder>; interactions: StatsInteraction[] }>();
      // Called only with customers not loaded yet, so it always awaits Dexie: inside a
      // transaction an async helper that sometimes awaits nothing makes Dexie lose track of
      // the transaction (PrematureCommitError, dexie/Dexie.js#1186).
      const loadBefore = async (fresh: readonly string[]) => {
        const rows = await db.orderFacts.bulkGet([...fresh]);
        const interactions = await db.interactions.where('customerId').anyOf(fresh).toArray();
        fresh.forEach((id, i) => {
          const row = rows[i];
          before.set(id, { orders: new Map(row === undefined ? [] : expandOrderFacts(row).map((o) => [o.id, o])), interactions: [] });
        });
        for (const interaction of interactions) before.get(interaction.customerId)?.interactions.push(interaction);
      };
      /** A customer found before this import, with what they had (loaded by `loadBefore`). */
      const existingEntry = (customer: Customer): Touched => {
        const prior = before.get(customer.id);
        return { customer, created: false, changed: false, orders: prior?.orders ?? new Map(), interactions: prior?.interactions ?? [] };
      };
      /**
       * Orders already written by this commit: source + external id → the order's id and the
       * customer it was written for (the same order may come again for another customer).
       */
      const written = new Map<string, { id: string; customerId: string }>();

      // Double buffering: a chunk's orders are written while the next chunk is read and mapped.
      // The browser's IndexedDB backend is the bottleneck (the background is idle ~70% of the
      // commit, waiting on it), so keeping it busy while the mapping runs shortens the commit.
      // Requests run in issue order within the transaction, so every read still sees the
      // writes issued before it; at most one chunk's writes are in flight, and each is awaited
      // (its failure captured, then rethrown) before the next is issued.
      let inFlight: Promise<unknown> | null = null;
      const settleWrites = async (writes: Promise<unknown>) => {
        const failure = await writes;
        if (failure !== null) throw failure;
      };
      let nextChunk = db.importChunks.get(chunkIds[0] ?? '');
      for (let c = 0; c < chunkIds.length; c++) {
        const chunk = await nextChunk;
        const following = chunkIds[c + 1];
        if (following !== undefined) nextChunk = db.importChunks.get(following);
        if (chunk === undefined || chunk.kind !== 'drafts') continue;

        // Customers: match, merge, create.
        const unresolved = chunk.customers.filter((d) => !keyToId.has(d.key) && !d.emails.some((e) => keyToId.has(`email:${e}`)));
        const newlyLoaded: string[] = [];
        const lookups = hadCustomers ? lookupsFor(unresolved) : null;
        for (const customer of lookups !== null ? await findExisting(db, lookups) : []) {
          if (loaded.has(customer.id)) continue;
          loaded.set(customer.id, customer);
          newlyLoaded.push(customer.id);
          register(keyToId, customer);
        }
        // One read per chunk for all the customers it found, not one per customer.
        if (newlyLoaded.length > 0) await loadBefore(newlyLoaded);
        for (const draft of chunk.customers) {
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
            entry = { customer, created: true, changed: true, orders: new Map(), interactions: [] };
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
        const unseen = hadOrders ? chunk.orders.filter((o) => !written.has(orderKey(o))) : [];
        const found = unseen.length > 0 ? await findOrders(db, unseen) : new Map<string, Order>();
        const orders: Order[] = [];
        for (const draft of chunk.orders) {
          const customerId = keyToId.get(draft.customerKey);
          if (customerId === undefined) throw new DbError('invalid', `Order ${draft.number ?? draft.externalId} names a customer that is not in the import.`);
          const key = orderKey(draft);
          const previous = found.get(key);
          const earlier = written.get(key);
          const id = earlier?.id ?? previous?.id ?? newId();
          // An order that moves to another customer leaves its previous owner's figures.
          if (previous !== undefined && previous.customerId !== customerId) {
            const owner = await db.customers.get(previous.customerId);
            if (isLive(owner) && !touched.has(owner.id)) {
              if (!before.has(owner.id)) await loadBefore([owner.id]);
              touched.set(owner.id, existingEntry(owner));
            }
            touched.get(previous.customerId)?.orders.delete(previous.id);
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
          if (written.has(key) || previous !== undefined) {
            if (!written.has(key)) summary.ordersUpdated += previous !== undefined && order.updatedAt !== previous.updatedAt ? 1 : 0;
          } else summary.ordersCreated += 1;
          // The same order seen again for another customer: it leaves the first one's figures.
          if (earlier !== undefined && earlier.customerId !== customerId) touched.get(earlier.customerId)?.orders.delete(id);
          written.set(key, { id, customerId });
          orders.push(order);
          // Only what the figures need: the full orders of a big import would sit in memory
          // until the end of the transaction.
          touched.get(customerId)?.orders.set(id, { id, number: order.number, deletedAt: null, status: order.status, total: order.total, orderedAt: order.orderedAt });
        }
        if (inFlight !== null) await settleWrites(inFlight);
        inFlight = db.orders.bulkPut(orders).then(
          () => null,
          (error: unknown) => error ?? new DbError('storage', 'Writing the orders failed.'),
        );
      }
      if (inFlight !== null) await settleWrites(inFlight);

      // Customers are written once, with their figures and order facts, from memory.
      const finished: Customer[] = [];
      for (const entry of touched.values()) {
        const stats = computeStats([...entry.orders.values()], entry.interactions);
        if (!entry.changed && JSON.stringify(stats) === JSON.stringify(entry.customer.stats)) continue;
        finished.push({ ...entry.customer, stats, updatedAt: entry.changed ? entry.customer.updatedAt : now });
      }
      await db.customers.bulkPut(finished);
      await putOrderFacts(db, [...touched.values()].map((entry) => [entry.customer.id, entry.orders.values()] as const));
      await db.importChunks.where('importId').equals(importId).delete();
      await db.meta.put({ key: LAST_IMPORT_KEY, value: { importId, at: now, summary } });
      return summary;
    }),
  );
}

function orderKey(o: { source: string | null; externalId: string | null }): string {
  return `${o.source ?? ''}\u0000${o.externalId ?? ''}`;
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
 * this always awaits Dexie (see `loadBefore` in commitImport).
 */
async function findExisting(db: CrmDatabase, { emails, external }: Lookups): Promise<Customer[]> {
  const byEmail = emails.length === 0 ? [] : await db.customers.where('emails').anyOf(emails).toArray();
  const byExternal = external.length === 0 ? [] : await db.customers.where('[source+externalId]').anyOf(external).toArray();
  const live = new Map<string, Customer>();
  // Older first, so the longest-standing record is the one an address resolves to.
  for (const c of [...byEmail, ...byExternal].sort((a, b) => a.createdAt - b.createdAt)) if (isLive(c)) live.set(c.id, c);
  return [...live.values()];
}

/** Stored orders with these drafts' natural keys. Callers pass at least one draft. */
async function findOrders(db: CrmDatabase, drafts: readonly OrderDraft[]): Promise<Map<string, Order>> {
  const found = new Map<string, Order>();
  const keys = drafts.map((o): [string, string] => [o.source, o.externalId]);
  for (const order of await db.orders.where('[source+externalId]').anyOf(keys).toArray()) found.set(orderKey(order), order);
  return found;
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
