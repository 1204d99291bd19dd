import { vi } from 'vitest';
import type { BackgroundDeps } from '../../../lib/background/handlers/types';
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
    pushToAll: vi.fn(),
    now: () => NOW,
    ...overrides,
  };
}
