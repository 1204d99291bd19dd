import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { View } from '../../lib/manager/manager-store';
import type { TeamStatus } from '../../lib/sync/status';
import { Welcome } from '../options/welcome';
import { TeamStatusLine } from '../team/team-status-line';
import './manager.css';

export interface ManagerProps {
  view: View;
  /** null while the first status is loading. */
  customers: number | null;
  statusError: string | null;
  backupDue: boolean;
  /** Team sync's status (null, or state off: nothing is shown). */
  team?: TeamStatus | null;
  undo: { label: string } | null;
  onView(view: View): void;
  onAddCustomer(input: { name: string; email: string }): Promise<void>;
  onLoadSample(): Promise<{ customers: number; orders: number }>;
  onUndo(): void;
  onDismissUndo(): void;
  children: ComponentChildren;
}

/** The sections: the tab's label, which is also the page's heading while the section is open. */
const VIEWS: readonly [View, string][] = [
  ['dashboard', 'Dashboard'],
  ['customers', 'Customers'],
  ['today', 'Today'],
  ['companies', 'Companies'],
  ['import', 'Import'],
  ['duplicates', 'Duplicates'],
  ['backup', 'Backup & export'],
];

const APP_NAME = 'Local CRM Sidebar';

/**
 * The manager's frame: the open section's heading, navigation (with Settings, a page of its own),
 * the first run in place of an empty customer list, the backup reminder and the undo toast.
 */
export function Manager(props: ManagerProps) {
  const title = VIEWS.find(([id]) => id === props.view)?.[1] ?? APP_NAME;
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
  const firstRun = props.customers === 0 && (props.view === 'customers' || props.view === 'dashboard');
  return (
    <div class="manager">
      <header class="manager__head">
        <h1>{title}</h1>
        <nav aria-label="Manager sections">
          {VIEWS.map(([id, label]) => (
            <button type="button" key={id} class={props.view === id ? 'tab tab--on' : 'tab'} aria-current={props.view === id ? 'page' : undefined} onClick={() => props.onView(id)}>
              {label}
            </button>
          ))}
          <a class="tab" href="/settings.html">
            Settings
          </a>
        </nav>
        <TeamStatusLine status={props.team ?? null} compact />
      </header>
      {props.statusError !== null && (
        <p class="banner banner--error" role="alert">
          The extension did not answer: {props.statusError}
        </p>
      )}
      {props.backupDue && props.view !== 'backup' && (
        <p class="banner banner--warn" role="status">
          No backup in the last 30 days. Your customers live only in this browser.{' '}
          <button type="button" class="link" onClick={() => props.onView('backup')}>
            Make a backup
          </button>
        </p>
      )}
      <main class="manager__body">
        {firstRun ? <Welcome onImport={() => props.onView('import')} onAddCustomer={props.onAddCustomer} onLoadSample={props.onLoadSample} /> : props.children}
      </main>
      {props.undo !== null && (
        <div class="toast" role="status">
          {props.undo.label}{' '}
          <button type="button" onClick={props.onUndo}>
            Undo
          </button>
          <button type="button" class="secondary" aria-label="Dismiss" onClick={props.onDismissUndo}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
