import { render } from 'preact';
import { SettingsPage } from '../../components/settings/settings-page';
import '../../components/sidebar/sidebar.css';
import '../../components/settings/settings.css';
import { request } from '../../lib/messaging/client';
import { createSettingsStore } from '../../lib/settings/page-store';

const store = createSettingsStore({
  get: () => request('settings.get', {}),
  save: (next) => request('settings.save', next),
});

function App() {
  return <SettingsPage state={store.state.value} onSave={store.save} />;
}

const root = document.getElementById('app');
if (root) render(<App />, root);
void store.load();
