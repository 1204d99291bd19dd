import { useState } from 'preact/hooks';
import type { RecoveryState, RecoveryStatus, RecoveryStore, RecoveryTask, SafetyCopy } from '../../lib/recovery/store';
import './recovery.css';

export interface RecoveryScreenProps {
  state: RecoveryState;
  task: RecoveryTask;
  onRestoreCopy(id: string): void;
  onDownloadCopy(id: string): void;
  onRestoreFile(file: File): void;
  onRestoreTeam(): void;
  onDownloadReadable(): void;
  onStartOver(): void;
  onReplaceDamaged(): void;
}

/** The screen's events wired to the recovery store (the manager and the sidebar show the same screen). */
export function recoveryActions(store: RecoveryStore): Omit<RecoveryScreenProps, 'state' | 'task'> {
  return {
    onRestoreCopy: (id) => void store.restoreCopy(id),
    onDownloadCopy: (id) => void store.downloadCopy(id),
    onRestoreFile: (file) => void store.restoreFile(file),
    onRestoreTeam: () => void store.restoreTeam(),
    onDownloadReadable: () => void store.downloadReadable(),
    onStartOver: () => void store.startOver(),
    onReplaceDamaged: () => void store.replaceDamaged(),
  };
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function heldList(counts: NonNullable<RecoveryStatus['held']>['counts']): string[] {
  return [
    count(counts.customers, 'customer', 'customers'),
    count(counts.companies, 'company', 'companies'),
    count(counts.orderBooks, 'customer with orders', 'customers with orders'),
    count(counts.notes, 'note', 'notes'),
    count(counts.interactions, 'logged interaction', 'logged interactions'),
  ];
}

/**
 * Shown instead of the manager and the sidebar when the customer book was lost (the database
 * opened empty while it held data) or cannot be opened: what was there, and the ways back.
 * Nothing is written until the owner picks one; giving up or deleting asks for a tick first.
 */
export function RecoveryScreen(props: RecoveryScreenProps) {
  const [understood, setUnderstood] = useState(false);
  const { state, task } = props;
  if (state.kind === 'loading') return <main class="recovery" role="status">Checking your customer book…</main>;
  if (state.kind === 'error') return <main class="recovery" role="alert">The extension did not answer: {state.message}</main>;
  const { status, copies } = state;
  const busy = task.kind === 'busy';
  const held = status.held;
  const unreadable = status.state === 'unreadable';
  return (
    <main class="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Your customer book needs recovering</h1>
      <p>
        {unreadable ? 'The browser cannot open the database that holds your customers' : 'The database that holds your customers opened empty'}
        {held ? `; on ${when(held.seenAt)} it held:` : '.'}
      </p>
      {held && (
        <ul class="recovery__held">
          {heldList(held.counts).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {status.error !== null && <p class="recovery__error">The browser said: {status.error}</p>}
      <p>
        Last backup: {held?.lastBackupAt ? when(held.lastBackupAt) : 'never'}. Nothing has been written since this was found, and nothing will be until you choose
        below.
      </p>

      {unreadable && (
        <section class="recovery__part" aria-labelledby="recovery-replace">
          <h2 id="recovery-replace">First, replace the damaged database</h2>
          <p>It cannot be opened, so nothing can be restored into it. Replacing it deletes the damaged files and makes an empty database to restore into.</p>
          <label class="recovery__confirm">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} /> I understand the damaged database is deleted
          </label>
          <button type="button" class="danger" disabled={busy || !understood} onClick={props.onReplaceDamaged}>
            Replace the damaged database
          </button>
        </section>
      )}

      <section class="recovery__part" aria-labelledby="recovery-restore">
        <h2 id="recovery-restore">Restore</h2>
        <h3>From a safety copy</h3>
        {copies.length === 0 ? (
          <p class="hint">No safety copy is kept in this browser (one is taken each day once there is something to copy).</p>
        ) : (
          <ul class="recovery__copies">
            {copies.map((copy: SafetyCopy) => (
              <li key={copy.id}>
                <span>
                  {when(copy.takenAt)}: {count(copy.counts.customers, 'customer', 'customers')}, {mb(copy.bytes)}
                </span>
                <button type="button" disabled={busy || unreadable} onClick={() => props.onRestoreCopy(copy.id)}>
                  Restore
                </button>
                <button type="button" class="secondary" disabled={busy} onClick={() => props.onDownloadCopy(copy.id)}>
                  Download
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3>From a backup file</h3>
        <label class="file">
          Backup file{' '}
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Backup file to restore"
            disabled={busy || unreadable}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onRestoreFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {status.team && (
          <>
            <h3>From the team server</h3>
            <button type="button" disabled={busy || unreadable} onClick={props.onRestoreTeam}>
              Restore from the team server
            </button>
          </>
        )}
      </section>

      <section class="recovery__part" aria-labelledby="recovery-other">
        <h2 id="recovery-other">Other choices</h2>
        <button type="button" class="secondary" disabled={busy} onClick={props.onDownloadReadable}>
          Download what can still be read
        </button>
        {!unreadable && (
          <div class="recovery__over">
            <label class="recovery__confirm">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />{' '}
              {held ? `I understand the ${count(held.counts.customers, 'customer', 'customers')} above will not come back` : 'I understand what was here will not come back'}
            </label>
            <button type="button" class="danger" disabled={busy || !understood} onClick={props.onStartOver}>
              Start over with an empty book
            </button>
          </div>
        )}
      </section>

      {task.kind === 'busy' && <p role="status">{task.label}</p>}
      {task.kind === 'done' && (
        <p class="banner banner--ok" role="status">
          {task.message}
        </p>
      )}
      {task.kind === 'error' && (
        <p class="banner banner--error" role="alert">
          {task.message}
        </p>
      )}
    </main>
  );
}

/** A line above the manager and the sidebar while the book is read-only (written by a newer version). */
export function ReadOnlyNotice({ status }: { status: RecoveryStatus | null }) {
  if (status?.state !== 'newer') return null;
  return (
    <p class="banner banner--warn recovery__read-only" role="status">
      Read-only: your customer book was saved by a newer version of this extension (schema {status.schema.found}; this version knows up to {status.schema.supported}).
      Update the extension to make changes; nothing here can change it meanwhile.
    </p>
  );
}
