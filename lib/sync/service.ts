import type { PouchInstance, PouchStatic, Replication } from 'pouchdb-core';
import { teamKeys, type TeamKeys } from './crypto';
import { SyncEngine, type SyncProblem } from './engine';
import { JoinError, openTeam, probeTeam, type KeyInput, type TeamProbe } from './join';
import { hashKey, type SyncTable } from './layout';
import type { LocalStore } from './local-store';
import type { MirrorDb } from './mirror-types';
import { describeError, isDatabaseName, normalizeServerUrl, originPattern, RemoteError, RemoteSession, type Credentials, type Fetch, type NetworkErrorLookup, type RemoteProblem } from './remote';
import { describeStatus, OFF_STATUS, type TeamStatus } from './status';

/**
 * The team sync service in the background: it owns the mirror (a PouchDB database in this
 * browser), the live replication with the team database, and the engine that reconciles the
 * mirror with the customer database. Only the background creates it; pages talk to it through
 * the `team.*` messages.
 *
 * MV3 lifecycle: nothing here keeps the service worker alive by itself (a pending _changes
 * long-poll does not). While there is work (changes waiting, a download, a page open) the
 * background keeps it awake with a short alarm (`keepAwake`); otherwise a periodic alarm wakes
 * it every few minutes. Every start resumes from the checkpoints: PouchDB's replication
 * checkpoints, the mirror's apply sequence, and the journal, so nothing is pushed twice or lost.
 */

export interface TeamConfig {
  url: string;
  database: string;
  user: string;
  memberId: string;
  displayName: string;
  encrypted: boolean;
  buckets: number;
  paused: boolean;
  joinedAt: number;
}

export interface TeamSecret {
  password: string;
  /** Non-extractable CryptoKeys (stored as such in IndexedDB), null when the team does not encrypt. */
  keys: TeamKeys | null;
}

/** Where the team's settings live (the extension's IndexedDB: content scripts cannot read it). */
export interface TeamStore {
  load(): Promise<{ config: TeamConfig; secret: TeamSecret } | null>;
  save(config: TeamConfig, secret: TeamSecret): Promise<void>;
  clear(): Promise<void>;
  setJournaling(on: boolean): Promise<void>;
  /** Forgets what was applied from the team (documents' revisions, open conflicts) and the journal. */
  resetSyncState(): Promise<void>;
  journalCount(): Promise<number>;
  hasData(): Promise<boolean>;
}

export interface ServiceDeps {
  store: TeamStore;
  local: LocalStore;
  /** PouchDB with the mirror's adapter, the HTTP adapter and replication. */
  pouch(): PouchStatic;
  mirrorAdapter: string;
  fetch: Fetch;
  networkError?: NetworkErrorLookup;
  hasPermission(pattern: string): Promise<boolean>;
  keepAwake(on: boolean): void;
  onStatus(status: TeamStatus): void;
  now(): number;
  newId(): string;
  /** PBKDF2 iterations for a new team (tests only). */
  iterations?: number;
}

export interface ConnectionRequest {
  url: string;
  database: string;
  user: string;
  password: string;
}

export interface JoinRequest extends ConnectionRequest, KeyInput {
  displayName: string;
  /** Create the team when the database holds none, encrypted or not. */
  create: { encrypt: boolean } | null;
  /** Send the customers already in this browser to the team. */
  shareLocal: boolean;
}

export class TeamError extends Error {
  override readonly name = 'TeamError';
  constructor(
    readonly problem: RemoteProblem | 'wrong_key' | 'needs_key' | 'exists' | 'malformed' | 'permission' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const APPLY_CHECKPOINT = '_local/crm-apply';

interface Running {
  config: TeamConfig;
  session: RemoteSession;
  mirror: MirrorDb & PouchInstance;
  engine: SyncEngine;
  replications: Replication[];
  feed: { cancel(): void } | null;
  seq: number | string;
}

export class TeamSync {
  private running: Running | null = null;
  private current: TeamStatus = OFF_STATUS;
  private members = new Map<string, string>();
  /** The engine's work runs one piece at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private busy = 0;
  private scheduled = false;
  private replicating = false;
  private remoteProblem: RemoteProblemInfo | null = null;
  private unsent = 0;
  private refused = 0;
  private refusedReason: string | null = null;
  private lastSyncedAt: number | null = null;
  private progress: { done: number; total: number | null } | null = null;
  private started: Promise<void> | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  /** Resumes the team sync saved in this browser (every worker start). */
  start(): Promise<void> {
    this.started ??= (async () => {
      const saved = await this.deps.store.load();
      if (!saved) {
        this.publish();
        return;
      }
      if (saved.config.paused) {
        this.publish(saved.config);
        return;
      }
      await this.connect(saved.config, saved.secret);
    })();
    return this.started;
  }

  status(): TeamStatus {
    return this.current;
  }

  /** Checks a server, database and account without joining: what a member is about to join. */
  async test(request: ConnectionRequest): Promise<TeamProbe> {
    const credentials = await this.credentials(request);
    try {
      return await probeTeam(new RemoteSession(credentials, this.deps.fetch, this.deps.networkError));
    } catch (error) {
      throw toTeamError(error);
    }
  }

  /** Joins (or creates) a team; returns the recovery code when this call created an encrypted team. */
  async join(request: JoinRequest): Promise<{ recoveryCode: string | null }> {
    if (this.running || (await this.deps.store.load())) throw new TeamError('invalid', 'This browser is in a team already: leave it first.');
    const credentials = await this.credentials(request);
    const displayName = request.displayName.trim();
    if (displayName.length === 0 || displayName.length > 60) throw new TeamError('invalid', 'Give a display name (up to 60 characters): it shows beside your notes.');
    const session = new RemoteSession(credentials, this.deps.fetch, this.deps.networkError);
    let opened;
    try {
      opened = await openTeam(session, request, request.create, this.deps.now(), this.deps.iterations);
    } catch (error) {
      throw toTeamError(error);
    }
    const keys = opened.dataKey ? await teamKeys(opened.dataKey) : null;
    const config: TeamConfig = {
      url: credentials.url,
      database: credentials.database,
      user: credentials.user,
      memberId: this.deps.newId(),
      displayName,
      encrypted: keys !== null,
      buckets: opened.settings.layout.buckets,
      paused: false,
      joinedAt: this.deps.now(),
    };
    const secret: TeamSecret = { password: credentials.password, keys };
    const share = request.shareLocal && (await this.deps.store.hasData());
    await this.deps.store.resetSyncState();
    await this.deps.store.setJournaling(true);
    await this.deps.store.save(config, secret);
    this.started = Promise.resolve();
    await this.connect(config, secret, session);
    const running = this.running as Running | null;
    if (running) {
      await running.engine.setMemberName(displayName);
      if (share) void this.enqueue(() => running.engine.pushAll()).catch((error: unknown) => this.onProblem({ kind: 'document', docId: '', message: String(error) }));
      this.kick();
    }
    return { recoveryCode: opened.recoveryCode };
  }

  async pause(): Promise<TeamStatus> {
    const saved = await this.deps.store.load();
    if (!saved) return this.current;
    await this.deps.store.save({ ...saved.config, paused: true }, saved.secret);
    await this.disconnect();
    this.publish({ ...saved.config, paused: true });
    return this.current;
  }

  async resume(): Promise<TeamStatus> {
    const saved = await this.deps.store.load();
    if (!saved) return this.current;
    const config = { ...saved.config, paused: false };
    await this.deps.store.save(config, saved.secret);
    if (!this.running) await this.connect(config, saved.secret);
    return this.current;
  }

  /** Leaves the team: the customer database stays as it is; the mirror and the team settings go. */
  async leave(): Promise<TeamStatus> {
    const running = this.running;
    await this.disconnect();
    if (running) {
      await running.session.logout();
      await running.mirror.destroy().catch(() => undefined);
    }
    await this.deps.store.setJournaling(false);
    await this.deps.store.resetSyncState();
    await this.deps.store.clear();
    this.members.clear();
    this.remoteProblem = null;
    this.unsent = 0;
    this.refused = 0;
    this.refusedReason = null;
    this.progress = null;
    this.lastSyncedAt = null;
    this.publish();
    return this.current;
  }

  async rename(displayName: string): Promise<TeamStatus> {
    const saved = await this.deps.store.load();
    const name = displayName.trim();
    if (!saved || name.length === 0 || name.length > 60) throw new TeamError('invalid', 'Give a display name (up to 60 characters).');
    const config = { ...saved.config, displayName: name };
    await this.deps.store.save(config, saved.secret);
    if (this.running) {
      this.running.config = config;
      await this.running.engine.setMemberName(name);
    }
    this.publish(config);
    return this.current;
  }

  /** A person's pick on an open conflict (see SyncEngine.resolve). */
  async resolve(table: SyncTable, key: string, field: string, chosen: { v?: unknown }): Promise<void> {
    const running = this.running;
    if (!running) throw new TeamError('invalid', 'Team sync is not running: resume it to settle conflicts.');
    await this.enqueue(() => running.engine.resolve(table, key, field, chosen));
  }

  /** This member as the author of what they write now (null outside a team). */
  author(): { id: string; name: string } | null {
    const team = this.current.team;
    return team ? { id: team.memberId, name: team.displayName } : null;
  }

  memberName(id: string): string | null {
    return this.members.get(id) ?? null;
  }

  /** Something changed (a local write to a shared table, or the mirror): one more cycle. */
  kick(): void {
    if (!this.running || this.scheduled) return;
    this.scheduled = true;
    void this.enqueue(async () => {
      this.scheduled = false;
      await this.cycle();
    }).catch(() => undefined);
  }

  /** Resolves when the engine has nothing left to do (tests, the recovery screen). */
  async idle(): Promise<void> {
    while (this.busy > 0) await this.queue;
  }

  /**
   * Rebuilds this browser's customer database from the team: every document of the mirror is
   * applied again (what the recovery screen offers once the database was reset).
   */
  async restoreFromTeam(): Promise<void> {
    const running = this.running;
    if (!running) throw new TeamError('invalid', 'Team sync is not running.');
    await this.idle();
    await this.deps.store.resetSyncState();
    running.seq = 0;
    await this.saveCheckpoint(running, 0);
    this.kick();
    await this.idle();
  }

  private async credentials(request: ConnectionRequest): Promise<Credentials> {
    let url: string;
    try {
      url = normalizeServerUrl(request.url);
    } catch (error) {
      throw toTeamError(error);
    }
    const database = request.database.trim();
    if (!isDatabaseName(database)) throw new TeamError('invalid', 'A CouchDB database name starts with a lower-case letter (a–z, 0–9, _ $ ( ) + - /).');
    if (!request.user.trim() || !request.password) throw new TeamError('invalid', 'Give your user name and password on the team server.');
    if (!(await this.deps.hasPermission(originPattern(url)))) throw new TeamError('permission', `Allow the extension to reach ${new URL(url).origin} first.`);
    return { url, database, user: request.user.trim(), password: request.password };
  }

  private async connect(config: TeamConfig, secret: TeamSecret, given?: RemoteSession): Promise<void> {
    const Pouch = this.deps.pouch();
    const session = given ?? new RemoteSession({ url: config.url, database: config.database, user: config.user, password: secret.password }, this.deps.fetch, this.deps.networkError);
    const mirror = new Pouch(`crm-team-${hashKey(`${config.url}/${config.database}/${config.memberId}`).toString(36)}`, { adapter: this.deps.mirrorAdapter, auto_compaction: false }) as unknown as MirrorDb & PouchInstance;
    const engine = new SyncEngine({
      mirror,
      local: this.deps.local,
      keys: secret.keys,
      buckets: config.buckets,
      memberId: config.memberId,
      now: this.deps.now,
      onProblem: (problem) => this.onProblem(problem),
      onMembers: (members) => {
        this.members = members;
        this.publish();
      },
    });
    const checkpoint = await mirror.get(APPLY_CHECKPOINT).catch(() => null);
    const seq = (checkpoint as { seq?: number | string } | null)?.seq ?? 0;
    const running: Running = { config, session, mirror, engine, replications: [], feed: null, seq };
    this.running = running;
    this.publish(config);

    const remote = new Pouch(session.databaseUrl, { adapter: 'http', skip_setup: true, fetch: session.fetch }) as PouchInstance;
    // PouchDB's replication reads its source's info after each batch for a progress figure and
    // handles no failure there (pouchdb-replication: `src.info().then(…)`): a server gone at that
    // moment would end as an unhandled rejection in the worker. The figure is all it is used for;
    // the replication's own requests report the failure.
    const info = (remote.info as () => Promise<unknown>).bind(remote);
    remote.info = () => info().catch(() => ({ db_name: config.database, update_seq: 0 }));
    if (seq === 0) {
      // A first download: its size, for the progress line.
      const info = await session.check().catch(() => null);
      this.progress = { done: 0, total: info?.docCount ?? null };
    }
    // Two one-way replications rather than PouchDB's sync(): its 'paused' event drops the
    // error, and the status line needs it (offline, wrong password, …).
    const options = {
      live: true,
      retry: true,
      batch_size: 250,
      batches_limit: 4,
      heartbeat: 25_000,
      back_off_function: (delay: number) => Math.min(Math.max(delay * 2, 2_000), 300_000),
    };
    const push = Pouch.replicate(mirror, remote, options);
    const pull = Pouch.replicate(remote, mirror, options);
    running.replications = [push, pull];
    const problems: { push: RemoteProblemInfo | null; pull: RemoteProblemInfo | null } = { push: null, pull: null };
    const active = { push: false, pull: false };
    const update = () => {
      this.replicating = active.push || active.pull;
      this.remoteProblem = problems.push ?? problems.pull;
      this.publish();
    };
    for (const [direction, replication] of [['push', push], ['pull', pull]] as const) {
      replication.on('active', () => {
        active[direction] = true;
        problems[direction] = null;
        update();
      });
      replication.on('change', () => {
        problems[direction] = null;
        if (direction === 'pull') this.kick();
        update();
      });
      replication.on('paused', (error) => {
        active[direction] = false;
        problems[direction] = error ? describeError(error) : null;
        if (!error) {
          if (direction === 'push') this.unsent = 0;
          if (!problems.push && !problems.pull) this.lastSyncedAt = this.deps.now();
        }
        update();
      });
      replication.on('denied', (error) => {
        this.refused += 1;
        this.refusedReason = `The server refused a document (${reasonOf(error)}).`;
        this.publish();
      });
      replication.on('error', (error) => {
        active[direction] = false;
        problems[direction] = describeError(error);
        update();
      });
    }
    const feed = (mirror as unknown as { changes(o: object): { on(e: string, f: () => void): unknown; cancel(): void } }).changes({ live: true, since: 'now', return_docs: false });
    feed.on('change', () => this.kick());
    running.feed = feed;
    this.kick();
  }

  private async disconnect(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = null;
    for (const replication of running.replications) replication.cancel();
    running.feed?.cancel();
    await this.idle();
    await running.mirror.close().catch(() => undefined);
    this.replicating = false;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.busy += 1;
    this.publish();
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    void this.queue.then(() => {
      this.busy -= 1;
      this.publish();
    });
    return run;
  }

  /** Local writes to the mirror, then what the mirror received to the database. */
  private async cycle(): Promise<void> {
    const running = this.running;
    if (!running) return;
    try {
      for (;;) {
        const pushed = await running.engine.push();
        if (pushed === 0) break;
        this.unsent += pushed;
      }
      for (;;) {
        const { seq, docs } = await running.engine.pull(running.seq);
        if (docs === 0) break;
        running.seq = seq;
        await this.saveCheckpoint(running, seq);
        if (this.progress) {
          this.progress = { ...this.progress, done: this.progress.done + docs };
          this.publish();
        }
      }
      if (this.progress && !this.replicating) this.progress = null;
    } catch (error) {
      this.onProblem({ kind: 'document', docId: '', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async saveCheckpoint(running: Running, seq: number | string): Promise<void> {
    const existing = (await running.mirror.get(APPLY_CHECKPOINT).catch(() => null)) as { _rev?: string } | null;
    await running.mirror.bulkDocs([{ _id: APPLY_CHECKPOINT, seq, ...(existing?._rev ? { _rev: existing._rev } : {}) }]);
  }

  private onProblem(problem: SyncProblem): void {
    this.refused += 1;
    this.refusedReason = problem.message;
    console.warn('[crm] team sync:', problem.message);
    this.publish();
  }

  private publish(config?: TeamConfig): void {
    void this.compute(config ?? this.running?.config ?? null).then((status) => {
      this.current = status;
      this.deps.keepAwake(status.state === 'syncing' || status.state === 'connecting' || (status.waiting > 0 && status.state !== 'paused'));
      this.deps.onStatus(status);
    });
  }

  private async compute(config: TeamConfig | null): Promise<TeamStatus> {
    if (!config) {
      const saved = this.running ? null : await this.deps.store.load().catch(() => null);
      if (!saved) return OFF_STATUS;
      config = saved.config;
    }
    const journal = await this.deps.store.journalCount().catch(() => 0);
    const waiting = journal + this.unsent;
    const problem = this.remoteProblem;
    const state: TeamStatus['state'] = config.paused
      ? 'paused'
      : !this.running
        ? 'connecting'
        : problem
          ? problem.problem === 'unreachable' || problem.problem === 'server'
            ? 'offline'
            : 'error'
          : this.busy > 0 || this.replicating || this.progress || waiting > 0
            ? 'syncing'
            : 'synced';
    const base: Omit<TeamStatus, 'message'> = {
      state,
      problem: problem && !config.paused ? problem.problem : null,
      waiting,
      progress: state === 'syncing' ? this.progress : null,
      lastSyncedAt: this.lastSyncedAt,
      refused: this.refused,
      refusedReason: this.refusedReason,
      team: {
        url: config.url,
        database: config.database,
        user: config.user,
        memberId: config.memberId,
        displayName: config.displayName,
        encrypted: config.encrypted,
        members: [...this.members].map(([id, name]) => ({ id, name })),
      },
    };
    return { ...base, message: describeStatus(base, problem?.message ?? null) };
  }
}

type RemoteProblemInfo = { problem: RemoteProblem; message: string };

function reasonOf(error: unknown): string {
  const reason = typeof error === 'object' && error !== null && 'reason' in error ? String((error as { reason: unknown }).reason) : error instanceof Error ? error.message : 'forbidden';
  return reason.slice(0, 200);
}

function toTeamError(error: unknown): TeamError {
  if (error instanceof TeamError) return error;
  if (error instanceof JoinError) return new TeamError(error.problem, error.message);
  if (error instanceof RemoteError) return new TeamError(error.problem, error.message);
  const described = describeError(error);
  return new TeamError(described.problem, described.message);
}
