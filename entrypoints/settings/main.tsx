import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EnabledSites } from '../../components/settings/enabled-sites';
import { KeyboardSection } from '../../components/settings/keyboard-section';
import { SettingsPage } from '../../components/settings/settings-page';
import '../../components/sidebar/sidebar.css';
import '../../components/settings/settings.css';
import { request } from '../../lib/messaging/client';
import { createSettingsStore } from '../../lib/settings/page-store';
import { assignedQuickNoteShortcut, openShortcutSettings, type ShortcutSettingsApi } from '../../lib/shortcut';
import { createEnabledSitesStore } from '../../lib/sites/site-access-store';

const store = createSettingsStore({
  get: () => request('settings.get', {}),
  save: (next) => request('settings.save', next),
});

const sites = createEnabledSitesStore({
  list: () => request('site.list', {}),
  remove: (origin) => request('site.disable', { origin }),
});

// The key the browser really assigned to the quick note (it may have assigned none).
const quickNote = signal<string | null | undefined>(undefined);
void browser.commands
  .getAll()
  .then((commands) => (quickNote.value = assignedQuickNoteShortcut(commands)))
  .catch(() => (quickNote.value = null));

function App() {
  return (
    <SettingsPage state={store.state.value} onSave={store.save}>
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
