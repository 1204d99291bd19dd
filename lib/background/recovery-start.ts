import { browser } from 'wxt/browser';
import { onDataChange, type CrmDatabase } from '../db/index';
import { cacheSafetyStore } from '../safety/store';
import { LAST_BACKUP_KEY } from './handlers/manager';
import { createRecovery, type RecoveryDeps, type RecoveryService } from './recovery';

/** The alarm that checks, hourly, whether the day's safety copy is due. */
export const SAFETY_ALARM = 'safety-copy';

/**
 * The book's health check, marker and safety copies in the background. Called once,
 * synchronously, at the top of the background (the alarm listener must exist before the event
 * that woke a stopped service worker is dispatched). The check starts at once: every message
 * waits for it (lib/background/recovery.ts, `gate`).
 */
export function startRecovery(deps: { db: CrmDatabase; teamRestore?: RecoveryDeps['teamRestore'] }): RecoveryService {
  const { db } = deps;
  const recovery = createRecovery({
    db,
    store: typeof caches === 'undefined' ? null : cacheSafetyStore(caches),
    now: () => Date.now(),
    lastBackupAt: async () => {
      const value = (await db.meta.get(LAST_BACKUP_KEY))?.value;
      return typeof value === 'number' ? value : null;
    },
    ...(deps.teamRestore ? { teamRestore: deps.teamRestore } : {}),
  });

  // The marker follows every committed write (the database's change signal).
  onDataChange(db, () => recovery.noteChange());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SAFETY_ALARM) void recovery.snapshot(false).catch((error: unknown) => console.error('Safety copy:', error));
  });
  void browser.alarms
    .get(SAFETY_ALARM)
    .then(async (existing) => {
      if (!existing) await browser.alarms.create(SAFETY_ALARM, { delayInMinutes: 2, periodInMinutes: 60 });
    })
    .catch(() => undefined);
  return recovery;
}
