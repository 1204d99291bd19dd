import { useState } from 'preact/hooks';
import { formatDate, formatSize } from '../format';

export interface StorageInfo {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export type TaskState = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

export interface BackupPanelProps {
  storage: StorageInfo;
  lastBackupAt: number | null;
  task: TaskState;
  onBackup(): void;
  onRestore(file: File, mode: 'replace' | 'merge'): void;
  onExport(kind: 'customers-csv' | 'orders-csv' | 'vcard'): void;
}

/** Backup, restore and exports; the storage the browser grants. */
export function BackupPanel(props: BackupPanelProps) {
  const [mode, setMode] = useState<'replace' | 'merge'>('merge');
  const busy = props.task.kind === 'busy';
  const { storage } = props;
  return (
    <section class="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and export</h2>
      <p>Your customers live only in this browser: uninstalling the extension deletes them. Keep a backup.</p>
      <p>
        Last backup: {props.lastBackupAt === null ? 'never' : formatDate(props.lastBackupAt)}.{' '}
        {storage.usage !== null && storage.quota !== null && `Using ${formatSize(storage.usage)} of ${formatSize(storage.quota)}. `}
        {storage.persisted === false && 'The browser may clear this data when disk space runs low.'}
        {storage.persisted === true && 'Storage is persistent.'}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={props.onBackup}>Download full backup (JSON)</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => props.onExport('customers-csv')}>Customers CSV</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => props.onExport('orders-csv')}>Orders CSV</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => props.onExport('vcard')}>Contacts vCard</button>
      </div>
      <fieldset class="restore">
        <legend>Restore from a backup</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge with what is here (newer rows win)
        </label>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace everything here with the backup
        </label>
        <label class="file">
          Backup file{' '}
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Backup file to restore"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onRestore(file, mode);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </fieldset>
      {props.task.kind === 'busy' && <p role="status">{props.task.label}</p>}
      {props.task.kind === 'done' && <p class="banner banner--ok" role="status">{props.task.message}</p>}
      {props.task.kind === 'error' && <p class="banner banner--error" role="alert">{props.task.message}</p>}
    </section>
  );
}
