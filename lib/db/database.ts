import Dexie, { type DexieOptions } from 'dexie';
import { unknownConsent, type Customer } from '../model/records';
import { trackChanges } from './changes';
import { booksFromOrdersTable, rebuildFactsFromBooks, rebuildOrderKeys } from './orders/rebuild';
import { SCHEMA_V1, SCHEMA_V10, SCHEMA_V11, SCHEMA_V12, SCHEMA_V13, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, type CrmDatabase } from './schema';
import { readOnlySwitch } from './safety';

/**
 * Opens (lazily, on first use) the database. Tests pass a fresh name per test, and may pass
 * `{ indexedDB, IDBKeyRange }` from fake-indexeddb instead of relying on globals.
 */
export function openDatabase(name = 'crm', options?: DexieOptions): CrmDatabase {
  const db = new Dexie(name, options) as CrmDatabase;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  // Version 3's order facts were built by its upgrade; version 6 builds them anew from the books.
  db.version(3).stores(SCHEMA_V3);
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade((tx) => booksFromOrdersTable(tx.table('customers'), tx.table('orders'), tx.table('orderBooks')));
  db.version(5).stores(SCHEMA_V5);
  db.version(6)
    .stores(SCHEMA_V6)
    .upgrade((tx) => rebuildFactsFromBooks(tx.table('orderBooks'), tx.table('orderFactPages'), null));
  db.version(7)
    .stores(SCHEMA_V7)
    .upgrade((tx) => rebuildOrderKeys(tx.table('orderBooks'), tx.table('orderKeyPages')));
  db.version(8).stores(SCHEMA_V8);
  db.version(9).stores(SCHEMA_V9);
  db.version(10).stores(SCHEMA_V10);
  db.version(11)
    .stores(SCHEMA_V11)
    .upgrade((tx) =>
      tx
        .table('customers')
        .filter((row: Partial<Customer>) => row.consent === undefined)
        .modify((row: Partial<Customer>) => {
          row.consent = unknownConsent();
        }),
    );
  db.version(12).stores(SCHEMA_V12);
  db.version(13).stores(SCHEMA_V13);
  // Every write reports through this: the one change signal (./changes.ts).
  trackChanges(db);
  // Refuses every write while the background says so (a database written by newer code: ./safety.ts).
  db.use(readOnlySwitch(db));
  return db;
}
