import type { DBCore, Middleware } from 'dexie';
import type { CrmDatabase } from './schema';
import { DbError, guard } from './errors';

/**
 * What the background needs to tell a healthy database from a lost or foreign one
 * (lib/background/recovery.ts): the schema version the database was last written with, whether
 * it holds anything, how much, and a switch that refuses every write.
 */

/** The records that make up the customer book (counted for the marker kept outside IndexedDB). */
export interface BookCounts {
  customers: number;
  companies: number;
  /** Customers with orders (a book per customer; a million orders are not counted one by one). */
  orderBooks: number;
  notes: number;
  interactions: number;
}

const BOOK_TABLES = ['customers', 'companies', 'orderBooks', 'notes', 'interactions'] as const;

/**
 * The schema version the database on disk has, which may be above the code's own: Dexie opens a
 * database written by newer code at the version it finds (IndexedDB's version is Dexie's × 10).
 */
export function installedSchema(db: CrmDatabase): number {
  return Math.floor(db.backendDB().version / 10);
}

/** Whether any table of the book has a row (one key read per table, cheap at any size). */
export function holdsData(db: CrmDatabase): Promise<boolean> {
  return guard(async () => {
    for (const name of BOOK_TABLES) if ((await db.table(name).limit(1).primaryKeys()).length > 0) return true;
    return false;
  });
}

export function bookCounts(db: CrmDatabase): Promise<BookCounts> {
  return guard(() =>
    db.transaction('r', BOOK_TABLES.map((name) => db.table(name)), async () => {
      const [customers, companies, orderBooks, notes, interactions] = await Promise.all(BOOK_TABLES.map((name) => db.table(name).count()));
      return { customers: customers!, companies: companies!, orderBooks: orderBooks!, notes: notes!, interactions: interactions! };
    }),
  );
}

const readOnlyReasons = new WeakMap<object, string>();

/**
 * Turns every write refused (`reason` is the message writers get) or allowed again (null). The
 * switch sits below every writer (a Dexie middleware installed by openDatabase), so no write path
 * can pass it.
 */
export function setReadOnly(db: CrmDatabase, reason: string | null): void {
  if (reason === null) readOnlyReasons.delete(db);
  else readOnlyReasons.set(db, reason);
}

export function readOnlyReason(db: CrmDatabase): string | null {
  return readOnlyReasons.get(db) ?? null;
}

export function readOnlySwitch(db: CrmDatabase): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'readOnlySwitch',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(request) {
              const reason = readOnlyReasons.get(db);
              return reason === undefined ? table.mutate(request) : Promise.reject(new DbError('read_only', reason));
            },
          };
        },
      };
    },
  };
}
