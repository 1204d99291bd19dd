import { signal } from '@preact/signals';
import { readBackup, writeBackup, type BackupSource } from '../export/backup-file';
import type { ReplyOf } from '../messaging/protocol';
import { restoreBackup, type Request } from './restore';

/**
 * The recovery screen's state and actions (components/recovery/recovery-screen.tsx), in the
 * manager and in the sidebar: what the book held and how it was lost, the safety copies, and the
 * ways back: a copy, a backup file, the team server; downloading what is still readable; and,
 * confirmed, replacing a damaged database or starting over. Every restore merges: it never
 * overwrites anything.
 */

export type RecoveryStatus = ReplyOf<'recovery.status'>;
export type SafetyCopy = ReplyOf<'safety.list'>[number];

export type RecoveryState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; status: RecoveryStatus; copies: SafetyCopy[] };
export type RecoveryTask = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

export interface RecoveryPageDeps {
  request: Request;
  /** A safety copy as the backup file it holds (lib/safety/copies.ts, `readCopy`). */
  readCopy(id: string): Promise<Blob | null>;
  save(blob: Blob, fileName: string): void;
  now(): number;
  /** The book is back (or started over): the page starts afresh. */
  onRecovered(): void;
}

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Whether a status means the recovery screen (rather than the ordinary page). */
export function needsRecovery(status: RecoveryStatus | null): boolean {
  return status?.state === 'lost' || status?.state === 'unreadable';
}

export function createRecoveryStore(deps: RecoveryPageDeps) {
  const state = signal<RecoveryState>({ kind: 'loading' });
  const task = signal<RecoveryTask>({ kind: 'idle' });

  async function load(): Promise<RecoveryStatus | null> {
    try {
      const status = await deps.request('recovery.status', {});
      const copies = needsRecovery(status) ? await deps.request('safety.list', {}).catch(() => []) : [];
      state.value = { kind: 'ready', status, copies };
      return status;
    } catch (error) {
      state.value = { kind: 'error', message: text(error) };
      return null;
    }
  }

  async function run(label: string, work: () => Promise<string | null>) {
    if (task.value.kind === 'busy') return;
    task.value = { kind: 'busy', label };
    try {
      const done = await work();
      task.value = done === null ? { kind: 'idle' } : { kind: 'done', message: done };
    } catch (error) {
      task.value = { kind: 'error', message: text(error) };
    }
  }

  async function restoreBlob(blob: Blob, what: string): Promise<string> {
    const parsed = await readBackup(blob);
    if (!parsed.ok) throw new Error(parsed.reason);
    try {
      const summary = await restoreBackup(deps.request, parsed.backup, 'merge', (sent) => {
        task.value = { kind: 'busy', label: `Restoring ${what}… ${sent.toLocaleString()} of ${parsed.rows.toLocaleString()} rows` };
      });
      deps.onRecovered();
      return `Restored ${summary.written.toLocaleString()} rows from ${what}.`;
    } catch (error) {
      throw new Error(`${text(error)} Nothing was restored.`);
    }
  }

  return {
    state,
    task,
    load,

    restoreCopy: (id: string) =>
      run('Reading the safety copy…', async () => {
        const blob = await deps.readCopy(id);
        if (blob === null) throw new Error('This safety copy is no longer there.');
        return restoreBlob(blob, `the safety copy of ${id}`);
      }),

    restoreFile: (file: File) => run('Checking the backup…', () => restoreBlob(file, file.name)),

    restoreTeam: () =>
      run('Restoring from the team server…', async () => {
        const summary = await deps.request('recovery.team', {});
        deps.onRecovered();
        return `Restored ${summary.written.toLocaleString()} rows from the team server.`;
      }),

    downloadCopy: (id: string) =>
      run('Reading the safety copy…', async () => {
        const blob = await deps.readCopy(id);
        if (blob === null) throw new Error('This safety copy is no longer there.');
        deps.save(blob, `crm-safety-copy-${id}.json`);
        return `Saved the safety copy of ${id} as a backup file.`;
      }),

    /** A backup of whatever the database still gives: each table that reads, the others left out. */
    downloadReadable: () =>
      run('Reading what is left…', async () => {
        const failed: string[] = [];
        const source: BackupSource = {
          tables: () => deps.request('backup.tables', {}).then((reply) => reply.counts),
          async page(table, after, limit) {
            try {
              return await deps.request('backup.page', { table, after, limit });
            } catch {
              failed.push(table);
              return { rows: [], last: null };
            }
          },
        };
        let blob: Blob;
        try {
          blob = await writeBackup(source, deps.now());
        } catch {
          throw new Error('Nothing can be read from the database. The safety copies are what remains: download one.');
        }
        deps.save(blob, `crm-readable-${new Date(deps.now()).toISOString().slice(0, 10)}.json`);
        return failed.length === 0 ? 'Saved what the database holds as a backup file.' : `Saved what could be read; these tables could not be: ${failed.join(', ')}.`;
      }),

    startOver: () =>
      run('Starting over…', async () => {
        await deps.request('recovery.startOver', { confirmed: true });
        deps.onRecovered();
        return null;
      }),

    replaceDamaged: () =>
      run('Replacing the damaged database…', async () => {
        await deps.request('recovery.reset', { confirmed: true });
        await load();
        return 'The damaged database was replaced by an empty one. Restore your customers into it below.';
      }),
  };
}

export type RecoveryStore = ReturnType<typeof createRecoveryStore>;
