import { render } from 'preact';
import { EnabledSites } from '../../components/settings/enabled-sites';
import { SettingsPage } from '../../components/settings/settings-page';
import '../../components/sidebar/sidebar.css';
import '../../components/settings/settings.css';
import { request } from '../../lib/messaging/client';
import { createSettingsStore } from '../../lib/settings/page-store';
import { createEnabledSitesStore } from '../../lib/sites/site-access-store';

const store = createSettingsStore({
  get: () => request('settings.get', {}),
  save: (next) => request('settings.save', next),
});

const sites = createEnabledSitesStore({
  list: () => request('site.list', {}),
  remove: (origin) => request('site.disable', { origin }),
});

function App() {
  return (
    <SettingsPage state={store.state.value} onSave={store.save}>
      <EnabledSites sites={sites.sites.value} onRemove={sites.remove} />
    </SettingsPage>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
void store.load();
void sites.load();
