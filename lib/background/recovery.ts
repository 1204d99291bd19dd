import { backupTableNames, bookCounts, holdsData, installedSchema, LATEST_SCHEMA, readTablePage, setReadOnly, type CrmDatabase } from '../db/index';
import type { Envelope, RecoveryStatus } from '../messaging/protocol';
import type { SenderInfo } from '../messaging/router';
import { heldData, type BookMarker } from '../safety/marker';
import { snapshotDue, takeSnapshot } from '../safety/snapshots';
import type { SafetyStore, SnapshotInfo } from '../safety/store';

/**
 * Whether the customer book is whole, and what to do when it is not. The background keeps a
 * marker of what the book held outside IndexedDB (lib/safety/marker.ts). When the database opens
 * empty while the marker says it held data, or cannot be opened at all, the book is *lost*: the
 * manager and the sidebar show the recovery screen (never the first-run welcome), every message
 * but those of recovery is refused, and nothing is written until the owner restores (a safety
 * copy, a backup file, the team server) or chooses to start over. A database written by a newer
 * version of the extension is opened read-only: every write is refused below every writer.
 */

export type BookHealth =
  | { state: 'ok' }
  | { state: 'newer'; found: number }
  | { state: 'lost'; marker: BookMarker }
  | { state: 'unreadable'; marker: BookMarker | null; error: string };

export interface RecoveryDeps {
  db: CrmDatabase;
  /** The Cache API store (lib/safety/store.ts); null where the browser has none. */
  store: SafetyStore | null;
  now(): number;
  /** The last backup's time, as the manager records it. */
  lastBackupAt(): Promise<number | null>;
  /**
   * Restores the book from the team server. The team-sync service provides it once the owner has
   * set sync up; until then the recovery screen does not offer it.
   */
  teamRestore?: () => Promise<{ written: number; skipped: number }>;
  /** How long after a change the marker is brought up to date (changes come in bursts). */
  markerDelayMs?: number;
  /** How long an open blocked by another connection waits before messages say so. */
  blockedAfterMs?: number;
}

/** Messages that still work while the book is lost: recovery, restore and what pages need to mount. */
export const OPEN_WHILE_LOST: ReadonlySet<string> = new Set([
  'recovery.status',
  'recovery.startOver',
  'recovery.reset',
  'recovery.team',
  'safety.list',
  'import.begin',
  'import.cancel',
  'restore.stage',
  'restore.commit',
  'backup.tables',
  'backup.page',
  'page.report',
  'site.page',
  'ui.frame',
]);

const RECOVERY_REFUSAL = 'Your customer book was lost or cannot be opened. Open the manager (the extension’s options) to recover it.';
const MARKER_DELAY_MS = 3_000;
const BLOCKED_AFTER_MS = 5_000;
const BLOCKED_MESSAGE =
  'The customer database is held open by another window of this extension (an older version, or a page left from before an update), so it cannot be upgraded. Close the extension’s other tabs and windows, or restart the browser. Nothing is lost meanwhile.';

export type RecoveryService = ReturnType<typeof createRecovery>;

export function createRecovery(deps: RecoveryDeps) {
  const { db, store } = deps;
  /** Since when the open waits for another connection to close (IndexedDB's `blocked`). */
  let blockedSince: number | null = null;
  db.on('blocked', () => {
    blockedSince ??= Date.now();
  });
  let health: Promise<BookHealth> = check();
  void health.finally(() => (blockedSince = null));
  let markerTimer: ReturnType<typeof setTimeout> | undefined;
  let snapshotting: Promise<SnapshotInfo | null> | null = null;

  async function readMarker(): Promise<BookMarker | null> {
    return store ? store.readMarker().catch(() => null) : null;
  }

  async function writeMarker(marker: BookMarker): Promise<void> {
    await store?.writeMarker(marker).catch((error: unknown) => console.warn('Recovery marker not written:', error));
  }

  async function currentMarker(): Promise<BookMarker> {
    return { schema: installedSchema(db), counts: await bookCounts(db), lastBackupAt: await deps.lastBackupAt(), seenAt: deps.now(), lost: null };
  }

  async function check(): Promise<BookHealth> {
    const marker = await readMarker();
    try {
      await db.open();
    } catch (error) {
      const text = describe(error);
      const lost = marker && { ...marker, lost: marker.lost ?? { since: deps.now(), kind: 'unreadable' as const, error: text } };
      if (lost) await writeMarker(lost);
      return { state: 'unreadable', marker: lost, error: text };
    }
    const found = installedSchema(db);
    if (found > LATEST_SCHEMA) {
      setReadOnly(db, `This customer book was saved by a newer version of the extension (schema ${found}; this version knows up to ${LATEST_SCHEMA}). It is read-only here: update the extension to change it.`);
      return { state: 'newer', found };
    }
    setReadOnly(db, null);
    if (marker && (marker.lost !== null || heldData(marker.counts)) && !(await holdsData(db))) {
      const lost: BookMarker = { ...marker, lost: marker.lost ?? { since: deps.now(), kind: 'empty', error: null } };
      await writeMarker(lost);
      return { state: 'lost', marker: lost };
    }
    scheduleMarker(0);
    return { state: 'ok' };
  }

  function scheduleMarker(delay = deps.markerDelayMs ?? MARKER_DELAY_MS) {
    if (markerTimer !== undefined || store === null) return;
    markerTimer = setTimeout(() => {
      markerTimer = undefined;
      void refreshMarker().catch(() => undefined);
    }, delay);
  }

  /**
   * Brings the marker up to date, only while the book is healthy (a lost book keeps its marker).
   * One at a time, in order, so an earlier count never lands after a later one.
   */
  let markerChain: Promise<void> = Promise.resolve();
  function refreshMarker(): Promise<void> {
    markerChain = markerChain.then(async () => {
      if ((await health).state !== 'ok') return;
      await writeMarker(await currentMarker());
    });
    return markerChain;
  }

  async function status(): Promise<RecoveryStatus> {
    const h = await health;
    const marker = h.state === 'lost' || h.state === 'unreadable' ? h.marker : await readMarker();
    return {
      state: h.state,
      held: marker && { counts: marker.counts, lastBackupAt: marker.lastBackupAt, seenAt: marker.seenAt, schema: marker.schema },
      since: marker?.lost?.since ?? null,
      error: h.state === 'unreadable' ? h.error : (marker?.lost?.error ?? null),
      schema: { found: h.state === 'unreadable' ? null : installedSchema(db), supported: LATEST_SCHEMA },
      team: deps.teamRestore !== undefined,
    };
  }

  /** After a restore while lost: the book is back when it holds data again. */
  async function afterRestore(): Promise<void> {
    const before = health;
    health = (async () => {
      if (!(await holdsData(db))) return before;
      await writeMarker(await currentMarker());
      return { state: 'ok' } as const;
    })();
    await health;
  }

  async function snapshot(force: boolean): Promise<SnapshotInfo | null> {
    if (store === null || (await health).state !== 'ok' || !(await holdsData(db))) return null;
    if (!force && !snapshotDue((await store.listSnapshots())[0], deps.now())) return null;
    snapshotting ??= (async () => {
      const names = backupTableNames(db);
      const source = {
        tables: async () => Object.fromEntries(names.map((name) => [name, 0])),
        page: (table: string, after: string | null, limit: number) => readTablePage(db, table, after, limit),
      };
      return takeSnapshot(store, source, { schema: installedSchema(db), counts: await bookCounts(db) }, deps.now());
    })().finally(() => (snapshotting = null));
    return snapshotting;
  }

  /**
   * The book's health once the check is done; 'blocked' when the open has been waiting for
   * another connection longer than BLOCKED_AFTER_MS (a long upgrade that is not blocked is waited out).
   */
  async function settled(): Promise<BookHealth | 'blocked'> {
    const limit = deps.blockedAfterMs ?? BLOCKED_AFTER_MS;
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.min(limit, 1_000))));
      const h = await Promise.race([health, tick]);
      clearTimeout(timer);
      if (h !== null) return h;
      if (blockedSince !== null && Date.now() - blockedSince >= limit) return 'blocked';
    }
  }

  return {
    health: () => health,
    status,

    /** Wraps the router: while the book is lost only OPEN_WHILE_LOST messages get through. */
    gate(route: (message: unknown, sender: SenderInfo) => Promise<Envelope>) {
      return async (message: unknown, sender: SenderInfo): Promise<Envelope> => {
        const h = await settled();
        if (h === 'blocked') return { ok: false, error: { code: 'storage', message: BLOCKED_MESSAGE } };
        const type = (message as { type?: unknown } | null)?.type;
        const lost = h.state === 'lost' || h.state === 'unreadable';
        if (lost && !(typeof type === 'string' && OPEN_WHILE_LOST.has(type))) {
          return { ok: false, error: { code: 'recovery', message: RECOVERY_REFUSAL } };
        }
        const reply = await route(message, sender);
        if (lost && reply.ok && (type === 'restore.commit' || type === 'recovery.team')) await afterRestore();
        return reply;
      };
    },

    /** A write happened: the marker follows shortly. */
    noteChange: () => scheduleMarker(),

    /** The owner chose to go on with an empty book (recovery screen, confirmed). */
    async startOver(): Promise<void> {
      const h = await health;
      if (h.state !== 'lost') throw new RecoveryError('There is nothing to start over from: the book is not lost.');
      health = (async () => {
        await writeMarker(await currentMarker());
        return { state: 'ok' } as const;
      })();
      await health;
    },

    /**
     * The owner chose to replace a database that cannot be opened (recovery screen, confirmed):
     * it is deleted and made anew, empty; the marker still says what it held, so the recovery
     * screen stays up to restore into it.
     */
    async resetDamaged(): Promise<void> {
      const h = await health;
      if (h.state !== 'unreadable') throw new RecoveryError('The customer book opens: it is not replaced.');
      health = (async () => {
        await db.delete();
        return check();
      })();
      await health;
    },

    async teamRestore(): Promise<{ written: number; skipped: number }> {
      if (!deps.teamRestore) throw new RecoveryError('Team sync is not set up in this browser.');
      return deps.teamRestore();
    },

    /** The safety copies kept, newest first. */
    async copies(): Promise<SnapshotInfo[]> {
      return store ? store.listSnapshots() : [];
    },

    /** A safety copy if the newest is a day old (`force`: now); null when there is nothing to copy. */
    snapshot,
  };
}

export class RecoveryError extends Error {
  override readonly name = 'RecoveryError';
}

function describe(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const named = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  return (inner ? named(inner) : named(error)).slice(0, 500);
}
