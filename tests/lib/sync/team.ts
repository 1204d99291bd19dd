import { nodePouch } from '../../../scripts/pouch-node';
import { teamKeys, randomBytes, type TeamKeys } from '../../../lib/sync/crypto';
import { SyncEngine, type SyncProblem } from '../../../lib/sync/engine';
import type { MirrorDb } from '../../../lib/sync/mirror-types';
import { MemoryLocal } from './memory-local';

const PouchDB = nodePouch();

export const Pouch = PouchDB;

let counter = 0;
export function memoryDb(prefix: string): MirrorDb & { replicate: { to(target: unknown): Promise<unknown> } } {
  return new PouchDB(`${prefix}-${++counter}-${Math.random()}`, { adapter: 'memory' }) as never;
}

export interface TestMember {
  name: string;
  local: MemoryLocal;
  mirror: ReturnType<typeof memoryDb>;
  engine: SyncEngine;
  problems: SyncProblem[];
  members: Map<string, string>;
  seq: number | string;
  clock: { now: number };
}

/** A team of members around one server database (all in memory), as the browsers would be. */
export async function makeTeam(names: string[], options: { encrypted?: boolean; buckets?: number } = {}) {
  const keys: TeamKeys | null = options.encrypted === false ? null : await teamKeys(randomBytes(32));
  const server = memoryDb('server');
  const members: TestMember[] = names.map((name) => {
    const local = new MemoryLocal();
    const mirror = memoryDb(name);
    const problems: SyncProblem[] = [];
    const clock = { now: 1_000_000 };
    const member: TestMember = {
      name,
      local,
      mirror,
      problems,
      members: new Map(),
      seq: 0,
      clock,
      engine: undefined as unknown as SyncEngine,
    };
    member.engine = new SyncEngine({
      mirror,
      local,
      keys,
      buckets: options.buckets ?? 8,
      memberId: name,
      now: () => clock.now,
      onProblem: (problem) => problems.push(problem),
      onMembers: (m) => (member.members = m),
    });
    return member;
  });

  /** One member's round: push local writes, exchange with the server, apply what came. */
  async function round(member: TestMember, online = true): Promise<void> {
    while ((await member.engine.push()) > 0);
    if (online) {
      await PouchDB.replicate(member.mirror as never, server as never);
      await PouchDB.replicate(server as never, member.mirror as never);
    }
    for (;;) {
      const { seq, docs } = await member.engine.pull(member.seq);
      member.seq = seq;
      if (docs === 0) break;
    }
    while ((await member.engine.push()) > 0);
  }

  /** Rounds for everyone until nothing moves (conflicts resolved on one side travel again). */
  async function settle(who: TestMember[] = members): Promise<void> {
    for (let i = 0; i < 3; i++) for (const member of who) await round(member);
  }

  return { keys, server, members, round, settle };
}
