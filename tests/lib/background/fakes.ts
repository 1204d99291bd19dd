import { vi } from 'vitest';
import type { BackgroundDeps } from '../../../lib/background/handlers/types';
import { onDataChange, type CrmDatabase, type DataChange } from '../../../lib/db/index';
import { TabContexts } from '../../../lib/background/tab-contexts';
import { freshDatabase, NOW } from '../db/factories';

/** An in-memory stand-in for `storage.local` over a Map the test can inspect. */
export function fakeLocal(store: Map<string, unknown> = new Map()) {
  return {
    get: async (keys: string | string[]) =>
      Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => store.has(k)).map((k) => [k, store.get(k)])),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
  };
}

/** The background's deps for handler tests: a fresh database, fakes for the rest. */
export function testDeps(store: Map<string, unknown> = new Map(), overrides: Partial<BackgroundDeps> = {}): BackgroundDeps {
  return {
    db: freshDatabase(),
    tabs: new TabContexts(null),
    local: fakeLocal(store),
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
