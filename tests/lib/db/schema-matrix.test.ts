import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { LATEST_SCHEMA, type CrmDatabase } from '../../../lib/db/schema';
import { findCustomersByEmails, getCustomerCard } from '../../../lib/db/index';
import { bookOrders, type OrderBook } from '../../../lib/db/orders/book';
import { countOrders } from '../../../lib/db/orders/store';
import { expandOrderFacts } from '../../../lib/db/orders/fact-rows';
import { getOrderFacts } from '../../../lib/db/orders/facts';
import type { Customer, Order } from '../../../lib/model/records';

/**
 * Every shipped schema version, saved by that version's own code (tests/fixtures/schema/, made by
 * scripts/schema-fixtures.ts), upgraded to the latest: rows counted, tables the upgrades do not
 * reshape compared row by row (a checksum of each), orders followed wherever the version kept
 * them, and every index of the latest schema queried.
 */

interface SavedStore {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  rows: Record<string, unknown>[];
}
interface SavedDatabase {
  version: number;
  stores: SavedStore[];
}

const DIR = join(import.meta.dirname, '../../fixtures/schema');
const FIXTURES = readdirSync(DIR)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => ({ schema: Number(f.slice(1, -5)), saved: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as SavedDatabase }))
  .sort((a, b) => a.schema - b.schema);

/**
 * Tables no upgrade reshapes: their rows come through unchanged, apart from the fields an
 * upgrade adds (schema 11 gives customers stored before it their `consent`).
 */
const KEPT: Record<string, readonly string[]> = {
  customers: ['consent'],
  companies: [],
  notes: [],
  interactions: [],
  reminders: [],
  suggestionHolds: [],
  meta: [],
};

/** Writes a saved database into fake-indexeddb as the browser held it: its version, stores, indexes, rows. */
export async function restoreSaved(name: string, saved: SavedDatabase): Promise<void> {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name, saved.version);
    request.onupgradeneeded = () => {
      for (const store of saved.stores) {
        const created = request.result.createObjectStore(store.name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
        for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = saved.stores.map((s) => s.name);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(names, 'readwrite');
    for (const store of saved.stores) for (const row of store.rows) tx.objectStore(store.name).put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** JSON with every object's keys sorted (fields in another order are the same row). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** A table's rows, each canonical, in key order: a checksum that names the difference when it fails. */
function checksum(rows: Record<string, unknown>[], key: string): string[] {
  return [...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1)).map(canonical);
}

function keyOf(store: SavedStore): string {
  return typeof store.keyPath === 'string' ? store.keyPath : 'id';
}

/** The orders a saved database holds, wherever its version kept them (a table of orders, or books). */
function savedOrders(saved: SavedDatabase): Order[] {
  const table = saved.stores.find((s) => s.name === 'orders');
  if (table) return table.rows as unknown as Order[];
  return (saved.stores.find((s) => s.name === 'orderBooks')?.rows ?? []).flatMap((book) => bookOrders(book as unknown as OrderBook));
}

const opened: CrmDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function upgraded(saved: SavedDatabase): Promise<CrmDatabase> {
  const name = `crm-matrix-${crypto.randomUUID()}`;
  await restoreSaved(name, saved);
  const db = openDatabase(name, { indexedDB, IDBKeyRange });
  opened.push(db);
  await db.open();
  return db;
}

describe('F4 migration matrix: a saved database of every shipped schema version upgrades to the latest', () => {
  it('has a fixture for every shipped version up to the latest', () => {
    const versions = FIXTURES.map((f) => f.schema);
    expect(versions.at(-1)).toBe(LATEST_SCHEMA);
    // 4 came in with 5 in one commit and never shipped on its own (tests/fixtures/schema/SOURCES.md).
    expect(versions).toEqual(Array.from({ length: LATEST_SCHEMA }, (_, i) => i + 1).filter((v) => v !== 4));
    for (const { schema, saved } of FIXTURES) expect(Math.floor(saved.version / 10), `v${schema}.json`).toBe(schema);
  });

  for (const { schema, saved } of FIXTURES) {
    it(`schema ${schema} → ${LATEST_SCHEMA}: counts, checksums, orders and indexes`, async () => {
      const db = await upgraded(saved);
      expect(Math.floor(db.backendDB().version / 10)).toBe(LATEST_SCHEMA);
      expect(db.tables.map((t) => t.name).sort()).toEqual(
        Object.keys(db._dbSchema)
          .filter((name) => db._dbSchema[name] !== undefined)
          .sort(),
      );

      // Row for row, the tables no upgrade reshapes.
      for (const [name, added] of Object.entries(KEPT)) {
        const store = saved.stores.find((s) => s.name === name);
        if (!store) continue;
        const rows = (await db.table(name).toArray()) as Record<string, unknown>[];
        expect(rows.length, `${name} rows`).toBe(store.rows.length);
        // Fields an upgrade added are set aside where the saved row did not have them.
        const key = keyOf(store);
        const savedKeys = new Map(store.rows.map((row) => [row[key], new Set(Object.keys(row))]));
        const comparable = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([field]) => !added.includes(field) || savedKeys.get(row[key])?.has(field))));
        expect(checksum(comparable, key), `${name} rows`).toEqual(checksum(store.rows, key));
        for (const row of rows) for (const field of added) expect(row[field], `${name}.${field} after the upgrade`).toBeDefined();
      }

      // Every order, as it was, wherever the version kept it, and the derived data built from them.
      const orders = savedOrders(saved);
      expect(orders.length).toBeGreaterThan(0);
      expect(await countOrders(db)).toBe(orders.length);
      const books = (await db.orderBooks.toArray()).flatMap(bookOrders);
      expect(checksum(books as unknown as Record<string, unknown>[], 'id')).toEqual(checksum(orders as unknown as Record<string, unknown>[], 'id'));
      const live = orders.filter((o) => o.deletedAt === null);
      const someone = live[0]!.customerId;
      const facts = await getOrderFacts(db, someone);
      expect(facts && expandOrderFacts(facts).map((o) => o.id).sort()).toEqual(live.filter((o) => o.customerId === someone).map((o) => o.id).sort());

      // Every index of the latest schema answers.
      for (const table of db.tables) {
        for (const index of table.schema.indexes) {
          await expect(table.orderBy(index.name).count(), `${table.name}.${index.name}`).resolves.toBeGreaterThanOrEqual(0);
        }
      }
      // And the lookups the product makes find what the old version stored.
      const customers = (saved.stores.find((s) => s.name === 'customers')?.rows ?? []) as unknown as Customer[];
      const emails = customers.flatMap((c) => c.emails);
      const found = await findCustomersByEmails(db, emails);
      for (const customer of customers.filter((c) => c.deletedAt === null)) {
        for (const email of customer.emails) expect(found.get(email)?.id, email).toBe(customer.id);
      }
      const card = await getCustomerCard(db, someone);
      expect(card?.orders.map((o) => o.id).sort()).toEqual(orders.filter((o) => o.customerId === someone).map((o) => o.id).sort());
    });
  }
});

/** The saved database as it is now in fake-indexeddb: its version and each store's canonical rows. */
async function rawState(name: string): Promise<{ version: number; stores: Record<string, string[]> }> {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores: Record<string, string[]> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    const os = db.transaction(store, 'readonly').objectStore(store);
    const rows: Record<string, unknown>[] = await new Promise((resolve) => {
      const request = os.getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    });
    stores[store] = checksum(rows, typeof os.keyPath === 'string' ? os.keyPath : 'id');
  }
  const version = db.version;
  db.close();
  return { version, stores };
}

describe('F3 an upgrade interrupted midway', () => {
  it('leaves the database fully old (IndexedDB runs an upgrade as one transaction); the next start upgrades it whole', async () => {
    const { saved } = FIXTURES.find((f) => f.schema === 3)!;
    const name = `crm-interrupted-${crypto.randomUUID()}`;
    await restoreSaved(name, saved);
    const before = await rawState(name);

    // The browser dies while the schema-4 upgrade writes the books: here, the 10th write fails.
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.transaction.mode === 'versionchange' && ++writes === 10) throw new DOMException('The browser was killed.', 'AbortError');
      return put.apply(this, args);
    };
    const interrupted = openDatabase(name, { indexedDB, IDBKeyRange });
    try {
      await expect(interrupted.open()).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = put;
      interrupted.close();
    }
    expect(writes).toBeGreaterThanOrEqual(10);
    expect(await rawState(name)).toEqual(before);

    // Started again: the whole upgrade runs, as from the saved version.
    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    opened.push(db);
    await db.open();
    expect(Math.floor(db.backendDB().version / 10)).toBe(LATEST_SCHEMA);
    expect(await countOrders(db)).toBe(savedOrders(saved).length);
    expect(await db.customers.count()).toBe(saved.stores.find((s) => s.name === 'customers')!.rows.length);
  });
});
