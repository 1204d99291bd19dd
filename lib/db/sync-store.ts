import Dexie from 'dexie';
import { z } from 'zod';
import { Customer, type Interaction, type Order } from '../model/records';
import { dropJournal, readJournal, setJournaling, tagOrigin, type JournalEntry } from './changes';
import type { CrmDatabase } from './schema';
import { guard } from './errors';
import { bookOrders, type OrderBook } from './orders/book';
import { putOrderFacts } from './orders/facts';
import { OrderLocator } from './orders/locator';
import { writeBooks } from './orders/store';
import { computeStats } from './stats';
import { CODECS, isSyncTable, SYNC_TABLES, type Fields, type SyncTable } from './sync-codec';

/**
 * The team sync's side of the database: what it reads (the change journal, the synced fields of
 * rows) and how it applies what comes from the team, in one transaction tagged 'remote' so the
 * journal does not send it back. Also the two tables of its own: the revision of each team
 * document applied here (`syncDocs`) and the open conflicts the cards show (`syncConflicts`).
 * Both are personal: never journaled, never backed up.
 */

import type { RecordConflicts } from './sync-rows';

export type { ConflictAlternative, ConflictClock, ConflictHistory, RecordConflicts, SyncConflictRow, SyncDocRow } from './sync-rows';

export interface PendingChange {
  seq: number;
  table: SyncTable;
  keys: string[];
}

export interface ApplyRow {
  table: SyncTable;
  key: string;
  /** The synced fields to store (null: remove the row). */
  fields: Fields | null;
}

export interface ApplyBatch {
  rows: ApplyRow[];
  conflicts: { table: SyncTable; key: string; conflicts: RecordConflicts | null }[];
  docs: { id: string; rev: string }[];
}

export interface ApplyOutcome {
  applied: boolean;
  refused: { table: SyncTable; key: string; reason: string }[];
}

/** Local writes to shared tables (origin 'local'; what sync applied or recomputation wrote is not sent). */
export async function pendingChanges(db: CrmDatabase, after: number, limit: number): Promise<PendingChange[]> {
  const rows = await readJournal(db, after, limit);
  const out: PendingChange[] = [];
  for (const row of rows) if (row.origin === 'local' && isSyncTable(row.table)) out.push({ seq: row.seq, table: row.table, keys: row.keys });
  // The last row read, even when not local, so the caller acknowledges past it.
  const last = rows[rows.length - 1];
  if (last && out[out.length - 1]?.seq !== last.seq) out.push({ seq: last.seq, table: 'customers', keys: [] });
  return out;
}

export async function journalSeq(db: CrmDatabase): Promise<number> {
  const last = await db.changeJournal.orderBy(':id').last();
  const acknowledged = ((await db.syncTeam.get(ACK_KEY))?.value as number | undefined) ?? 0;
  return Math.max(last?.seq ?? 0, acknowledged);
}

const ACK_KEY = 'sync:acknowledged';

export async function acknowledgeJournal(db: CrmDatabase, seq: number): Promise<void> {
  await db.transaction('rw', [db.changeJournal, db.syncTeam], async () => {
    await dropJournal(db, seq);
    await db.syncTeam.put({ key: ACK_KEY, value: seq });
  });
}

export function countJournal(db: CrmDatabase): Promise<number> {
  return db.changeJournal.count();
}

export { setJournaling };

export function tableKeys(db: CrmDatabase, table: SyncTable, after: string | null, limit: number): Promise<string[]> {
  const t = db.table(table);
  return (after === null ? t.toCollection() : t.where(':id').above(after)).limit(limit).primaryKeys() as Promise<string[]>;
}

export async function readSynced(db: CrmDatabase, table: SyncTable, keys: readonly string[]): Promise<Map<string, Fields | null>> {
  const rows = (await db.table(table).bulkGet([...keys])) as (Record<string, unknown> | undefined)[];
  const out = new Map<string, Fields | null>();
  keys.forEach((key, i) => {
    const row = rows[i];
    out.set(key, row === undefined ? null : CODECS[table].toFields(row));
  });
  return out;
}

export async function syncDocStates(db: CrmDatabase, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.syncDocs.bulkGet([...ids]);
  const out = new Map<string, string>();
  for (const row of rows) if (row) out.set(row.id, row.rev);
  return out;
}

/** Forgets what was applied from the team and what waits to be sent (joining, leaving, a restore). */
export async function resetSyncState(db: CrmDatabase): Promise<void> {
  await db.transaction('rw', [db.syncDocs, db.syncConflicts, db.changeJournal, db.syncTeam], async () => {
    await db.syncDocs.clear();
    await db.syncConflicts.clear();
    await db.changeJournal.clear();
    await db.syncTeam.delete(ACK_KEY);
  });
}

export function conflictsOfCustomer(db: CrmDatabase, customerId: string): Promise<RecordConflicts[]> {
  return db.syncConflicts.where('customerId').equals(customerId).toArray();
}

export async function conflictOf(db: CrmDatabase, table: SyncTable, key: string): Promise<RecordConflicts | null> {
  return (await db.syncConflicts.get(`${table}/${key}`)) ?? null;
}

/** Every table a remote apply writes. */
function applyTables(db: CrmDatabase) {
  return [
    db.customers,
    db.companies,
    db.notes,
    db.interactions,
    db.orderBooks,
    db.suggestionHolds,
    db.orderKeyPages,
    db.orderFactPages,
    db.orderFactRows,
    db.syncDocs,
    db.syncConflicts,
    db.changeJournal,
    db.syncTeam,
  ];
}

/**
 * Applies rows from the team in one transaction tagged 'remote', unless a local write to one of
 * them came after `journalSeq` (then nothing is written: the engine merges again). Rows that
 * fail their schema are refused one by one; customers whose orders or interactions changed get
 * their cached figures and order facts recomputed in the same transaction.
 */
export function applyRemote(db: CrmDatabase, batch: ApplyBatch, afterSeq: number): Promise<ApplyOutcome> {
  return guard(() =>
    db.transaction('rw', applyTables(db), async (tx) => {
      tagOrigin(tx, 'remote');
      const touched = new Set(batch.rows.map((row) => `${row.table}/${row.key}`));
      const later = await db.changeJournal.where(':id').above(afterSeq).toArray();
      if (later.some((row: JournalEntry) => row.origin === 'local' && row.keys.some((key) => touched.has(`${row.table}/${key}`)))) {
        return { applied: false, refused: [] };
      }
      const refused: ApplyOutcome['refused'] = [];
      const restat = new Set<string>();
      for (const table of SYNC_TABLES) {
        const rows = batch.rows.filter((row) => row.table === table);
        if (rows.length === 0) continue;
        if (table === 'orderBooks') await applyBooks(db, rows, refused, restat);
        else await applyRows(db, table, rows, refused, restat);
      }
      await restatCustomers(db, [...restat]);
      for (const { table, key, conflicts } of batch.conflicts) {
        if (conflicts === null) await db.syncConflicts.delete(`${table}/${key}`);
        else await db.syncConflicts.put({ ...conflicts, id: `${table}/${key}` });
      }
      await db.syncDocs.bulkPut(batch.docs);
      return { applied: true, refused };
    }),
  );
}

function reasonOf(error: unknown): string {
  if (error instanceof z.ZodError) return `${error.issues[0]?.path.join('.') ?? ''}: ${error.issues[0]?.message ?? 'invalid'}`.slice(0, 200);
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

async function applyRows(db: CrmDatabase, table: SyncTable, rows: ApplyRow[], refused: ApplyOutcome['refused'], restat: Set<string>): Promise<void> {
  const store = db.table(table);
  const existing = (await store.bulkGet(rows.map((row) => row.key))) as (Record<string, unknown> | undefined)[];
  const puts: Record<string, unknown>[] = [];
  const deletes: string[] = [];
  rows.forEach((row, i) => {
    const before = existing[i];
    if (row.fields === null) {
      if (before !== undefined) deletes.push(row.key);
    } else {
      try {
        puts.push(CODECS[table].toRow(row.key, row.fields, before));
      } catch (error) {
        refused.push({ table, key: row.key, reason: reasonOf(error) });
        return;
      }
    }
    if (table === 'customers' && before === undefined) restat.add(row.key);
    if (table === 'interactions') {
      for (const source of [before, row.fields]) if (typeof source?.customerId === 'string') restat.add(source.customerId);
    }
  });
  await Dexie.Promise.all([puts.length > 0 ? store.bulkPut(puts) : null, deletes.length > 0 ? store.bulkDelete(deletes) : null]);
}

async function applyBooks(db: CrmDatabase, rows: ApplyRow[], refused: ApplyOutcome['refused'], restat: Set<string>): Promise<void> {
  const entries: [string, Order[]][] = [];
  for (const row of rows) {
    if (row.fields === null) entries.push([row.key, []]);
    else {
      try {
        entries.push([row.key, bookOrders(CODECS.orderBooks.toRow(row.key, row.fields, undefined) as unknown as OrderBook)]);
      } catch (error) {
        refused.push({ table: 'orderBooks', key: row.key, reason: reasonOf(error) });
        continue;
      }
    }
    restat.add(row.key);
  }
  const locator = new OrderLocator(db);
  await writeBooks(db, entries, { locator });
  await locator.flush();
}

/** Cached figures and order facts of customers whose orders or interactions came from the team. */
async function restatCustomers(db: CrmDatabase, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const customers = await db.customers.bulkGet(ids);
  const books = await db.orderBooks.bulkGet(ids);
  const interactions = await db.interactions.where('customerId').anyOf(ids).toArray();
  const byCustomer = new Map<string, Interaction[]>();
  for (const row of interactions) byCustomer.set(row.customerId, [...(byCustomer.get(row.customerId) ?? []), row]);
  const puts: Customer[] = [];
  const facts: [string, Order[]][] = [];
  ids.forEach((id, i) => {
    const customer = customers[i];
    const book = books[i];
    const orders = book ? bookOrders(book) : [];
    facts.push([id, orders]);
    if (customer) puts.push(Customer.parse({ ...customer, stats: computeStats(orders, byCustomer.get(id) ?? []) }));
  });
  await db.customers.bulkPut(puts);
  await putOrderFacts(db, facts);
}

const TEAM_CONFIG_KEY = 'team:config';
const TEAM_SECRET_KEY = 'team:secret';

/**
 * The team this browser is in, and its secret (the member's server password and the team's
 * non-extractable CryptoKeys), in `syncTeam`: the extension's IndexedDB, which content scripts
 * cannot open, and never in a backup file. The shapes are the sync service's (lib/sync/service.ts); they are stored as given.
 */
export async function loadTeamSettings(db: CrmDatabase): Promise<{ config: unknown; secret: unknown } | null> {
  const [config, secret] = await db.syncTeam.bulkGet([TEAM_CONFIG_KEY, TEAM_SECRET_KEY]);
  if (!config || !secret) return null;
  return { config: config.value, secret: secret.value };
}

export function saveTeamSettings(db: CrmDatabase, config: unknown, secret: unknown): Promise<void> {
  return guard(async () => {
    await db.syncTeam.bulkPut([
      { key: TEAM_CONFIG_KEY, value: config },
      { key: TEAM_SECRET_KEY, value: secret },
    ]);
  });
}

export function clearTeamSettings(db: CrmDatabase): Promise<void> {
  return guard(() => db.syncTeam.bulkDelete([TEAM_CONFIG_KEY, TEAM_SECRET_KEY]));
}

export async function hasCustomers(db: CrmDatabase): Promise<boolean> {
  return (await db.customers.limit(1).count()) > 0;
}
