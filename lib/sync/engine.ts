import { CODECS, type Fields } from '../db/sync-codec';
import { POLICIES } from './policies';
import { opaqueId, type TeamKeys } from './crypto';
import { decodeDocument, encodeDocument, parseBucket, SyncDocumentError, type BucketBody } from './envelope';
import { bucketName, bucketOf, parseBucketName, SYNC_TABLES, TEAM_DOC_ID, type SyncTable } from './layout';
import type { ApplyBatch, LocalStore, RecordConflicts } from './local-store';
import { mergeLeafRecords, mergeLocal, restamp, resolveField, sameRecord, type Base, type Clock, type MergePolicy, type SyncRecord } from './merge';
import { ancestorGen, revGen, type MirrorDb, type MirrorDoc } from './mirror-types';

/**
 * Reconciles this browser's database with the mirror (the local PouchDB copy of the team
 * database), in both directions, one batch of buckets at a time:
 *
 * - local writes (the change journal) are merged into their buckets' records, stamped with this
 *   member and the time, encrypted and written to the mirror; PouchDB's replication takes them
 *   to the server;
 * - buckets the replication brought in are decrypted, checked, merged with what this browser
 *   changed meanwhile, and applied to the database with origin 'remote' (so they are not sent
 *   back);
 * - a bucket with conflicting revisions (two browsers wrote it while apart) is merged record by
 *   record, field by field, written onto the winning revision, and the losing leaves deleted.
 *
 * Every step is idempotent: a worker stopped anywhere redoes the batch from the journal and the
 * mirror's change feed, and finds what it already wrote equal to what it would write.
 */

/** The members' display names share one small document. */
export const MEMBERS_BUCKET = 'members.0';

const membersPolicy: MergePolicy = { clash: () => 'later', carried: [], tombstone: null };

export interface SyncProblem {
  kind: 'document' | 'record';
  docId: string;
  message: string;
}

export interface EngineOptions {
  mirror: MirrorDb;
  local: LocalStore;
  keys: TeamKeys | null;
  buckets: number;
  memberId: string;
  now(): number;
  onProblem(problem: SyncProblem): void;
  onMembers?(members: Map<string, string>): void;
}

interface Target {
  name?: string;
  pending: Set<string>;
}

/** How many buckets one reconcile handles (one read of the mirror, one transaction of the database). */
const BATCH = 64;
const RETRIES = 5;

export class SyncEngine {
  private readonly idCache = new Map<string, string>();

  constructor(private readonly options: EngineOptions) {}

  /** The document id of a bucket: its name in clear, or an HMAC of it when the team encrypts. */
  async docId(name: string): Promise<string> {
    const cached = this.idCache.get(name);
    if (cached) return cached;
    const id = this.options.keys === null ? name : await opaqueId(this.options.keys.ids, name);
    this.idCache.set(name, id);
    return id;
  }

  /** Sends local writes (journal rows) to the mirror. Returns how many journal rows were taken. */
  async push(limit = 2000): Promise<number> {
    const rows = await this.options.local.pending(0, limit);
    if (rows.length === 0) return 0;
    const byBucket = new Map<string, Set<string>>();
    for (const row of rows) {
      for (const key of row.keys) {
        const name = bucketName(row.table, bucketOf(key, this.options.buckets));
        const set = byBucket.get(name) ?? new Set<string>();
        set.add(key);
        byBucket.set(name, set);
      }
    }
    await this.reconcileNames(byBucket);
    await this.options.local.acknowledge(rows[rows.length - 1]?.seq ?? 0);
    return rows.length;
  }

  /** Sends every row of the shared tables (a browser joining with data of its own). */
  async pushAll(onProgress?: (done: number) => void): Promise<void> {
    let done = 0;
    for (const table of SYNC_TABLES) {
      let after: string | null = null;
      for (;;) {
        const keys = await this.options.local.keys(table, after, 2000);
        if (keys.length === 0) break;
        const byBucket = new Map<string, Set<string>>();
        for (const key of keys) {
          const name = bucketName(table, bucketOf(key, this.options.buckets));
          byBucket.set(name, (byBucket.get(name) ?? new Set()).add(key));
        }
        await this.reconcileNames(byBucket);
        done += keys.length;
        onProgress?.(done);
        after = keys[keys.length - 1] ?? null;
      }
    }
  }

  /**
   * Applies what the mirror received since `since` (a change-feed sequence); returns the new
   * sequence and how many documents it looked at.
   */
  async pull(since: number | string, limit = 256): Promise<{ seq: number | string; docs: number }> {
    const changes = await this.options.mirror.changes({ since, limit, style: 'all_docs', return_docs: true });
    const targets = new Map<string, Target>();
    for (const change of changes.results) if (!change.id.startsWith('_') && change.id !== TEAM_DOC_ID) targets.set(change.id, { pending: new Set() });
    await this.reconcile(targets);
    return { seq: changes.last_seq, docs: changes.results.length };
  }

  private async reconcileNames(byName: Map<string, Set<string>>): Promise<void> {
    const targets = new Map<string, Target>();
    for (const [name, pending] of byName) targets.set(await this.docId(name), { name, pending });
    await this.reconcile(targets);
  }

  private async reconcile(targets: Map<string, Target>): Promise<void> {
    const ids = [...targets.keys()];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = new Map(ids.slice(i, i + BATCH).map((id) => [id, targets.get(id) as Target]));
      for (let attempt = 0; ; attempt++) {
        const left = await this.reconcileBatch(chunk);
        if (left.size === 0) break;
        if (attempt >= RETRIES) throw new Error('The team copy kept changing while it was being merged; it will be tried again.');
        for (const id of [...chunk.keys()]) if (!left.has(id)) chunk.delete(id);
      }
    }
  }

  /** One batch; returns the ids to try again (a write raced it). */
  private async reconcileBatch(targets: Map<string, Target>): Promise<Set<string>> {
    const { mirror, local } = this.options;
    const ids = [...targets.keys()];
    const retry = new Set<string>();
    let docs = await this.readDocs(ids);
    const conflicted = [...docs.values()].filter((doc) => (doc._conflicts?.length ?? 0) > 0);
    if (conflicted.length > 0) {
      for (const doc of conflicted) await this.resolveLeaves(doc._id);
      docs = await this.readDocs(ids);
    }
    const states = await local.docStates(ids);
    const journalSeq = await local.journalSeq();

    interface Work {
      id: string;
      name: string;
      table: SyncTable;
      doc: MirrorDoc | undefined;
      current: BucketBody | undefined;
      base: Base;
      baseBody: BucketBody | undefined;
      keys: string[];
    }
    const work: Work[] = [];
    for (const id of ids) {
      const target = targets.get(id) as Target;
      const doc = docs.get(id);
      const applied = states.get(id);
      if (doc && applied === doc._rev && target.pending.size === 0) continue;
      let current: BucketBody | undefined;
      if (doc && !doc._deleted) {
        try {
          current = await this.decodeBucket(doc);
        } catch (error) {
          this.report(error, id);
          continue;
        }
      }
      const name = current?.n ?? target.name;
      if (name === undefined) continue;
      if (target.name !== undefined && current && current.n !== target.name) {
        this.options.onProblem({ kind: 'document', docId: id, message: 'A document on the server claims another bucket’s name; it was refused.' });
        continue;
      }
      if (name === MEMBERS_BUCKET) {
        if (current) this.options.onMembers?.(membersOf(current));
        if (doc) await local.apply({ rows: [], conflicts: [], docs: [{ id, rev: doc._rev }] }, journalSeq);
        continue;
      }
      const parsed = parseBucketName(name);
      if (!parsed) {
        this.options.onProblem({ kind: 'document', docId: id, message: `A document on the server has an unknown name (${name.slice(0, 40)}).` });
        continue;
      }
      let base: Base = { known: false, gen: revGen(applied) };
      let baseBody: BucketBody | undefined;
      if (applied !== undefined && doc && applied === doc._rev) {
        baseBody = current;
        base = { known: true, record: undefined };
      } else if (applied !== undefined) {
        baseBody = await this.readRevision(id, applied);
        if (baseBody) base = { known: true, record: undefined };
      }
      const keys = new Set(target.pending);
      for (const [key, record] of Object.entries(current?.r ?? {})) {
        if (!baseBody || !sameRecord(record, baseBody.r[key])) keys.add(key);
      }
      work.push({ id, name, table: parsed.table, doc, current, base, baseBody, keys: [...keys] });
    }

    const batch: ApplyBatch = { rows: [], conflicts: [], docs: [] };
    const writes: { id: string; body: BucketBody; rev: string | undefined; work: Work; records: [string, SyncRecord | undefined][] }[] = [];
    const byTable = new Map<SyncTable, Work[]>();
    for (const item of work) byTable.set(item.table, [...(byTable.get(item.table) ?? []), item]);
    for (const [table, items] of byTable) {
      const rows = await local.read(table, items.flatMap((item) => item.keys));
      for (const item of items) {
        const gen = revGen(item.doc?._rev) + 1;
        const stamp: Clock = [this.options.now(), this.options.memberId, gen];
        const next: Record<string, SyncRecord> = { ...(item.current?.r ?? {}) };
        let write = false;
        const applied: [string, SyncRecord | undefined][] = [];
        for (const key of item.keys) {
          const currentRecord = item.current?.r[key];
          const base: Base = item.base.known ? { known: true, record: item.baseBody?.r[key] } : item.base;
          const merged = mergeLocal(rows.get(key) ?? null, currentRecord, base, stamp, POLICIES[table]);
          if (merged.write && merged.record) {
            next[key] = restamp(merged.record, currentRecord, gen);
            write = true;
          }
          if (merged.apply !== undefined) batch.rows.push({ table, key, fields: merged.apply });
          applied.push([key, merged.write && merged.record ? next[key] : merged.record]);
        }
        if (write) writes.push({ id: item.id, body: { n: item.name, r: next }, rev: item.doc?._rev, work: item, records: applied });
        else {
          if (item.doc) batch.docs.push({ id: item.id, rev: item.doc._rev });
          for (const [key, record] of applied) batch.conflicts.push({ table, key, conflicts: conflictsOf(table, key, record) });
        }
      }
    }

    if (writes.length > 0) {
      const encoded = [];
      for (const w of writes) {
        const doc = await encodeDocument(w.id, w.body, this.options.keys);
        encoded.push(w.rev === undefined ? doc : { ...doc, _rev: w.rev });
      }
      const results = await mirror.bulkDocs(encoded);
      results.forEach((result, i) => {
        const w = writes[i];
        if (!w) return;
        if (result.ok && result.rev) {
          batch.docs.push({ id: w.id, rev: result.rev });
          for (const [key, record] of w.records) batch.conflicts.push({ table: w.work.table, key, conflicts: conflictsOf(w.work.table, key, record) });
        } else {
          // Replication wrote this bucket meanwhile: nothing of it is applied; it is merged again.
          retry.add(w.id);
          batch.rows = batch.rows.filter((row) => !(row.table === w.work.table && w.work.keys.includes(row.key)));
        }
      });
    }

    if (batch.rows.length > 0 || batch.docs.length > 0 || batch.conflicts.length > 0) {
      const outcome = await local.apply(batch, journalSeq);
      for (const refused of outcome.refused) {
        this.options.onProblem({ kind: 'record', docId: refused.table, message: `A ${singular(refused.table)} from the team was refused: ${refused.reason}` });
      }
      if (!outcome.applied) for (const item of work) retry.add(item.id);
    }
    return retry;
  }

  private async readDocs(ids: string[]): Promise<Map<string, MirrorDoc>> {
    const result = await this.options.mirror.allDocs({ keys: ids, include_docs: true, conflicts: true });
    const docs = new Map<string, MirrorDoc>();
    for (const row of result.rows) {
      if (row.doc) docs.set(row.key, row.doc);
      else if (row.value?.deleted) docs.set(row.key, { _id: row.key, _rev: row.value.rev, _deleted: true });
    }
    return docs;
  }

  private async readRevision(id: string, rev: string): Promise<BucketBody | undefined> {
    try {
      const doc = (await this.options.mirror.get(id, { rev })) as MirrorDoc;
      return doc._deleted ? { n: '', r: {} } : await this.decodeBucket(doc);
    } catch {
      // Compacted away, or unreadable: the merge falls back to generations.
      return undefined;
    }
  }

  private async decodeBucket(doc: unknown): Promise<BucketBody> {
    const { envelope, body } = await decodeDocument(doc, this.options.keys);
    const bucket = parseBucket(envelope._id, body);
    if (this.options.keys === null && bucket.n !== envelope._id) throw new SyncDocumentError(envelope._id, 'A document on the server holds another bucket than its id says.');
    return bucket;
  }

  /** Merges the conflicting leaves of one document onto the winning revision and deletes the others. */
  async resolveLeaves(id: string): Promise<void> {
    const { mirror } = this.options;
    const winner = (await mirror.get(id, { revs: true, conflicts: true })) as MirrorDoc;
    const leaves = ((await mirror.get(id, { open_revs: 'all', revs: true })) as { ok?: MirrorDoc }[])
      .map((leaf) => leaf.ok)
      .filter((leaf): leaf is MirrorDoc => leaf !== undefined && !leaf._deleted && leaf._rev !== winner._rev)
      .sort((a, b) => (a._rev < b._rev ? -1 : 1));
    if (leaves.length === 0) return;
    let merged: BucketBody | undefined;
    try {
      merged = await this.decodeBucket(winner);
    } catch (error) {
      this.report(error, id);
    }
    const winnerBody = merged;
    for (const leaf of leaves) {
      let body: BucketBody;
      try {
        body = await this.decodeBucket(leaf);
      } catch (error) {
        this.report(error, id);
        continue;
      }
      if (!merged) {
        merged = body;
        continue;
      }
      if (merged.n !== body.n) continue;
      const policy = policyOf(merged.n);
      const gen = ancestorGen(winner._revisions, leaf._revisions);
      const records: Record<string, SyncRecord> = {};
      for (const key of new Set([...Object.keys(merged.r), ...Object.keys(body.r)])) {
        const record = mergeLeafRecords(merged.r[key], body.r[key], gen, policy);
        if (record) records[key] = record;
      }
      merged = { n: merged.n, r: records };
    }
    const gen = revGen(winner._rev) + 1;
    const docs: object[] = leaves.map((leaf) => ({ _id: id, _rev: leaf._rev, _deleted: true }));
    if (merged) {
      const restamped: Record<string, SyncRecord> = {};
      for (const [key, record] of Object.entries(merged.r)) restamped[key] = restamp(record, winnerBody?.r[key], gen);
      // When the losing leaves bring nothing the winner lacks (typically two members who resolved
      // the same conflict at once: equal bodies, different ciphertexts), only the losers go.
      // Writing the winner again would give a new pair of leaves on every member, each resolving
      // it anew, and the members would never settle.
      const unchanged =
        winnerBody !== undefined &&
        winnerBody.n === merged.n &&
        Object.keys(restamped).length === Object.keys(winnerBody.r).length &&
        Object.entries(restamped).every(([key, record]) => sameRecord(record, winnerBody.r[key]));
      if (!unchanged) docs.unshift({ ...(await encodeDocument(id, { n: merged.n, r: restamped }, this.options.keys)), _rev: winner._rev });
    }
    await mirror.bulkDocs(docs);
  }

  /**
   * A person's pick on an open conflict: written into the bucket (the others go to the record's
   * history) and applied here; other browsers take it as any change.
   */
  async resolve(table: SyncTable, key: string, field: string, chosen: { v?: unknown }): Promise<void> {
    const id = await this.docId(bucketName(table, bucketOf(key, this.options.buckets)));
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      // Local writes first, so the bucket holds everything this browser knows.
      await this.push();
      const doc = (await this.readDocs([id])).get(id);
      if (!doc || doc._deleted) throw new Error('This record is not in the team copy.');
      if (doc._conflicts?.length) {
        await this.resolveLeaves(id);
        continue;
      }
      const body = await this.decodeBucket(doc);
      const record = body.r[key];
      if (!record) throw new Error('This record is not in the team copy.');
      const gen = revGen(doc._rev) + 1;
      const next = resolveField(record, field, chosen, [this.options.now(), this.options.memberId, gen]);
      const encoded = await encodeDocument(id, { n: body.n, r: { ...body.r, [key]: next } }, this.options.keys);
      const [result] = await this.options.mirror.bulkDocs([{ ...encoded, _rev: doc._rev }]);
      if (!result?.ok || !result.rev) continue;
      const journalSeq = await this.options.local.journalSeq();
      const row = (await this.options.local.read(table, [key])).get(key) ?? null;
      const merged = mergeLocal(row, next, { known: true, record }, [this.options.now(), this.options.memberId, gen], POLICIES[table]);
      const outcome = await this.options.local.apply(
        {
          rows: merged.apply === undefined ? [] : [{ table, key, fields: merged.apply }],
          conflicts: [{ table, key, conflicts: conflictsOf(table, key, next) }],
          docs: [{ id, rev: result.rev }],
        },
        journalSeq,
      );
      if (outcome.applied) return;
    }
    throw new Error('The record kept changing; try the pick again.');
  }

  /** Writes this member's display name into the members document. */
  async setMemberName(name: string): Promise<void> {
    const id = await this.docId(MEMBERS_BUCKET);
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const doc = (await this.readDocs([id])).get(id);
      if (doc?._conflicts?.length) await this.resolveLeaves(id);
      const fresh = doc?._conflicts?.length ? (await this.readDocs([id])).get(id) : doc;
      const body: BucketBody = fresh && !fresh._deleted ? await this.decodeBucket(fresh) : { n: MEMBERS_BUCKET, r: {} };
      const gen = revGen(fresh?._rev) + 1;
      const stamp: Clock = [this.options.now(), this.options.memberId, gen];
      const record: SyncRecord = { f: { name }, c: { name: stamp } };
      if (body.r[this.options.memberId]?.f.name === name) return;
      const encoded = await encodeDocument(id, { n: MEMBERS_BUCKET, r: { ...body.r, [this.options.memberId]: record } }, this.options.keys);
      const [result] = await this.options.mirror.bulkDocs([fresh && !fresh._deleted ? { ...encoded, _rev: fresh._rev } : fresh ? { ...encoded, _rev: fresh._rev } : encoded]);
      if (result?.ok) {
        this.options.onMembers?.(membersOf({ n: MEMBERS_BUCKET, r: { ...body.r, [this.options.memberId]: record } }));
        return;
      }
    }
  }

  private report(error: unknown, docId: string): void {
    const message = error instanceof SyncDocumentError ? error.message : error instanceof Error ? error.message : String(error);
    this.options.onProblem({ kind: 'document', docId, message });
  }
}

function policyOf(name: string): MergePolicy {
  if (name === MEMBERS_BUCKET) return membersPolicy;
  const parsed = parseBucketName(name);
  return parsed ? POLICIES[parsed.table] : membersPolicy;
}

function membersOf(body: BucketBody): Map<string, string> {
  const members = new Map<string, string>();
  for (const [id, record] of Object.entries(body.r)) if (typeof record.f.name === 'string') members.set(id, record.f.name.slice(0, 100));
  return members;
}

/** A record's open conflicts as the card shows them (null: none). */
export function conflictsOf(table: SyncTable, key: string, record: SyncRecord | undefined): RecordConflicts | null {
  if (!record?.x || Object.keys(record.x).length === 0) return null;
  const fields: RecordConflicts['fields'] = {};
  for (const [field, others] of Object.entries(record.x)) {
    const current: { v?: unknown; clock: Clock | null } = { clock: record.c[field] ?? null };
    if (Object.hasOwn(record.f, field)) current.v = record.f[field];
    fields[field] = { current, others };
  }
  return { table, key, customerId: CODECS[table].customerOf(key, record.f as Fields), fields, history: record.h ?? [] };
}

function singular(table: SyncTable): string {
  return { customers: 'customer', companies: 'company', notes: 'note', interactions: 'interaction', orderBooks: 'order book', suggestionHolds: 'next-action state' }[table];
}
