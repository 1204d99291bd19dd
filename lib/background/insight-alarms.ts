import { browser } from 'wxt/browser';
import type { CrmDatabase } from '../db/index';
import { loadSettings } from '../settings/store';
import { toBusinessSettings } from '../settings/schema';
import { createDashboardBooks } from './dashboard-books';
import { createInsights, DAILY_ALARM, type InsightsService } from './insights';
import type { PrefsArea } from './prefs';

const DAY_MINUTES = 24 * 60;

/**
 * Insights in the background: the service, its daily alarm and the start-up check. Called
 * once, synchronously, at the top of the background so the alarm listener exists before the
 * event that woke a stopped service worker is dispatched.
 */
export function startInsights(deps: { db: CrmDatabase; prefs: PrefsArea; changeSeq?: () => number }): InsightsService {
  const insights = createInsights({
    db: deps.db,
    settings: async () => toBusinessSettings(await loadSettings(deps.prefs)),
    now: () => Date.now(),
    ...(deps.changeSeq ? { changeSeq: deps.changeSeq } : {}),
    books: createDashboardBooks(deps.db),
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void insights.recompute().catch(logError);
  });
  // Created only when missing: re-creating on every start would push the daily run back each time.
  void browser.alarms
    .get(DAILY_ALARM)
    .then(async (existing) => {
      if (!existing) await browser.alarms.create(DAILY_ALARM, { periodInMinutes: DAY_MINUTES, delayInMinutes: DAY_MINUTES });
    })
    .catch(logError);
  void insights.start().catch(logError);
  return insights;
}

function logError(error: unknown): void {
  console.error('Insights:', error);
}
