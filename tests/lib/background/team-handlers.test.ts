import { describe, expect, it, vi } from 'vitest';
import { teamHandlers, type TeamDeps } from '../../../lib/background/handlers/team';
import type { RecordConflicts } from '../../../lib/sync/local-store';
import { TeamError } from '../../../lib/sync/service';
import { OFF_STATUS } from '../../../lib/sync/status';

const ctx = { sender: 'page' as const, tabId: null };

const phoneClash: RecordConflicts = {
  table: 'customers',
  key: 'c1',
  customerId: 'c1',
  fields: { phone: { current: { v: '222', clock: [300, 'ben', 2] }, others: [{ v: '111', at: 200, by: 'anna' }] } },
  history: [],
};

function fakeTeam(overrides: Partial<TeamDeps['sync']> = {}) {
  const sync = {
    status: vi.fn(() => OFF_STATUS),
    test: vi.fn(),
    join: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    leave: vi.fn(),
    rename: vi.fn(),
    resolve: vi.fn(async () => undefined),
    memberName: vi.fn((id: string) => ({ anna: 'Anna', ben: 'Ben' })[id] ?? null),
    author: vi.fn(() => null),
    ...overrides,
  };
  const team: TeamDeps = {
    sync: sync as unknown as TeamDeps['sync'],
    conflicts: async (customerId) => (customerId === 'c1' ? [phoneClash] : []),
    conflict: async (table, key) => (table === 'customers' && key === 'c1' ? phoneClash : null),
    deleteCustomer: vi.fn(async () => 999),
    restoreCustomer: vi.fn(async () => undefined),
  };
  return { team, sync };
}

describe('team handlers', () => {
  it('answers "off" where the background has no team sync', async () => {
    expect(await teamHandlers(undefined)['team.status']({}, ctx)).toEqual(OFF_STATUS);
    expect(await teamHandlers(undefined)['team.conflicts']({ customerId: 'c1' }, ctx)).toEqual({ conflicts: [] });
  });

  it('lists a customer’s conflicts in words, with the members’ names', async () => {
    const { team } = fakeTeam();
    const { conflicts } = await teamHandlers(team)['team.conflicts']({ customerId: 'c1' }, ctx);
    expect(conflicts).toEqual([
      {
        table: 'customers',
        key: 'c1',
        field: 'phone',
        label: 'Phone',
        deletion: false,
        current: { text: '222', name: 'Ben', at: 300 },
        others: [{ text: '111', name: 'Anna', at: 200 }],
      },
    ]);
  });

  it('resolves with the value picked: -1 keeps the shown one, 0 takes the first other', async () => {
    const { team, sync } = fakeTeam();
    await teamHandlers(team)['team.resolve']({ table: 'customers', key: 'c1', field: 'phone', choice: 0 }, ctx);
    expect(sync.resolve).toHaveBeenLastCalledWith('customers', 'c1', 'phone', { v: '111' });
    await teamHandlers(team)['team.resolve']({ table: 'customers', key: 'c1', field: 'phone', choice: -1 }, ctx);
    expect(sync.resolve).toHaveBeenLastCalledWith('customers', 'c1', 'phone', { v: '222' });
    await expect(teamHandlers(team)['team.resolve']({ table: 'customers', key: 'c1', field: 'name', choice: 0 }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    await expect(teamHandlers(team)['team.resolve']({ table: 'customers', key: 'c1', field: 'phone', choice: 3 }, ctx)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('turns a team error into a message the page shows', async () => {
    const { team } = fakeTeam({ test: vi.fn(async () => Promise.reject(new TeamError('auth', 'Wrong user name or password.'))) });
    await expect(teamHandlers(team)['team.test']({ url: 'http://x', database: 'd', user: 'u', password: 'p' }, ctx)).rejects.toMatchObject({ code: 'invalid', message: 'Wrong user name or password.' });
  });
});
