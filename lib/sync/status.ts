import { z } from 'zod';
import { REMOTE_PROBLEMS } from './remote';
import { formatCount } from '../format';

/**
 * What the team sync is doing, in a shape every page can show: the settings' Team section in
 * full, the sidebar and manager as one line. `waiting` counts this browser's changes the server
 * does not have yet.
 */
export const TeamStatus = z.object({
  state: z.enum(['off', 'connecting', 'syncing', 'synced', 'offline', 'paused', 'error']),
  /** The reason when state is offline or error. */
  problem: z.enum([...REMOTE_PROBLEMS, 'wrong_key', 'local']).nullable(),
  /** The whole status in plain words. */
  message: z.string(),
  waiting: z.number().int().min(0),
  /** A first download's progress (documents), when the team is being pulled. */
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0).nullable() }).nullable(),
  lastSyncedAt: z.number().int().nullable(),
  /** Documents or records from the team that were refused (malformed, oversized, invalid), and the last reason. */
  refused: z.number().int().min(0),
  refusedReason: z.string().nullable(),
  team: z
    .object({
      url: z.string(),
      database: z.string(),
      user: z.string(),
      memberId: z.string(),
      displayName: z.string(),
      encrypted: z.boolean(),
      members: z.array(z.object({ id: z.string(), name: z.string() })),
    })
    .nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

export const OFF_STATUS: TeamStatus = {
  state: 'off',
  problem: null,
  message: 'Team sync is off: everything stays in this browser.',
  waiting: 0,
  progress: null,
  lastSyncedAt: null,
  refused: 0,
  refusedReason: null,
  team: null,
};

function changes(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'change' : 'changes'}`;
}

/** The status line for a state (the details of errors come from lib/sync/remote.ts). */
export function describeStatus(status: Omit<TeamStatus, 'message'>, reason: string | null = null): string {
  switch (status.state) {
    case 'off':
      return OFF_STATUS.message;
    case 'connecting':
      return 'Connecting to the team server…';
    case 'paused':
      return status.waiting > 0 ? `Paused: ${changes(status.waiting)} waiting.` : 'Paused.';
    case 'syncing':
      if (status.progress) {
        const { done, total } = status.progress;
        return total ? `Getting the team’s data: ${formatCount(done)} of ${formatCount(total)} documents…` : `Getting the team’s data: ${formatCount(done)} documents…`;
      }
      return status.waiting > 0 ? `Syncing ${changes(status.waiting)}…` : 'Syncing…';
    case 'synced':
      return 'Up to date with the team.';
    case 'offline':
      return `${reason ?? 'The server is unreachable.'} Working offline${status.waiting > 0 ? `: ${changes(status.waiting)} waiting` : ''}; it will retry.`;
    case 'error':
      return `${reason ?? 'Sync failed.'}${status.waiting > 0 ? ` ${changes(status.waiting)} waiting.` : ''}`;
  }
}
