/**
 * The part of PouchDB's API the sync engine uses (PouchDB 9 ships no types). The mirror is a
 * local PouchDB database holding exactly what the team database holds (ciphertext when the team
 * encrypts); PouchDB replicates it with the server and the engine reconciles it with Dexie.
 */

export interface Revisions {
  start: number;
  ids: string[];
}

export interface MirrorDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: Revisions;
  [field: string]: unknown;
}

export interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  message?: string;
}

export interface ChangesResult {
  results: { id: string; seq: number | string; changes: { rev: string }[]; deleted?: boolean }[];
  last_seq: number | string;
}

export interface MirrorDb {
  get(id: string, options?: { rev?: string; revs?: boolean; conflicts?: boolean; open_revs?: 'all' | string[] }): Promise<unknown>;
  allDocs(options: { keys: string[]; include_docs: true; conflicts?: boolean }): Promise<{ rows: { key: string; doc?: MirrorDoc | null; value?: { rev: string; deleted?: boolean }; error?: string }[] }>;
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
  changes(options: { since: number | string; limit?: number; style?: 'all_docs' | 'main_only'; return_docs?: boolean }): Promise<ChangesResult>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  compact(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): Promise<unknown>;
}

/** CouchDB's revision number: the N of `N-hash`. */
export function revGen(rev: string | undefined): number {
  if (!rev) return 0;
  const n = Number.parseInt(rev, 10);
  return Number.isFinite(n) ? n : 0;
}

/** The generation of the last revision two leaves share (0 when none is known). */
export function ancestorGen(a: Revisions | undefined, b: Revisions | undefined): number {
  if (!a || !b) return 0;
  const at = (r: Revisions, gen: number) => r.ids[r.start - gen];
  for (let gen = Math.min(a.start, b.start); gen >= 1; gen--) {
    const x = at(a, gen);
    if (x === undefined) return 0;
    if (x === at(b, gen)) return gen;
  }
  return 0;
}
