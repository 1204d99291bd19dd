import type { Dexie, EntityTable } from 'dexie';
import type { DashboardBook } from '../insights/dashboard/book';
import type { Company, Customer, Interaction, Note, Reminder } from '../model/records';
import type { JournalEntry } from './changes';
import type { OrderBook } from './orders/book';
import type { OrderFactsPage, OrderFactsRow } from './orders/fact-rows';
import type { OrderKeyPage } from './orders/key-pages';
import type { ImportChunk, MetaEntry, SuggestionHoldRow } from './rows';
import type { SyncConflictRow, SyncDocRow } from './sync-rows';

/**
 * The database's tables and their versions: what every module of lib/db reads and writes
 * through. ./database.ts opens it; only lib/db imports Dexie (eslint enforces it) and only the
 * background opens the database (DESIGN.md: one owner).
 */

export type CrmDatabase = Dexie & {
  customers: EntityTable<Customer, 'id'>;
  companies: EntityTable<Company, 'id'>;
  /** Each customer's orders in one row (./orders/book.ts); there is no table of single orders. */
  orderBooks: EntityTable<OrderBook, 'customerId'>;
  interactions: EntityTable<Interaction, 'id'>;
  notes: EntityTable<Note, 'id'>;
  reminders: EntityTable<Reminder, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
  /** Staged import chunks, invisible to every reader until committed (./import-staging.ts). */
  importChunks: EntityTable<ImportChunk, 'id'>;
  /** Dismissed and snoozed next-action suggestions (./insights.ts). */
  suggestionHolds: EntityTable<SuggestionHoldRow, 'id'>;
  /** Each customer's live orders in compact form, derived and kept current (./orders/fact-rows.ts). */
  orderFactPages: EntityTable<OrderFactsPage, 'prefix'>;
  /** Order facts of customers changed a few at a time, overriding their pages' (./orders/fact-rows.ts). */
  orderFactRows: EntityTable<OrderFactsRow, 'customerId'>;
  /** Which customer's book holds each order, by the order's key (./orders/key-pages.ts). */
  orderKeyPages: EntityTable<OrderKeyPage, 'page'>;
  /** The owner's settings, enabled sites and UI state, out of content scripts' reach (./prefs.ts). */
  settings: EntityTable<MetaEntry, 'key'>;
  /** Writes to shared tables, for sync, while the journal is switched on (./changes.ts). */
  changeJournal: EntityTable<JournalEntry, 'seq'>;
  /** Which revision of each team document this database reflects (./sync-store.ts). */
  syncDocs: EntityTable<SyncDocRow, 'id'>;
  /** Open conflicts from the team, shown on the cards until a person picks (./sync-store.ts). */
  syncConflicts: EntityTable<SyncConflictRow, 'id'>;
  /** The team this browser is in, its secret and the journal's acknowledged point (./sync-store.ts). */
  syncTeam: EntityTable<MetaEntry, 'key'>;
  /** The dashboard's columnar copy of the book, rebuilt by every full recompute (./dashboard-book.ts). */
  dashboardBooks: EntityTable<DashboardBookRow, 'key'>;
};

/** The stored dashboard book; `version` is the book's shape (./dashboard-book.ts BOOK_VERSION). */
export type DashboardBookRow = { key: string; version: number; book: DashboardBook };

/**
 * Version 1. The strings list only indexed fields; every other field is stored unindexed.
 * `[customerId+orderedAt]` and `[customerId+at]` let a card read one customer's history already
 * sorted, which matters at a million orders; `[source+externalId]` makes re-imports idempotent.
 * Rows whose compound key has a null part are simply not in that index (IndexedDB skips them).
 */
export const SCHEMA_V1 = {
  customers: 'id, *emails, companyId, updatedAt, [source+externalId]',
  companies: 'id, *domains',
  orders: 'id, customerId, [source+externalId], orderedAt, [customerId+orderedAt]',
  interactions: 'id, customerId, at, [customerId+at]',
  notes: 'id, customerId, companyId',
  // `dueAt` lets the background re-arm pending reminders on startup without a full scan.
  reminders: 'id, customerId, noteId, dueAt',
  meta: 'key',
  importChunks: 'id, importId',
  // One hold per customer and rule; `customerId` finds a card's holds.
  suggestionHolds: 'id, customerId',
} as const;

/**
 * Version 2 drops two orders indexes that cost a write per order and serve nothing: `orderedAt`
 * (no reader) and `customerId` (Dexie serves `where('customerId')` from the leading part of
 * `[customerId+orderedAt]`, a "virtual index"). At a million-row import every index entry is
 * paid for inside the one commit transaction; these two were about a third of it.
 */
export const SCHEMA_V2 = {
  orders: 'id, [source+externalId], [customerId+orderedAt]',
} as const;

/**
 * Version 3 adds `orderFacts`, one compact row per customer with live orders, so a full insights
 * recompute reads 100,000 rows instead of a million orders (./orders/fact-rows.ts). The upgrade
 * builds them from the orders already stored.
 */
export const SCHEMA_V3 = {
  orderFacts: 'customerId',
} as const;

/**
 * Version 4 moves orders into books, one row per customer with all their orders
 * (./orders/book.ts): a million orders are 100,000 rows to write on import, not a million. The
 * upgrade copies the orders over; version 5 then drops the table of single orders.
 */
export const SCHEMA_V4 = {
  orderBooks: 'customerId, *keys',
} as const;

export const SCHEMA_V5 = {
  orders: null,
} as const;

/**
 * Version 6 keeps the order facts in pages, one record per two-character customer-id prefix
 * instead of one per customer (./orders/fact-rows.ts: an import writes 256 records, not 100,000).
 * The upgrade builds them from the order books.
 */
export const SCHEMA_V6 = {
  orderFacts: null,
  orderFactPages: 'prefix',
} as const;

/**
 * Version 7 finds orders by key through 256 pages (./orders/key-pages.ts) instead of a multi-entry
 * index on the books: an import wrote one index entry per order, about 9 s at a million. The
 * upgrade builds the pages from the books. (Books written before keep a `keys` column nothing
 * reads, until they are next written.)
 */
export const SCHEMA_V7 = {
  orderBooks: 'customerId',
  orderKeyPages: 'page',
} as const;

/**
 * Version 8 adds rows of order facts of their own, for customers changed a few at a time
 * (./orders/fact-rows.ts): a logged call no longer rewrites a page of a few hundred KB.
 */
export const SCHEMA_V8 = {
  orderFactRows: 'customerId',
} as const;

/**
 * Version 9 adds `settings`: the owner's settings, enabled sites and the sidebar's UI state
 * (./prefs.ts). They were in `storage.local`, which every content script can write: a page's
 * renderer could have turned on the inbox marks or rewritten the enabled sites.
 */
export const SCHEMA_V9 = {
  settings: 'key',
} as const;

/**
 * Version 10 adds the change journal (./changes.ts): one row per write to a shared table while
 * sync has it switched on, numbered in the order written.
 */
export const SCHEMA_V10 = {
  changeJournal: '++seq',
} as const;

/**
 * Version 11 changes no index: its upgrade gives every customer stored before consent existed
 * the `consent` field (records.ts: no do-not-contact, every channel unknown), so a row read
 * straight from the table has the shape its type promises.
 */
export const SCHEMA_V11 = {} as const;

/**
 * Version 12 adds team sync's own tables (./sync-store.ts): the revision of each team document
 * applied here, the open conflicts by the customer they concern, and the team's settings and
 * secret (the member's password, the team's keys). All personal: never journaled, never in a
 * backup file.
 */
export const SCHEMA_V12 = {
  syncDocs: 'id',
  syncConflicts: 'id, customerId',
  syncTeam: 'key',
} as const;

/**
 * Version 13 adds `dashboardBooks`: the dashboard's copy of the book in typed arrays
 * (./dashboard-book.ts), derived, never backed up or synced, so the manager's dashboard has its
 * figures at once after the background restarts instead of after a full read of the book.
 */
export const SCHEMA_V13 = {
  dashboardBooks: 'key',
} as const;

/** The schema version this code writes; a database of a higher one was written by newer code. */
export const LATEST_SCHEMA = 13;
