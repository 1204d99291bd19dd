import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Transaction } from 'dexie';

/**
 * The one write path's change signal. Every mutation of every table goes through Dexie's DBCore
 * stack, where `trackChanges` (installed by openDatabase) sees it: after each readwrite
 * transaction commits, listeners get ONE `DataChange` naming what it wrote; with the journal
 * switched on, each write to a shared table also leaves a row in `changeJournal`, in the same
 * transaction as the write (modelled on dexie-cloud-addon's mutation-tracking middleware).
 * A transaction that aborts reports nothing and journals nothing.
 */

/**
 * Where a write comes from: this browser's user (`local`), the team server (`remote`: sync
 * applying what it received, so it does not send it back), or a recomputation from data already
 * here (`derived`: the insights' classifications and lists; never journaled, and the insights
 * do not hear their own writes again).
 */
export const CHANGE_ORIGINS = ['local', 'remote', 'derived'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/** What one committed transaction changed. */
export interface DataChange {
  /** The tables written, in the order first written. */
  tables: string[];
  /** Primary keys written (put, added or deleted), per table. */
  ids: Record<string, string[]>;
  /** Customers whose rows changed: customers' keys and the `customerId` of their owned rows. */
  customerIds: string[];
  /** Companies whose rows changed, and the companies company notes are on. */
  companyIds: string[];
  origin: ChangeOrigin;
}

/** One journal row: one mutate request on a shared table. */
export interface JournalEntry {
  seq: number;
  table: string;
  keys: string[];
  at: number;
  origin: ChangeOrigin;
}

export const JOURNAL_TABLE = 'changeJournal';

/**
 * The tables the team shares (DESIGN.md, Data). Everything else is personal (reminders, meta,
 * settings) or derived and rebuilt locally (order facts and key pages, import staging), and is
 * never journaled.
 */
export const SHARED_TABLES: ReadonlySet<string> = new Set(['customers', 'companies', 'notes', 'interactions', 'orderBooks', 'suggestionHolds']);

/** Tables whose rows belong to a customer through their `customerId`. */
const OWNED_BY_CUSTOMER: ReadonlySet<string> = new Set(['notes', 'interactions', 'orderBooks', 'suggestionHolds', 'reminders', 'syncConflicts']);

/** The meta key that keeps the journal switched on across restarts. */
const JOURNAL_SWITCH_KEY = 'changes:journal';

type Listener = (change: DataChange) => void;

/** What one readwrite transaction has written so far. */
interface Written {
  origin: ChangeOrigin;
  keys: Map<string, Set<string>>;
  customers: Set<string>;
  companies: Set<string>;
  /** Whether this transaction carries the journal store (the switch was on when it began). */
  journaled: boolean;
}

/** Each database's listeners and journal switch. */
class ChangeFeed {
  readonly listeners = new Set<Listener>();
  journaling = false;

  emit(change: DataChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[crm] a change listener failed:', error);
      }
    }
  }
}

const feeds = new WeakMap<Dexie, ChangeFeed>();
const written = new WeakMap<DBCoreTransaction, Written>();

function feedOf(db: Dexie): ChangeFeed {
  const feed = feeds.get(db);
  if (feed === undefined) throw new Error('This database was not opened by openDatabase.');
  return feed;
}

/**
 * Installs the change tracking on a database (openDatabase does, once). The journal switch is
 * read back from `meta` as the database opens, before any other request runs.
 */
export function trackChanges(db: Dexie): void {
  const feed = new ChangeFeed();
  feeds.set(db, feed);
  db.use(changeMiddleware(feed));
  db.on(
    'ready',
    async (vip: Dexie) => {
      const entry = (await vip.table('meta').get(JOURNAL_SWITCH_KEY)) as { value?: unknown } | undefined;
      feed.journaling = entry?.value === true;
    },
    true,
  );
}

function changeMiddleware(feed: ChangeFeed): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ChangeTracking',
    create: (down) => {
      // While an older version upgrades, the stack is built on its schema, without the journal.
      const canJournal = down.schema.tables.some((table) => table.name === JOURNAL_TABLE);
      return {
        ...down,
        transaction: (stores, mode, options) => {
          if (mode !== 'readwrite') return down.transaction(stores, mode, options);
          const journaled = canJournal && feed.journaling && stores.some((name) => SHARED_TABLES.has(name));
          // A transaction may name the journal itself (sync's apply reads it for its race check).
          const tx = down.transaction(journaled && !stores.includes(JOURNAL_TABLE) ? [...stores, JOURNAL_TABLE] : stores, mode, options);
          const state: Written = { origin: 'local', keys: new Map(), customers: new Set(), companies: new Set(), journaled };
          written.set(tx, state);
          (tx as unknown as IDBTransaction).addEventListener('complete', () => {
            if (state.keys.size > 0) feed.emit(toChange(state));
          });
          return tx;
        },
        table: (name) => {
          const table = down.table(name);
          if (name === JOURNAL_TABLE) return table;
          const journal = canJournal && SHARED_TABLES.has(name) ? down.table(JOURNAL_TABLE) : null;
          return { ...table, mutate: (req) => trackedMutate(table, journal, req) };
        },
      };
    },
  };
}

/**
 * Runs one mutate request and records what it wrote. Deletes name keys only, so the rows a
 * delete removes are read first where their owner matters (and a range's keys are listed).
 */
function trackedMutate(table: DBCoreTable, journal: DBCoreTable | null, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const state = written.get(req.trans);
  // Upgrade transactions are not made through the stack: they pass untracked.
  if (state === undefined) return table.mutate(req);
  const owned = OWNED_BY_CUSTOMER.has(table.name);
  const before: Promise<{ keys: unknown[]; rows: unknown[] }> =
    req.type === 'deleteRange'
      ? table
          .query({ trans: req.trans, query: { index: table.schema.primaryKey, range: req.range }, values: owned })
          .then(({ result }) => (owned ? { keys: result.map((row) => table.schema.primaryKey.extractKey?.(row)), rows: result } : { keys: result, rows: [] }))
      : req.type === 'delete' && owned
        ? table.getMany({ trans: req.trans, keys: req.keys }).then((rows) => ({ keys: req.keys, rows }))
        : Dexie.Promise.resolve({ keys: req.type === 'delete' ? req.keys : [], rows: [] });
  return before.then(({ keys: deleted, rows: removed }) =>
    table.mutate(req).then((res) => {
      const keys = req.type === 'add' || req.type === 'put' ? (res.results ?? []) : deleted;
      const rows = req.type === 'add' || req.type === 'put' ? req.values : removed;
      const done: string[] = [];
      for (let i = 0; i < keys.length; i++) {
        if (res.failures[i] !== undefined || keys[i] === undefined) continue;
        done.push(String(keys[i]));
      }
      if (done.length === 0) return res;
      record(state, table.name, done, rows);
      // Derived writes (classifications, housekeeping) are each browser's own: never sent.
      if (!state.journaled || journal === null || state.origin === 'derived') return res;
      const entry: Omit<JournalEntry, 'seq'> = { table: table.name, keys: done, at: Date.now(), origin: state.origin };
      return journal.mutate({ type: 'add', trans: req.trans, values: [entry] }).then(() => res);
    }),
  );
}

function record(state: Written, table: string, keys: readonly string[], rows: readonly unknown[]): void {
  let set = state.keys.get(table);
  if (set === undefined) state.keys.set(table, (set = new Set()));
  for (const key of keys) set.add(key);
  if (table === 'customers') for (const key of keys) state.customers.add(key);
  else if (table === 'companies') for (const key of keys) state.companies.add(key);
  if (!OWNED_BY_CUSTOMER.has(table)) return;
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { customerId, companyId } = row as { customerId?: unknown; companyId?: unknown };
    if (typeof customerId === 'string') state.customers.add(customerId);
    if (table === 'notes' && typeof companyId === 'string') state.companies.add(companyId);
  }
}

function toChange(state: Written): DataChange {
  const ids: Record<string, string[]> = {};
  for (const [table, keys] of state.keys) ids[table] = [...keys];
  return { tables: [...state.keys.keys()], ids, customerIds: [...state.customers], companyIds: [...state.companies], origin: state.origin };
}

/** Hears every committed change of this database; returns the function that stops it. */
export function onDataChange(db: Dexie, listener: Listener): () => void {
  const feed = feedOf(db);
  feed.listeners.add(listener);
  return () => feed.listeners.delete(listener);
}

/**
 * Tags the transaction `tx` (Dexie's, inside `db.transaction`) with where its writes come from.
 * Call it before the transaction's first write: journal rows take the origin current when
 * written. Sub-transactions share their parent's tag.
 */
export function tagOrigin(tx: Transaction, origin: ChangeOrigin): void {
  const state = written.get(tx.idbtrans as unknown as DBCoreTransaction);
  if (state === undefined) throw new Error('Only a readwrite transaction of a tracked database carries an origin.');
  state.origin = origin;
}

/** Whether the journal is switched on. */
export function isJournaling(db: Dexie): boolean {
  return feedOf(db).journaling;
}

/**
 * Switches the journal on or off (the sync service does). The switch is kept in `meta`, so
 * it holds from the first write after the next start; when off, writes carry no journal store
 * and write no journal row.
 */
export async function setJournaling(db: Dexie, on: boolean): Promise<void> {
  await db.table('meta').put({ key: JOURNAL_SWITCH_KEY, value: on });
  feedOf(db).journaling = on;
}

/** Journal rows after `after` (a seq; 0 for the first), oldest first. */
export function readJournal(db: Dexie, after: number, limit: number): Promise<JournalEntry[]> {
  return db.table<JournalEntry, number>(JOURNAL_TABLE).where(':id').above(after).limit(limit).toArray();
}

/** Removes the journal rows up to `upTo` (included), once the sync service has sent them. */
export function dropJournal(db: Dexie, upTo: number): Promise<number> {
  return db.table<JournalEntry, number>(JOURNAL_TABLE).where(':id').belowOrEqual(upTo).delete();
}
