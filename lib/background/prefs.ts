import { adoptLegacyPrefs, readPrefs, writePrefs, type CrmDatabase, type PrefsArea } from '../db/index';
import { SETTINGS_KEY } from '../settings/key';
import { UI_STATE_KEY } from '../ui-state';
import { ENABLED_SITES_KEY } from './sites/site-access';

export type { PrefsArea } from '../db/index';

/** The keys earlier versions kept in `storage.local`. */
export const LEGACY_PREF_KEYS = [SETTINGS_KEY, ENABLED_SITES_KEY, UI_STATE_KEY] as const;

/** The part of `storage.local` the move reads and then clears. */
export interface LegacyArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * The background's preferences (lib/db/prefs.ts). The first read or write waits for the values
 * earlier versions kept in `storage.local` to be moved into the database; they are then removed
 * from `storage.local`, and anything a content script writes there later is never read.
 * `onChanged` hears which keys each write touched (the background pushes what content scripts
 * follow: the collapse state and the inbox-marks switch).
 */
export function createPrefs(db: CrmDatabase, options: { legacy?: LegacyArea; onChanged?: (keys: string[]) => void } = {}): PrefsArea {
  const { legacy, onChanged } = options;
  let moved: Promise<void> | null = null;
  const ready = () =>
    (moved ??= (async () => {
      if (!legacy) return;
      const keys = [...LEGACY_PREF_KEYS];
      if (await adoptLegacyPrefs(db, () => legacy.get(keys))) await legacy.remove(keys).catch(() => undefined);
    })().catch((error: unknown) => {
      moved = null; // tried again on the next use
      throw error;
    }));
  return {
    async get(keys) {
      await ready();
      return readPrefs(db, keys);
    },
    async set(items) {
      await ready();
      await writePrefs(db, items);
      onChanged?.(Object.keys(items));
    },
  };
}
