import { onDataChange, type CrmDatabase, type DataChange } from '../db/index';
import type { PushEvent } from '../messaging/protocol';
import { SETTINGS_KEY } from '../settings/key';
import { CONTEXT_KEY } from './insight-store';

/**
 * Where each committed change goes: the database's one change signal (lib/db/changes.ts) wired
 * once to the open pages (through the hub), the prepared sidebar contexts, the insights and,
 * later, sync. Handlers never push 'data' themselves.
 */

/** A change naming more customers than this is pushed as "anyone may have changed". */
export const PUSH_CUSTOMER_LIMIT = 50;
/** Pushes closer together than this are sent as one, after the first (a recompute writes in chunks). */
export const PUSH_GAP_MS = 100;

/** Tables whose rows pages show (directly, or as figures and lists); the rest are not pushed. */
const SHOWN: ReadonlySet<string> = new Set(['customers', 'companies', 'notes', 'interactions', 'orderBooks', 'suggestionHolds', 'reminders', 'meta', 'syncConflicts']);

/**
 * Whether the owner's settings changed (cadence, own addresses, hours: what every page shows
 * and the insights use); the other rows of `settings` (UI state, enabled sites) are followed by
 * the content scripts through their own push.
 */
export function settingsChanged(change: DataChange): boolean {
  return (change.ids.settings ?? []).includes(SETTINGS_KEY);
}

/** The push for open pages, or null when nothing a page shows changed. */
export function toPush(change: DataChange): PushEvent | null {
  const settings = settingsChanged(change);
  if (!settings && !change.tables.some((table) => SHOWN.has(table))) return null;
  const all =
    settings ||
    // A company is on every contact's card.
    change.tables.includes('companies') ||
    // The business-wide context moves every customer's next action.
    (change.ids.meta ?? []).includes(CONTEXT_KEY) ||
    change.customerIds.length > PUSH_CUSTOMER_LIMIT;
  return { type: 'data', customerIds: all ? [] : change.customerIds, all };
}

/** Two pushes as one: "anyone" wins, otherwise the customers of both; the later count. */
export function mergePushes(x: PushEvent & { type: 'data' }, y: PushEvent & { type: 'data' }): PushEvent & { type: 'data' } {
  const customerIds = x.all || y.all ? [] : [...new Set([...x.customerIds, ...y.customerIds])];
  const all = x.all || y.all || customerIds.length > PUSH_CUSTOMER_LIMIT;
  const merged: PushEvent & { type: 'data' } = { type: 'data', customerIds: all ? [] : customerIds, all };
  const seq = Math.max(x.seq ?? -Infinity, y.seq ?? -Infinity);
  return Number.isFinite(seq) ? { ...merged, seq } : merged;
}

/**
 * Counts committed changes, so a page can tell a push it has already seen the effect of (data it
 * read when the count was that far) from a newer one. Starts at the clock: a restarted background
 * counts on from above what its pages saw (at most one change a millisecond on average).
 */
export function createChangeCount(start = Date.now()) {
  let value = start;
  return {
    get value() {
      return value;
    },
    next: () => ++value,
  };
}
export type ChangeCount = ReturnType<typeof createChangeCount>;

export interface ChangeWiring {
  db: CrmDatabase;
  /** Sends an event to every open page (PortHub.toAll). */
  toAll(event: PushEvent): void;
  /** Drops answers worked out before the change (the prepared sidebar contexts). */
  invalidate?(): void;
  /** The insights service's listener. */
  insights?: { onDataChanged(change: DataChange): void };
  /** Counted here, for the pushes' `seq` and the replies that carry one. */
  count?: ChangeCount;
  /** The clock and timers, for tests. */
  now?: () => number;
  setTimeout?: (run: () => void, ms: number) => unknown;
}

/**
 * Wires the change signal; returns the function that unwires it. The first push of a burst
 * goes at once and the rest of the burst follows as one push `PUSH_GAP_MS` later.
 */
export function wireChanges(wiring: ChangeWiring): () => void {
  const later = wiring.setTimeout ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const now = wiring.now ?? Date.now;
  let pending: (PushEvent & { type: 'data' }) | null = null;
  let quietUntil = 0;
  let timer = false;

  const send = () => {
    timer = false;
    if (pending === null) return;
    const event = pending;
    pending = null;
    quietUntil = now() + PUSH_GAP_MS;
    wiring.toAll(event);
  };

  return onDataChange(wiring.db, (change) => {
    const seq = wiring.count?.next();
    const found = toPush(change);
    if (found !== null && found.type === 'data') {
      const push = seq === undefined ? found : { ...found, seq };
      wiring.invalidate?.();
      pending = pending === null ? push : mergePushes(pending, push);
      if (!timer) {
        const wait = quietUntil - now();
        if (wait <= 0) send();
        else {
          timer = true;
          later(send, wait);
        }
      }
    }
    wiring.insights?.onDataChanged(change);
  });
}
