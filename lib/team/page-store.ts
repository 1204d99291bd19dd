import { signal } from '@preact/signals';
import type { TeamProbe } from '../sync/join';
import type { TeamStatus } from '../sync/status';

/**
 * The Team section's state on the settings page: the sync status (pushed by the background),
 * the last connection test, the recovery code of a team just created (shown once, never
 * stored), and each action's progress and error.
 */

export interface ConnectionFields {
  url: string;
  database: string;
  user: string;
  password: string;
}

export interface JoinFields extends ConnectionFields {
  displayName: string;
  passphrase: string;
  recoveryCode: string;
  create: { encrypt: boolean } | null;
  shareLocal: boolean;
}

export interface TeamApi {
  status(): Promise<TeamStatus>;
  /** Asks the browser for access to the server (must run first in a click: Firefox requires it). */
  requestAccess(url: string): Promise<boolean>;
  test(fields: ConnectionFields): Promise<TeamProbe>;
  join(fields: JoinFields): Promise<{ recoveryCode: string | null; status: TeamStatus }>;
  pause(): Promise<TeamStatus>;
  resume(): Promise<TeamStatus>;
  leave(): Promise<TeamStatus>;
  rename(displayName: string): Promise<TeamStatus>;
}

export type TeamStore = ReturnType<typeof createTeamStore>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createTeamStore(api: TeamApi) {
  const status = signal<TeamStatus | null>(null);
  const loadError = signal<string | null>(null);
  const probe = signal<{ fields: ConnectionFields; result: TeamProbe } | null>(null);
  const recoveryCode = signal<string | null>(null);
  const busy = signal<'test' | 'join' | 'pause' | 'resume' | 'leave' | 'rename' | null>(null);
  const error = signal<string | null>(null);

  async function run<T>(what: NonNullable<typeof busy.value>, work: () => Promise<T>): Promise<T | null> {
    busy.value = what;
    error.value = null;
    try {
      return await work();
    } catch (caught) {
      error.value = message(caught);
      return null;
    } finally {
      busy.value = null;
    }
  }

  /** Access to the server first (in the click), then the work. */
  function withAccess<T>(url: string, what: NonNullable<typeof busy.value>, work: () => Promise<T>): Promise<T | null> {
    const granted = api.requestAccess(url).catch(() => false);
    return run(what, async () => {
      if (!(await granted)) throw new Error('The extension needs your permission to reach this server: without it nothing is sent.');
      return work();
    });
  }

  return {
    status,
    loadError,
    probe,
    recoveryCode,
    busy,
    error,
    async load() {
      try {
        status.value = await api.status();
        loadError.value = null;
      } catch (caught) {
        loadError.value = message(caught);
      }
    },
    /** The background pushed a status change. */
    update(next: TeamStatus) {
      status.value = next;
    },
    test(fields: ConnectionFields) {
      probe.value = null;
      return withAccess(fields.url, 'test', async () => {
        probe.value = { fields, result: await api.test(fields) };
      });
    },
    join(fields: JoinFields) {
      return withAccess(fields.url, 'join', async () => {
        const joined = await api.join(fields);
        status.value = joined.status;
        recoveryCode.value = joined.recoveryCode;
        probe.value = null;
      });
    },
    dismissRecoveryCode() {
      recoveryCode.value = null;
    },
    pause: () => run('pause', async () => void (status.value = await api.pause())),
    resume: () => run('resume', async () => void (status.value = await api.resume())),
    leave: () => run('leave', async () => void (status.value = await api.leave())),
    rename: (displayName: string) => run('rename', async () => void (status.value = await api.rename(displayName))),
  };
}
