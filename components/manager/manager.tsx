import type { ComponentChildren } from 'preact';
import type { View } from '../../lib/manager/manager-store';
import { Welcome } from '../options/welcome';
import './manager.css';

export interface ManagerProps {
  view: View;
  /** null while the first status is loading. */
  customers: number | null;
  statusError: string | null;
  backupDue: boolean;
  undo: { label: string } | null;
  onView(view: View): void;
  onLoadSample(): Promise<{ customers: number; orders: number }>;
  onUndo(): void;
  onDismissUndo(): void;
  children: ComponentChildren;
}

const VIEWS: readonly [View, string][] = [
  ['dashboard', 'Dashboard'],
  ['customers', 'Customers'],
  ['today', 'Today'],
  ['companies', 'Companies'],
  ['import', 'Import'],
  ['duplicates', 'Duplicates'],
  ['backup', 'Backup & export'],
];

/** The manager's frame: navigation, first-run welcome, backup reminder and undo toast. */
export function Manager(props: ManagerProps) {
  return (
    <div class="manager">
      <header class="manager__head">
        <h1>Customers</h1>
        <nav aria-label="Manager sections">
          {VIEWS.map(([id, label]) => (
            <button type="button" key={id} class={props.view === id ? 'tab tab--on' : 'tab'} aria-current={props.view === id ? 'page' : undefined} onClick={() => props.onView(id)}>
              {label}
            </button>
          ))}
        </nav>
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
      {props.customers === 0 && (props.view === 'customers' || props.view === 'dashboard') && <Welcome onLoadSample={props.onLoadSample} />}
      <main class="manager__body">{props.children}</main>
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
