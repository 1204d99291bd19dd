import { browser } from 'wxt/browser';
import type { CrmDatabase } from '../db/index';
import { loadSettings } from '../settings/store';
import { handleMenuClick, MENU_ITEMS } from './context-menus';
import type { PrefsArea } from './prefs';
import type { QuickNoteDrafts } from './quick-note-drafts';
import { createReminderAlarms, type ReminderAlarms } from './reminder-alarms';
import { toolbarAction } from './toolbar-action';

/**
 * The background's listeners for quick capture: context menus, reminder alarms and their
 * notifications. Called once, synchronously, at the top of the background so the listeners
 * exist before the events that woke a stopped service worker are dispatched.
 */
export function startQuickCapture(deps: { db: CrmDatabase; prefs: PrefsArea; drafts: QuickNoteDrafts }): ReminderAlarms {
  const { db, prefs, drafts } = deps;
  const isFirefox = import.meta.env.BROWSER === 'firefox';

  const reminders = createReminderAlarms({
    db,
    now: () => Date.now(),
    settings: () => loadSettings(prefs),
    buttons: !isFirefox,
    fallbackUrl: browser.runtime.getURL('/popup.html'),
    browser: {
      async createAlarm(name, when) {
        await browser.alarms.create(name, { when });
      },
      async clearAlarm(name) {
        await browser.alarms.clear(name);
      },
      async notify(id, { title, message, buttons }) {
        await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title,
          message,
          // Firefox refuses options it does not know (buttons, requireInteraction).
          ...(buttons.length > 0 ? { buttons: buttons.map((label) => ({ title: label })), requireInteraction: true } : {}),
        });
      },
      async clearNotification(id) {
        await browser.notifications.clear(id);
      },
      async openTab(url) {
        await browser.tabs.create({ url });
      },
    },
  });

  browser.alarms.onAlarm.addListener((alarm) => void reminders.onAlarm(alarm.name).catch(logError));
  browser.notifications.onClicked.addListener((id) => void reminders.onClicked(id).catch(logError));
  // Firefox has no notification buttons, so no such event.
  browser.notifications.onButtonClicked?.addListener((id, index) => void reminders.onButtonClicked(id, index).catch(logError));
  void reminders.rearmAll().catch(logError);

  // Menus are rebuilt on every start: removeAll first so a restart never duplicates them.
  void browser.contextMenus
    .removeAll()
    .then(() => {
      for (const item of MENU_ITEMS) browser.contextMenus.create(item, () => void browser.runtime.lastError);
    })
    .catch(logError);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(
      { menuItemId: info.menuItemId, selectionText: info.selectionText, linkUrl: info.linkUrl, linkText: linkText(info) },
      tab?.id ?? null,
      {
        db,
        putDraft: (draft) => drafts.put(draft),
        openQuickNote,
        now: () => Date.now(),
      },
    ).catch(logError);
  });

  return reminders;
}

/** Firefox reports the link's text; Chrome does not. */
function linkText(info: object): string | undefined {
  return 'linkText' in info && typeof info.linkText === 'string' ? info.linkText : undefined;
}

/**
 * The popup where the browser lets us open it (Chrome 127+, Firefox from a menu click);
 * otherwise the same page in a small window.
 */
async function openQuickNote(): Promise<void> {
  const action = toolbarAction();
  try {
    if (action) return await action.openPopup();
  } catch {
    // Not allowed here (no user action, or an older browser): the window below instead.
  }
  await browser.windows.create({ url: browser.runtime.getURL('/popup.html'), type: 'popup', width: 420, height: 640 });
}

function logError(error: unknown) {
  console.error('[crm]', error);
}
