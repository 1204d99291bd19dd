import { browser } from 'wxt/browser';
import {
  acknowledgeJournal,
  applyRemote,
  clearTeamSettings,
  conflictOf,
  conflictsOfCustomer,
  countJournal,
  deleteCustomers,
  hasCustomers,
  journalSeq,
  loadTeamSettings,
  onDataChange,
  pendingChanges,
  readSynced,
  resetSyncState,
  saveTeamSettings,
  setJournaling,
  SHARED_TABLES,
  syncDocStates,
  tableKeys,
  undoDelete,
  type CrmDatabase,
} from '../db/index';
import type { TeamDeps } from './handlers/team';
import type { LocalStore } from '../sync/local-store';
import { browserPouch } from '../sync/pouch-browser';
import { TeamSync, type TeamConfig, type TeamSecret } from '../sync/service';

/**
 * Team sync in the background: the service (lib/sync/service.ts) over this browser's database,
 * woken by the change feed for local writes, and kept alive by alarms while it has work.
 *
 * Alarms: `team-awake` every 30 s while there is work (a download, changes waiting, a page
 * open): a pending HTTP long-poll does not keep an MV3 service worker alive, an alarm event
 * does. `team-wake` every 5 minutes while in a team: a worker the browser stopped starts again,
 * resumes from its checkpoints, and stops again when idle.
 */

interface WebRequestErrors {
  onErrorOccurred?: {
    addListener(listener: (details: { url: string; error: string }) => void, filter: { urls: string[] }): void;
    hasListener(listener: (details: { url: string; error: string }) => void): boolean;
  };
}

const AWAKE = 'team-awake';
const WAKE = 'team-wake';

export interface TeamBackground {
  sync: TeamSync;
  deps: TeamDeps;
  /** A page connected or disconnected: re-decide whether to stay awake. */
  pagesChanged(open: number): void;
}

export function startTeam(options: { db: CrmDatabase; onStatus: () => void }): TeamBackground {
  const { db } = options;
  const local: LocalStore = {
    pending: (after, limit) => pendingChanges(db, after, limit),
    journalSeq: () => journalSeq(db),
    acknowledge: (seq) => acknowledgeJournal(db, seq),
    keys: (table, after, limit) => tableKeys(db, table, after, limit),
    read: (table, keys) => readSynced(db, table, keys),
    docStates: (ids) => syncDocStates(db, ids),
    apply: (batch, seq) => applyRemote(db, batch, seq),
  };
  const networkErrors = new Map<string, string>();
  let busy = false;
  let pages = 0;
  let lastShown = '';
  let pushTimer: ReturnType<typeof setTimeout> | null = null;
  const decideAwake = () => {
    if (busy || pages > 0) void browser.alarms.create(AWAKE, { periodInMinutes: 0.5 });
    else void browser.alarms.clear(AWAKE);
  };
  const sync = new TeamSync({
    store: {
      load: async () => {
        const saved = await loadTeamSettings(db);
        return saved as { config: TeamConfig; secret: TeamSecret } | null;
      },
      save: async (config, secret) => {
        await saveTeamSettings(db, config, secret);
        void browser.alarms.create(WAKE, { periodInMinutes: 5 });
      },
      clear: async () => {
        await clearTeamSettings(db);
        void browser.alarms.clear(WAKE);
        void browser.alarms.clear(AWAKE);
      },
      setJournaling: (on) => setJournaling(db, on),
      resetSyncState: () => resetSyncState(db),
      journalCount: () => countJournal(db),
      hasData: () => hasCustomers(db),
    },
    local,
    pouch: browserPouch,
    mirrorAdapter: 'indexeddb',
    fetch: (input, init) => fetch(input, init),
    networkError: (url) => networkErrors.get(new URL(url).origin) ?? null,
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    keepAwake: (on) => {
      busy = on;
      decideAwake();
    },
    onStatus: (status) => {
      // Pages are told only when what they show changes, at most four times a second.
      const shown = JSON.stringify([status.state, status.message, status.waiting, status.refused, status.team?.members.length]);
      if (shown === lastShown) return;
      lastShown = shown;
      if (pushTimer) return;
      pushTimer = setTimeout(() => {
        pushTimer = null;
        options.onStatus();
      }, 250);
    },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });

  // Why a request to the team server failed (a refused certificate), which fetch does not say:
  // webRequest, when the optional permission was granted at setup. Only the server's errors are kept.
  const listenErrors = () => {
    const webRequest = (browser as unknown as { webRequest?: WebRequestErrors }).webRequest;
    if (!webRequest?.onErrorOccurred || webRequest.onErrorOccurred.hasListener(onError)) return;
    webRequest.onErrorOccurred.addListener(onError, { urls: ['http://*/*', 'https://*/*'] });
  };
  function onError(details: { url: string; error: string }) {
    const team = sync.status().team;
    if (!team) return;
    try {
      const origin = new URL(details.url).origin;
      if (origin === new URL(team.url).origin) networkErrors.set(origin, details.error);
    } catch {
      // not a URL: nothing to keep
    }
  }
  listenErrors();
  browser.permissions.onAdded.addListener(listenErrors);

  onDataChange(db, (change) => {
    if (change.origin === 'local' && change.tables.some((table) => SHARED_TABLES.has(table))) sync.kick();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE || alarm.name === AWAKE) sync.kick();
  });
  void sync.start();

  return {
    sync,
    deps: {
      sync,
      conflicts: (customerId) => conflictsOfCustomer(db, customerId),
      conflict: (table, key) => conflictOf(db, table, key),
      deleteCustomer: async (customerId) => (await deleteCustomers(db, [customerId], Date.now())).deletedAt,
      restoreCustomer: async (customerId, deletedAt) => void (await undoDelete(db, { ids: [customerId], deletedAt }, Date.now())),
    },
    pagesChanged(open) {
      pages = open;
      decideAwake();
    },
  };
}
