import { TEAM_MESSAGES } from '../../messaging/messages/team';
import { ProtocolError } from '../../messaging/router';
import { conflictViews, type ConflictView } from '../../sync/conflict-view';
import { OFF_STATUS } from '../../sync/status';
import { TeamError } from '../../sync/service';
import type { HandlersFor, TeamDeps } from './types';

export type { TeamDeps };

/** What the team handlers work with (the background provides the running service). */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TeamError) throw new ProtocolError('invalid', error.message);
    throw error;
  }
}

export function teamHandlers(team: TeamDeps | undefined): HandlersFor<typeof TEAM_MESSAGES> {
  const need = (): TeamDeps => {
    if (!team) throw new ProtocolError('internal', 'Team sync is not available here.');
    return team;
  };
  return {
    'team.status': async () => team?.sync.status() ?? OFF_STATUS,
    'team.test': (request) => guard(() => need().sync.test(request)),
    'team.join': (request) =>
      guard(async () => {
        const { sync } = need();
        const joined = await sync.join({
          ...request,
          passphrase: request.passphrase || undefined,
          recoveryCode: request.recoveryCode || undefined,
        });
        return { recoveryCode: joined.recoveryCode, status: sync.status() };
      }),
    'team.pause': () => guard(() => need().sync.pause()),
    'team.resume': () => guard(() => need().sync.resume()),
    'team.leave': () => guard(() => need().sync.leave()),
    'team.rename': (request) => guard(() => need().sync.rename(request.displayName)),
    'team.conflicts': async (request) => {
      if (!team) return { conflicts: [] };
      const views = conflictViews(await team.conflicts(request.customerId), (id) => team.sync.memberName(id));
      return { conflicts: views };
    },
    'team.resolve': (request) =>
      guard(async () => {
        const { sync, conflict } = need();
        const field = (await conflict(request.table, request.key))?.fields[request.field];
        if (!field) throw new ProtocolError('not_found', 'This conflict is settled already.');
        const chosen = request.choice === -1 ? field.current : field.others[request.choice];
        if (!chosen) throw new ProtocolError('invalid', 'There is no such choice.');
        if (request.table === 'customers' && request.field === 'deletedAt') {
          const team = need();
          if (typeof chosen.v === 'number') {
            // Delete: the whole customer goes, as a deletion made here would.
            const at = await team.deleteCustomer(request.key);
            await sync.resolve('customers', request.key, 'deletedAt', { v: at });
          } else {
            await sync.resolve('customers', request.key, 'deletedAt', { v: null });
            for (const other of field.others) if (typeof other.v === 'number') await team.restoreCustomer(request.key, other.v);
          }
          return { ok: true as const };
        }
        await sync.resolve(request.table, request.key, request.field, 'v' in chosen ? { v: chosen.v } : {});
        return { ok: true as const };
      }),
  };
}


/** A card with its open conflicts (the card as it is outside a team). */
export async function withConflicts<Card extends { customer: { id: string } }>(team: TeamDeps | undefined, card: Card): Promise<Card & { conflicts?: ConflictView[] }> {
  if (!team) return card;
  const records = await team.conflicts(card.customer.id);
  if (records.length === 0) return card;
  return { ...card, conflicts: conflictViews(records, (id) => team.sync.memberName(id)) };
}
