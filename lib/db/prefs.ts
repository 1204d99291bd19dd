import type { CrmDatabase } from './schema';
import { guard } from './errors';

/**
 * The owner's preferences (settings, enabled sites, the sidebar's UI state) as key-value rows of
 * the `settings` table. They decide what the background reveals and does (the inbox marks, the
 * sites scripts run on), so they live in the background's database, which no content script can
 * reach, and not in `storage.local`, which every content script can read and write.
 */

/** What the background's handlers read and write preferences through (the shape of a storage area). */
export interface PrefsArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function readPrefs(db: CrmDatabase, keys: string | string[]): Promise<Record<string, unknown>> {
  return guard(async () => {
    const wanted = Array.isArray(keys) ? keys : [keys];
    const rows = await db.settings.bulkGet(wanted);
    const found: Record<string, unknown> = {};
    rows.forEach((row, i) => {
      if (row !== undefined) found[wanted[i]!] = row.value;
    });
    return found;
  });
}

export function writePrefs(db: CrmDatabase, items: Record<string, unknown>): Promise<void> {
  return guard(async () => {
    await db.settings.bulkPut(Object.entries(items).map(([key, value]) => ({ key, value })));
  });
}

/** Marks that the values kept in `storage.local` by earlier versions were moved here. */
export const LEGACY_MOVED_KEY = 'moved:storage.local';

/**
 * Moves the values earlier versions kept in `storage.local` into the table, once: a value
 * already here wins (it was written since). Returns false when the move was done before.
 */
export function adoptLegacyPrefs(db: CrmDatabase, legacy: () => Promise<Record<string, unknown>>): Promise<boolean> {
  return guard(async () => {
    if ((await db.settings.get(LEGACY_MOVED_KEY)) !== undefined) return false;
    // Read before the transaction: it may await only the database.
    const values = await legacy();
    return db.transaction('rw', db.settings, async () => {
      if ((await db.settings.get(LEGACY_MOVED_KEY)) !== undefined) return false;
      const present = new Set((await db.settings.bulkGet(Object.keys(values))).filter((r) => r !== undefined).map((r) => r!.key));
      const rows = Object.entries(values)
        .filter(([key]) => !present.has(key))
        .map(([key, value]) => ({ key, value }));
      await db.settings.bulkPut([...rows, { key: LEGACY_MOVED_KEY, value: true }]);
      return true;
    });
  });
}
