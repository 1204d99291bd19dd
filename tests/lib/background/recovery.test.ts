import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { managerHandlers } from '../../../lib/background/handlers/manager';
import { recoveryHandlers } from '../../../lib/background/handlers/recovery';
import { spineHandlers } from '../../../lib/background/handlers/spine';
import type { BackgroundDeps } from '../../../lib/background/handlers/types';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { createRecovery, type RecoveryService } from '../../../lib/background/recovery';
import { LATEST_SCHEMA, openDatabase, type CrmDatabase } from '../../../lib/db/index';
import { addNote, bulkInsert } from '../../../lib/db/index';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { cacheSafetyStore, type SafetyStore } from '../../../lib/safety/store';
import { readCopy, type CacheStorageLike } from '../../../lib/safety/copies';
import { readBackup } from '../../../lib/export/backup-file';
import { fakeCaches } from '../safety/fake-caches';
import { makeCustomer, makeOrder, NOW } from '../db/factories';
import { testDeps } from './fakes';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MANAGER = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, tab: { id: 3 } };
const GMAIL = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 };

/** The handlers the manager, the sidebar and the recovery screen use; others are not expected. */
function createHandlers(deps: BackgroundDeps): Handlers {
  const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
  return { ...others, ...spineHandlers(deps), ...managerHandlers(deps), ...recoveryHandlers(deps) } as Handlers;
}

/**
 * An IndexedDB whose open fails as Chromium's does with damaged files ("Internal error opening
 * backing store"), until the database is deleted.
 */
function damagedIndexedDB(broken: Set<string>): IDBFactory {
  return new Proxy(indexedDB, {
    get(target, property) {
      if (property === 'open') {
        return (name: string, version?: number) => {
          if (!broken.has(name)) return target.open(name, version);
          const request = { error: null as DOMException | null, onerror: null as ((e: unknown) => void) | null, onsuccess: null, onupgradeneeded: null, onblocked: null, result: undefined };
          setTimeout(() => {
            request.error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
            request.onerror?.({ target: request, type: 'error', preventDefault() {}, stopPropagation() {} });
          }, 0);
          return request as unknown as IDBOpenDBRequest;
        };
      }
      if (property === 'deleteDatabase') {
        return (name: string) => {
          broken.delete(name);
          return target.deleteDatabase(name);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface Browser {
  name: string;
  caches: CacheStorageLike;
  store: SafetyStore;
  broken: Set<string>;
  /** A background as it starts: opens the database, checks it against the marker. */
  start(at?: number): { db: CrmDatabase; recovery: RecoveryService; send: (type: string, payload: unknown, sender?: object) => Promise<unknown> };
}

function browserProfile(): Browser {
  const name = `crm-recovery-${crypto.randomUUID()}`;
  const caches = fakeCaches();
  const store = cacheSafetyStore(caches);
  const broken = new Set<string>();
  return {
    name,
    caches,
    store,
    broken,
    start(at = NOW) {
      const db = openDatabase(name, { indexedDB: damagedIndexedDB(broken), IDBKeyRange });
      const recovery = createRecovery({ db, store, now: () => at, lastBackupAt: async () => NOW - 5, markerDelayMs: 5 });
      const deps = testDeps(new Map(), { db, recovery, now: () => at });
      const route = recovery.gate(createRouter(createHandlers(deps), EXTENSION_ID));
      return { db, recovery, send: (type, payload, sender = MANAGER) => route({ type, payload }, sender) };
    },
  };
}

/** A database's tables as Dexie's `stores()` takes them. */
function schemaOf(db: CrmDatabase): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey, ...t.schema.indexes].map((i) => i.src).join(', ')]));
}

async function seed(db: CrmDatabase, customers = 3) {
  const rows = Array.from({ length: customers }, (_, i) => makeCustomer({ emails: [`c${i}@example.com`] }));
  await bulkInsert(db, { customers: rows, companies: [], orders: rows.map((c) => makeOrder({ customerId: c.id })), interactions: [], notes: [] });
  await addNote(db, { customerId: rows[0]!.id, body: 'Prefers calls', pinned: false }, NOW);
}

describe('F10 the database opens empty or fails to open while the marker says it held data', () => {
  it('shows recovery, never the first run, when the database comes back empty (dataLoss "total")', async () => {
    const profile = browserProfile();
    const first = profile.start();
    await first.recovery.health();
    await seed(first.db);
    first.recovery.noteChange();
    await expect.poll(async () => (await profile.store.readMarker())?.counts).toMatchObject({ customers: 3, orderBooks: 3, notes: 1 });
    first.db.close();

    // The browser threw the database away (what Chromium does with damaged files).
    await new Dexie(profile.name, { indexedDB, IDBKeyRange }).delete();
    const second = profile.start(NOW + 1000);
    expect(await second.send('recovery.status', {})).toMatchObject({
      ok: true,
      data: { state: 'lost', held: { counts: { customers: 3, notes: 1 }, lastBackupAt: NOW - 5 }, since: NOW + 1000 },
    });
    // Nothing else works, nothing is written: not the first run's sample, not a note.
    expect(await second.send('sample.load', {})).toMatchObject({ ok: false, error: { code: 'recovery' } });
    expect(await second.send('manager.status', {})).toMatchObject({ ok: false, error: { code: 'recovery' } });
    expect(await second.db.customers.count()).toBe(0);
    // The sidebar's frame still mounts (to show the screen).
    expect(await second.send('ui.frame', { token: crypto.randomUUID() }, GMAIL)).toMatchObject({ ok: true });

    // A restart keeps it lost: the marker remembers.
    second.db.close();
    const third = profile.start(NOW + 2000);
    expect(await third.send('recovery.status', {})).toMatchObject({ ok: true, data: { state: 'lost', since: NOW + 1000 } });
    // Giving up needs the owner's confirmation; then the book starts empty.
    expect(await third.send('recovery.startOver', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await third.send('recovery.startOver', { confirmed: true })).toEqual({ ok: true, data: { ok: true } });
    expect(await third.send('recovery.status', {})).toMatchObject({ ok: true, data: { state: 'ok' } });
    expect(await third.send('manager.status', {})).toMatchObject({ ok: true, data: { customers: 0 } });
  });

  it('shows recovery when the database fails to open (UnknownError); replacing it needs consent; a restore brings the book back', async () => {
    const profile = browserProfile();
    const first = profile.start();
    await seed(first.db, 4);
    expect(await first.send('safety.snapshot', {})).toMatchObject({ ok: true, data: { counts: { customers: 4 }, rows: expect.any(Number) } });
    first.recovery.noteChange();
    await expect.poll(async () => (await profile.store.readMarker())?.counts.customers).toBe(4);
    first.db.close();

    profile.broken.add(profile.name);
    const second = profile.start(NOW + 1000);
    const status = await second.send('recovery.status', {});
    expect(status).toMatchObject({ ok: true, data: { state: 'unreadable', held: { counts: { customers: 4 } }, error: expect.stringContaining('UnknownError') } });
    expect(await second.send('sidebar.context', {}, GMAIL)).toMatchObject({ ok: false, error: { code: 'recovery' } });
    // Never deleted without the owner's say.
    expect(await second.send('recovery.reset', {})).toMatchObject({ ok: false });
    expect(profile.broken.has(profile.name)).toBe(true);
    expect(await second.send('recovery.reset', { confirmed: true })).toEqual({ ok: true, data: { ok: true } });
    expect(await second.send('recovery.status', {})).toMatchObject({ ok: true, data: { state: 'lost', held: { counts: { customers: 4 } } } });

    // Restore the safety copy the way the recovery screen does: read it, stage it, commit it.
    const [copy] = await profile.store.listSnapshots();
    const parsed = await readBackup((await readCopy(profile.caches, copy!.id))!);
    if (!parsed.ok) throw new Error(parsed.reason);
    const begun = (await second.send('import.begin', {})) as { data: { importId: string } };
    let seq = 0;
    for (const [table, rows] of Object.entries(parsed.backup.tables)) {
      if (rows.length > 0) expect(await second.send('restore.stage', { importId: begun.data.importId, seq: seq++, table, rows })).toMatchObject({ ok: true });
    }
    expect(await second.send('restore.commit', { importId: begun.data.importId, mode: 'merge', chunks: seq })).toMatchObject({ ok: true });
    expect(await second.send('recovery.status', {})).toMatchObject({ ok: true, data: { state: 'ok' } });
    expect(await second.send('manager.status', {})).toMatchObject({ ok: true, data: { customers: 4 } });
    expect(await second.db.notes.count()).toBe(1);
    expect((await profile.store.readMarker())?.lost).toBeNull();
  });

  it('a brand-new profile (no marker, empty database) is a first run, not a recovery', async () => {
    const { send } = browserProfile().start();
    expect(await send('recovery.status', {})).toMatchObject({ ok: true, data: { state: 'ok', held: null } });
    expect(await send('manager.status', {})).toMatchObject({ ok: true, data: { customers: 0 } });
  });
});

describe('F5 a database newer than the code', () => {
  it('opens read-only with a message: reads work, every write is refused, nothing is lost for the newer code', async () => {
    const name = `crm-newer-${crypto.randomUUID()}`;
    const older = openDatabase(name, { indexedDB, IDBKeyRange });
    await seed(older, 2);
    older.close();
    // The newer version: every table of this one, and one more of its own.
    const newer = new Dexie(name, { indexedDB, IDBKeyRange });
    newer.version(LATEST_SCHEMA + 1).stores({ ...schemaOf(older), extra: 'id' });
    await newer.open();
    await newer.table('extra').put({ id: 'x' });
    newer.close();

    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    const recovery = createRecovery({ db, store: cacheSafetyStore(fakeCaches()), now: () => NOW, lastBackupAt: async () => null });
    const route = recovery.gate(createRouter(createHandlers(testDeps(new Map(), { db, recovery })), EXTENSION_ID));
    const send = (type: string, payload: unknown) => route({ type, payload }, MANAGER);
    expect(await send('recovery.status', {})).toMatchObject({ ok: true, data: { state: 'newer', schema: { found: LATEST_SCHEMA + 1, supported: LATEST_SCHEMA } } });
    expect(await send('manager.status', {})).toMatchObject({ ok: true, data: { customers: 2 } });
    const customerId = (await db.customers.toCollection().first())!.id;
    expect(await send('manager.customer.update', { customerId, patch: { name: 'Renamed' } })).toMatchObject({
      ok: false,
      error: { code: 'read_only', message: expect.stringContaining('newer version of the extension') },
    });
    expect(await send('note.add', { customerId, body: 'x' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    db.close();

    // Back on the newer code: its version, its table and every row are as it left them.
    const again = new Dexie(name, { indexedDB, IDBKeyRange });
    await again.open();
    expect(again.verno).toBe(LATEST_SCHEMA + 1);
    expect(await again.table('extra').count()).toBe(1);
    expect((await again.table('customers').toArray()).map((c: { name: string }) => c.name)).not.toContain('Renamed');
    expect(await again.table('notes').count()).toBe(1);
    again.close();
  });
});

describe('F2 an older connection open while the new schema opens (versionchange / blocked)', () => {
  /** The database at the schema before the latest, with rows, as an older version left it. */
  async function previousSchema(name: string) {
    const current = openDatabase(name, { indexedDB, IDBKeyRange });
    const stores = schemaOf(current);
    current.close();
    const older = new Dexie(name, { indexedDB, IDBKeyRange });
    older.version(LATEST_SCHEMA - 1).stores(stores);
    await older.open();
    await older.table('customers').bulkPut([makeCustomer({ emails: ['a@example.com'] }), makeCustomer({ emails: ['b@example.com'] })]);
    return older;
  }

  it('closes an older page’s connection in well under a second and completes the upgrade with every row', async () => {
    const name = `crm-versionchange-${crypto.randomUUID()}`;
    const older = await previousSchema(name);
    // No handler of ours: Dexie's default answer to `versionchange` is what closes an older page's connection.
    let askedAt: number | null = null;
    older.on('versionchange', () => {
      askedAt = performance.now();
    });
    const started = performance.now();
    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    const recovery = createRecovery({ db, store: null, now: () => NOW, lastBackupAt: async () => null });
    expect(await recovery.health()).toEqual({ state: 'ok' });
    expect(askedAt).not.toBeNull();
    expect(askedAt! - started).toBeLessThan(1000);
    expect(older.isOpen()).toBe(false);
    expect(Math.floor(db.backendDB().version / 10)).toBe(LATEST_SCHEMA);
    expect(await db.customers.count()).toBe(2);
    db.close();
  });

  it('says what to do when a connection that never closes blocks the upgrade, and upgrades once it is gone', async () => {
    const name = `crm-blocked-${crypto.randomUUID()}`;
    (await previousSchema(name)).close();
    // A connection that ignores `versionchange` (a page of an older version, stuck).
    const stuck: IDBDatabase = await new Promise((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    const recovery = createRecovery({ db, store: null, now: () => NOW, lastBackupAt: async () => null, blockedAfterMs: 300 });
    const route = recovery.gate(createRouter(createHandlers(testDeps(new Map(), { db, recovery })), EXTENSION_ID));
    const reply = await route({ type: 'manager.status', payload: {} }, MANAGER);
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringContaining('Close the extension’s other tabs and windows') } });

    stuck.close();
    expect(await recovery.health()).toEqual({ state: 'ok' });
    expect(await route({ type: 'manager.status', payload: {} }, MANAGER)).toMatchObject({ ok: true, data: { customers: 2 } });
    db.close();
  });
});
