import { vi } from 'vitest';
import type { BackgroundDeps } from '../../../lib/background/handlers/types';
import { createPrefs, type LegacyArea } from '../../../lib/background/prefs';
import { onDataChange, type CrmDatabase, type DataChange } from '../../../lib/db/index';
import { TabContexts } from '../../../lib/background/tab-contexts';
import { freshDatabase, NOW } from '../db/factories';

/** An in-memory stand-in for an earlier version's `storage.local` over a Map the test can inspect. */
export function fakeLegacyArea(store: Map<string, unknown> = new Map()): LegacyArea {
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => store.has(k)).map((k) => [k, store.get(k)])),
    remove: async (keys) => void keys.forEach((k) => store.delete(k)),
  };
}

/**
 * The background's deps for handler tests: a fresh database, fakes for the rest. `legacy` holds
 * what an earlier version left in `storage.local`: the preferences adopt it on first use, as the
 * background does after an update.
 */
export function testDeps(legacy: Map<string, unknown> = new Map(), overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  const db = overrides.db ?? freshDatabase();
  return {
    db,
    tabs: new TabContexts(null),
    prefs: createPrefs(db, { legacy: fakeLegacyArea(legacy) }),
    ownAddresses: async () => new Set<string>(),
    pushToTab: vi.fn(),
    now: () => NOW,
    ...overrides,
  };
}

/** Every change the database's signal reports from now on, in order. */
export function heardChanges(db: CrmDatabase): DataChange[] {
  const heard: DataChange[] = [];
  onDataChange(db, (change) => heard.push(change));
  return heard;
}
