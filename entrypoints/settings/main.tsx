import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EnabledSites } from '../../components/settings/enabled-sites';
import { KeyboardSection } from '../../components/settings/keyboard-section';
import { SettingsPage } from '../../components/settings/settings-page';
import { TeamSection } from '../../components/settings/team-section';
import '../../components/sidebar/sidebar.css';
import '../../components/settings/settings.css';
import '../../components/team/team.css';
import { request } from '../../lib/messaging/client';
import { PORT_NAME } from '../../lib/messaging/protocol';
import { parsePushEvent } from '../../lib/messaging/push';
import { createSettingsStore } from '../../lib/settings/page-store';
import { assignedQuickNoteShortcut, openShortcutSettings, type ShortcutSettingsApi } from '../../lib/shortcut';
import { createEnabledSitesStore } from '../../lib/sites/site-access-store';
import { originPattern } from '../../lib/sync/remote';
import { createTeamStore } from '../../lib/team/page-store';
import { TEAM_OPTIONAL_PERMISSIONS } from '../../lib/sync/permissions';

const store = createSettingsStore({
  get: () => request('settings.get', {}),
  save: (next) => request('settings.save', next),
});

const sites = createEnabledSitesStore({
  list: () => request('site.list', {}),
  remove: (origin) => request('site.disable', { origin }),
});

const team = createTeamStore({
  status: () => request('team.status', {}),
  // The server's origin only, asked at setup (never in the manifest), with webRequest for the
  // reason of a failed connection (a refused certificate).
  requestAccess: (url) => browser.permissions.request({ origins: [originPattern(url)], permissions: [...TEAM_OPTIONAL_PERMISSIONS] as never }),
  test: (fields) => request('team.test', fields),
  join: (fields) => request('team.join', fields),
  pause: () => request('team.pause', {}),
  resume: () => request('team.resume', {}),
  leave: () => request('team.leave', {}),
  rename: (displayName) => request('team.rename', { displayName }),
});
const localCustomers = signal<number | null>(null);
// The key the browser really assigned to the quick note (it may have assigned none).
const quickNote = signal<string | null | undefined>(undefined);
void browser.commands
  .getAll()
  .then((commands) => (quickNote.value = assignedQuickNoteShortcut(commands)))
  .catch(() => (quickNote.value = null));

function App() {
  return (
    <SettingsPage state={store.state.value} onSave={store.save}>
      <TeamSection store={team} localCustomers={localCustomers.value} />
      <EnabledSites sites={sites.sites.value} onRemove={sites.remove} />
      <KeyboardSection
        quickNote={quickNote.value}
        onChangeShortcut={() => void openShortcutSettings(browser as unknown as ShortcutSettingsApi).catch(() => undefined)}
      />
    </SettingsPage>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
void store.load();
void sites.load();
void team.load();
// The team status follows the background's pushes; reconnect if the service worker restarts.
function connect() {
  const port = browser.runtime.connect({ name: PORT_NAME });
  port.onMessage.addListener((raw: unknown) => {
    if (parsePushEvent(raw)?.type === 'team') void team.load();
  });
  port.onDisconnect.addListener(() => setTimeout(connect, 250));
}
connect();
void request('backup.tables', {}).then(
  ({ counts }) => (localCustomers.value = counts.customers ?? 0),
  () => undefined,
);
