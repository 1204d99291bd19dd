import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodePouch } from '../../../scripts/pouch-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../../scripts/team-server';
import { TeamSync, type TeamConfig, type TeamSecret, type TeamStore } from '../../../lib/sync/service';
import type { TeamStatus } from '../../../lib/sync/status';
import { makeCustomer } from '../db/factories';
import { MemoryLocal } from './memory-local';

const Pouch = nodePouch();

class MemoryStore implements TeamStore {
  saved: { config: TeamConfig; secret: TeamSecret } | null = null;
  journaling = false;
  constructor(private readonly local: MemoryLocal) {}
  async load() {
    return this.saved;
  }
  async save(config: TeamConfig, secret: TeamSecret) {
    this.saved = { config, secret };
  }
  async clear() {
    this.saved = null;
  }
  async setJournaling(on: boolean) {
    this.journaling = on;
  }
  async resetSyncState() {
    this.local.states.clear();
    this.local.conflicts.clear();
  }
  async journalCount() {
    return this.local.journal.length;
  }
  async hasData() {
    return [...this.local.tables.values()].some((t) => t.size > 0);
  }
}

/** The members a test made; each leaves after its test, so a failed test's live replications do not reach the next. */
const members: TeamSync[] = [];

function member() {
  const local = new MemoryLocal();
  const store = new MemoryStore(local);
  const statuses: TeamStatus[] = [];
  const sync = new TeamSync({
    store,
    local,
    pouch: () => Pouch,
    mirrorAdapter: 'memory',
    fetch: (input, init) => fetch(input, init),
    hasPermission: async () => true,
    keepAwake: () => undefined,
    onStatus: (status) => statuses.push(status),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    iterations: 100_000,
  });
  members.push(sync);
  return { local, store, sync, statuses };
}

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let server: TeamServer;
beforeAll(async () => {
  server = await startTeamServer();
});
afterEach(async () => {
  await Promise.all(members.splice(0).map((sync) => sync.leave().catch(() => undefined)));
});
afterAll(async () => {
  await server.close();
});

const connection = (user = 'anna', password = 'anna-demo-password') => ({ url: server.url, database: server.database, user, password });

describe('TeamSync against the test server', () => {
  it('creates an encrypted team, shares a customer with a second member, and shows who is in it', async () => {
    const a = member();
    const b = member();
    const created = await a.sync.join({ ...connection(), displayName: 'Anna', create: { encrypt: true }, passphrase: 'a long team passphrase', shareLocal: true });
    expect(created.recoveryCode).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(await b.sync.test(connection('ben', 'ben-demo-password'))).toMatchObject({ exists: true, encrypted: true });
    await b.sync.join({ ...connection('ben', 'ben-demo-password'), displayName: 'Ben', create: null, passphrase: 'a long team passphrase', shareLocal: true });
    const customer = makeCustomer({ name: 'Maria Jensen' });
    a.local.write('customers', customer);
    a.sync.kick();
    await until(() => b.local.get('customers', customer.id) !== undefined, 'the customer on B');
    expect(b.local.get('customers', customer.id)?.name).toBe('Maria Jensen');
    await until(() => b.sync.status().team?.members.length === 2, 'both members known');
    expect(b.sync.status().team?.members.map((m) => m.name).sort()).toEqual(['Anna', 'Ben']);
    await until(() => a.sync.status().state === 'synced', 'A synced');
    await a.sync.leave();
    await b.sync.leave();
    expect(a.sync.status().state).toBe('off');
    expect(a.local.get('customers', customer.id)).toBeDefined();
  }, 90_000);

  it('Y5 says a wrong password, an unknown database and a wrong passphrase plainly, writing nothing', async () => {
    const c = member();
    await expect(c.sync.test(connection('anna', 'wrong'))).rejects.toMatchObject({ problem: 'auth', message: 'Wrong user name or password.' });
    await expect(c.sync.test({ ...connection(), database: 'no-such-team' })).rejects.toMatchObject({ problem: expect.stringMatching(/not_found|forbidden/) });
    const before = await (await fetch(`${server.url}/${server.database}`, { headers: { authorization: `Basic ${btoa('admin:' + server.admin.password)}` } })).json();
    await expect(c.sync.join({ ...connection(), displayName: 'C', create: null, passphrase: 'not the passphrase', shareLocal: true })).rejects.toMatchObject({ problem: 'wrong_key' });
    const after = await (await fetch(`${server.url}/${server.database}`, { headers: { authorization: `Basic ${btoa('admin:' + server.admin.password)}` } })).json();
    expect(after.update_seq).toEqual(before.update_seq);
    expect(c.store.saved).toBeNull();
    expect(c.store.journaling).toBe(false);
  });

  it('Y5 says an unreachable server and a server answering garbage plainly', async () => {
    const c = member();
    const garbage: Server = createServer((_req, res) => res.end('<html>hello</html>'));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    const port = (garbage.address() as AddressInfo).port;
    await expect(c.sync.test({ ...connection(), url: `http://127.0.0.1:${port}` })).rejects.toMatchObject({ problem: 'garbage' });
    garbage.close();
    await expect(c.sync.test({ ...connection(), url: 'http://127.0.0.1:9' })).rejects.toMatchObject({ problem: 'unreachable' });
  });

  it('Y1 keeps working while the server is stopped and sends the waiting changes when it returns', async () => {
    const a = member();
    const b = member();
    // The team of the first test exists (not encrypted teams are made in their own database).
    await a.sync.join({ ...connection(), displayName: 'Anna', create: { encrypt: true }, passphrase: 'a long team passphrase', shareLocal: false });
    await b.sync.join({ ...connection('ben', 'ben-demo-password'), displayName: 'Ben', create: null, passphrase: 'a long team passphrase', shareLocal: false });
    await until(() => a.sync.status().state === 'synced' && b.sync.status().state === 'synced', 'both synced', 45_000);
    await server.stop();
    const offline = makeCustomer({ name: 'Written offline' });
    a.local.write('customers', offline);
    a.sync.kick();
    await until(() => a.sync.status().state === 'offline' && a.sync.status().waiting > 0, 'A offline with changes waiting', 20_000).catch((e) => {
      console.log(a.statuses.slice(-8).map((s) => `${s.state} ${s.waiting} ${s.message}`));
      throw e;
    });
    expect(a.sync.status().message).toMatch(/unreachable.*Working offline: \d+ changes? waiting/);
    await server.start();
    await until(() => b.local.get('customers', offline.id) !== undefined, 'the offline write on B', 60_000);
    await a.sync.leave();
    await b.sync.leave();
  }, 90_000);
});
