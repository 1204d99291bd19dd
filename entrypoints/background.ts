import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { wireChanges } from '../lib/background/changes';
import { pushContentUiState } from '../lib/background/content-ui';
import { createHandlers } from '../lib/background/handlers/index';
import { reconcileEnabledSites } from '../lib/background/handlers/sites';
import { startInsights } from '../lib/background/insight-alarms';
import { PortHub } from '../lib/background/ports';
import { createPrefs } from '../lib/background/prefs';
import { PreparedContexts } from '../lib/background/prepared-contexts';
import { startQuickCapture } from '../lib/background/quick-capture';
import { QuickNoteDrafts } from '../lib/background/quick-note-drafts';
import { startRecovery } from '../lib/background/recovery-start';
import { TabContexts } from '../lib/background/tab-contexts';
import { openDatabase } from '../lib/db/index';
import { PORT_NAME, type SidebarContext } from '../lib/messaging/protocol';
import { classifySender, createRouter } from '../lib/messaging/router';
import { ownAddresses } from '../lib/settings/store';
import { showShortcutInTitle, type ShortcutTitleApi } from '../lib/shortcut';

export default defineBackground(() => {
  const db = openDatabase();
  // Is the book whole? A lost or unreadable one gets the recovery screen and nothing else; a
  // marker of what it held and daily safety copies are kept outside IndexedDB. The team-sync
  // service passes its restore here (`teamRestore`) once it exists.
  const recovery = startRecovery({ db });
  // Settings, enabled sites and UI state: in the database, out of content scripts' reach. A
  // write that changes what content scripts follow (collapse, inbox marks) is pushed to the tabs.
  const prefs = createPrefs(db, {
    legacy: browser.storage.local,
    onChanged: (keys) =>
      void pushContentUiState(keys, {
        prefs,
        tabIds: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
        send: (tabId, message) => browser.tabs.sendMessage(tabId, message),
      }).catch(() => undefined),
  });
  const prepared = new PreparedContexts<SidebarContext>();
  const hub = new PortHub();
  const session = browser.storage.session ?? null;
  const tabs = new TabContexts(session);
  const drafts = new QuickNoteDrafts(session);
  // Context menus, reminder alarms and notifications; re-arms stored reminders on every start.
  const reminderAlarms = startQuickCapture({ db, prefs, drafts });
  // Tiers, stages and next actions: daily, and after writes (they hear the change signal).
  const insights = startInsights({ db, prefs });
  // Every committed write, whoever made it, reaches the pages (through the hub), drops the
  // prepared sidebar contexts, and tells the insights: the database's one change signal.
  wireChanges({ db, toAll: (event) => hub.toAll(event), invalidate: () => prepared.clear(), insights });

  const router = createRouter(
    createHandlers({
      db,
      tabs,
      prefs,
      ownAddresses: () => ownAddresses(prefs),
      pushToTab: (tabId, event) => hub.toTab(tabId, event),
      now: () => Date.now(),
      reminderAlarms,
      drafts,
      insights,
      prepared,
      recovery,
    }),
    browser.runtime.id,
    { frameAllowed: (tabId, token) => tabs.frameAllowed(tabId, token) },
  );
  const route = recovery.gate(router);

  // sendResponse + `return true` works in every browser; a returned promise does not everywhere.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME || classifySender(port.sender ?? {}, browser.runtime.id) !== 'page') {
      port.disconnect();
      return;
    }
    hub.add(port, port.sender?.tab?.id ?? null);
    port.onDisconnect.addListener(() => hub.remove(port));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    prepared.forget(tabId);
    void tabs.forget(tabId);
  });

  // The toolbar button names the quick note's key when the browser assigned one.
  showShortcutInTitle(browser as unknown as ShortcutTitleApi);

  // Enabled sites: re-register after a restart, drop those whose permission the user removed.
  const reconcileSites = () => void reconcileEnabledSites(prefs).catch(() => undefined);
  reconcileSites();
  browser.permissions.onRemoved.addListener(reconcileSites);
});
