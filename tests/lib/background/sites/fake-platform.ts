import { vi } from 'vitest';
import type { SitesPlatform } from '../../../../lib/background/sites/platform';

/** An in-memory stand-in for the permissions, scripting, tabs and action APIs. */
export function fakePlatform(tabs: Record<number, string> = {}) {
  const granted = new Set<string>();
  const scripts = new Map<string, string>();
  const badges = new Map<number, string>();
  const injected: number[] = [];
  const platform: SitesPlatform = {
    tabUrl: async (tabId) => tabs[tabId] ?? null,
    hasOrigin: async (pattern) => granted.has(pattern),
    removeOrigin: vi.fn(async (pattern: string) => void granted.delete(pattern)),
    registerScript: async (id, pattern) => {
      if (scripts.has(id)) throw new Error(`Duplicate script ID '${id}'`);
      scripts.set(id, pattern);
    },
    unregisterScript: async (id) => {
      if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    },
    registeredScriptIds: async () => [...scripts.keys()],
    injectScript: async (tabId) => {
      if (!tabs[tabId]) throw new Error('Cannot access contents of the page');
      injected.push(tabId);
    },
    setBadge: async (tabId, text) => void badges.set(tabId, text),
  };
  return { platform, granted, scripts, badges, injected };
}
