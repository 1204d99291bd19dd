import './team.css';
import type { TeamStatus } from '../../lib/sync/status';
import { formatCount } from '../../lib/format';

const TONE: Record<TeamStatus['state'], string> = {
  off: 'off',
  connecting: 'busy',
  syncing: 'busy',
  synced: 'ok',
  offline: 'warn',
  paused: 'warn',
  error: 'bad',
};

/**
 * The team sync status in one line, in plain words (synced, syncing N, offline with N waiting,
 * the reason of an error), for the settings, the manager and the sidebar. Nothing when sync is off.
 */
export function TeamStatusLine({ status, compact = false }: { status: TeamStatus | null; compact?: boolean }) {
  if (status === null || status.state === 'off') return null;
  return (
    <p class={`team-status team-status--${TONE[status.state]}${compact ? ' team-status--compact' : ''}`} role="status" data-state={status.state} title={compact ? status.message : undefined}>
      <span class="team-status__dot" aria-hidden="true" />
      <span class="team-status__text">{compact ? compactText(status) : status.message}</span>
    </p>
  );
}

function compactText(status: TeamStatus): string {
  switch (status.state) {
    case 'synced':
      return 'Team: up to date';
    case 'syncing':
      return status.progress ? `Team: ${formatCount(status.progress.done)} documents…` : status.waiting > 0 ? `Team: syncing ${status.waiting}` : 'Team: syncing…';
    case 'offline':
      return status.waiting > 0 ? `Team: offline, ${status.waiting} waiting` : 'Team: offline';
    case 'paused':
      return 'Team: paused';
    case 'connecting':
      return 'Team: connecting…';
    case 'error':
      return `Team: ${status.message}`;
    default:
      return '';
  }
}
