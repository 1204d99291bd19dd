import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/popup';
import { SiteAccess } from '../../components/popup/site-access';
import { TodayPlan } from '../../components/plan/today-plan';
import '../../components/sidebar/sidebar.css';
import '../../components/popup/popup.css';
import { request } from '../../lib/messaging/client';
import { parsePushEvent } from '../../lib/messaging/push';
import { PORT_NAME } from '../../lib/messaging/vocabulary';
import { createPlanStore } from '../../lib/plan/store';
import { createPopupStore } from '../../lib/popup/store';
import { customerSearchUrl } from '../../lib/reminders/open';
import { assignedQuickNoteShortcut, openShortcutSettings, type ShortcutSettingsApi } from '../../lib/shortcut';
import { createSiteAccessStore } from '../../lib/sites/site-access-store';

// The tab the popup was opened over: its recognized customers come first in the picker. The
// id of the active tab needs no `tabs` permission. Opened as a tab itself, there is none.
async function tabUnderPopup(): Promise<number | null> {
  if (await browser.tabs.getCurrent()) return null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const store = createPopupStore(
  {
    candidates: (query, tabId) => request('quicknote.candidates', { query, tabId }),
    save: (input) => request('quicknote.save', input),
    draft: () => request('quicknote.draft', {}),
    createCustomer: (input) => request('customer.create', input),
    reminders: () => request('reminder.list', {}),
    doneReminder: (id) => request('reminder.done', { id }),
    snoozeReminder: (id, option) => request('reminder.snooze', { id, option }),
  },
);

// Today's plan (the same the manager shows): the owner's plan size, "show more" for the next.
const plan = createPlanStore({ today: (limit) => request('insights.today', limit === undefined ? {} : { limit }) });
void plan.load();

// Changes made elsewhere (a call logged in a sidebar) refresh the lists.
const port = browser.runtime.connect({ name: PORT_NAME });
port.onMessage.addListener((raw: unknown) => {
  if (parsePushEvent(raw)) {
    void store.refresh();
    void plan.load();
  }
});

// "Enable on this site" for the tab under the popup. permissions.request runs first in the
// click, as the browser only prompts during a user gesture.
const siteAccess = createSiteAccessStore({
  status: (tabId) => request('site.status', { tabId }),
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  enable: (origin, tabId) => request('site.enable', { origin, tabId }),
  showOnce: (tabId) => request('site.showOnce', { tabId }),
});

// A relationship on today's list opens as a reminder does: the Gmail search for the customer,
// where the sidebar shows their card; without an address, the manager.
function openCustomer(entry: { email: string | null }) {
  const url = customerSearchUrl(entry.email) ?? browser.runtime.getURL('/options.html');
  void browser.tabs.create({ url });
}

function Today() {
  // Three at first: the popup must fit its window; the rest of the plan one click away.
  return <TodayPlan state={plan.plan.value} onOpen={openCustomer} onMore={() => void plan.showMore()} few={3} />;
}

// The key the browser really assigned to the quick note (it may have assigned none).
const shortcut = signal<string | null | undefined>(undefined);
void browser.commands
  .getAll()
  .then((commands) => {
    shortcut.value = assignedQuickNoteShortcut(commands);
  })
  .catch(() => {
    shortcut.value = null;
  });
const setShortcut = () =>
  void openShortcutSettings(browser as unknown as ShortcutSettingsApi)
    .then(() => window.close())
    .catch(() => undefined);

function QuickNoteApp() {
  return (
    <Popup
      picker={store.picker.value}
      selected={store.selected.value}
      opening={store.opening.value}
      reminders={store.reminders.value}
      today={<Today />}
      now={Date.now()}
      onQuery={(query) => void store.search(query)}
      onSelect={store.select}
      onSave={store.save}
      onAddUnknown={store.addUnknown}
      onDoneReminder={store.doneReminder}
      onSnoozeReminder={store.snoozeReminder}
      onOpenSettings={() => void browser.tabs.create({ url: browser.runtime.getURL('/settings.html') })}
      site={<SiteAccess state={siteAccess.state.value} onEnable={siteAccess.enable} onShowOnce={siteAccess.showOnce} />}
      shortcut={shortcut.value}
      onSetShortcut={setShortcut}
    />
  );
}

function App() {
  return <QuickNoteApp />;
}

const root = document.getElementById('app');
// Render before anything is asked of the background: focus must be in the note at once, or the
// first keystrokes after the shortcut are lost.
if (root) render(<App />, root);
void tabUnderPopup()
  .catch(() => null)
  .then((tabId) => store.init(tabId));
// Opened as a page (popup.html?tab=<id>), the tab to enable is named in the URL.
const namedTab = Number(new URLSearchParams(location.search).get('tab'));
void tabUnderPopup()
  .catch(() => null)
  .then((tabId) =>
    tabId !== null
      ? siteAccess.load(tabId, { showOnPage: true })
      : siteAccess.load(Number.isInteger(namedTab) && namedTab > 0 ? namedTab : null),
  );
