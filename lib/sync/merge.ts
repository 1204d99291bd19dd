/**
 * Field-level merge of records, pure (no clock, no storage).
 *
 * Every record in a bucket document keeps, beside its field values, a clock per field:
 * [when, who, generation], where generation is the revision number of the bucket document in
 * which the field last changed (CouchDB's `N-hash`). That answers the one question a merge needs:
 * did this side change this field since the two sides parted? For two conflicting leaves it is
 * "generation above the common ancestor's"; for this browser's database against the bucket it
 * is "different from the bucket as last applied here" (the base).
 *
 * When only one side changed a field, its value is taken. When both did and the values differ,
 * the later edit wins (then the member id, so every browser picks the same), and for fields a
 * person owns the other value is kept beside it as an open conflict the card shows until someone
 * picks. Removing a field (an order leaving a book, a row removed) is a change like any other.
 */

/** [epoch ms, member id, generation]. */
export type Clock = [at: number, by: string, gen: number];

export interface Alternative {
  /** The other value; absent (undefined) when the other side removed the field. */
  v?: unknown;
  at: number;
  by: string;
}

export interface HistoryEntry {
  field: string;
  v?: unknown;
  at: number;
  by: string;
  /** When a pick replaced it, and who picked. */
  replacedAt: number;
  replacedBy: string;
}

export interface SyncRecord {
  /** Field values; a field missing here has no value (removed). */
  f: Record<string, unknown>;
  /** A clock per field ever set, removed ones included. */
  c: Record<string, Clock>;
  /** Open conflicts: the values that lost, by field, until a person picks. */
  x?: Record<string, Alternative[]>;
  /** Values a pick replaced, newest first (bounded). */
  h?: HistoryEntry[];
}

/** How clashes (both sides changed a field to different values) are settled, per table. */
export interface MergePolicy {
  /** 'conflict': later wins, the other is kept as an open conflict; 'later': later wins silently; 'union': both lists' items. */
  clash(field: string): 'conflict' | 'later' | 'union';
  /** Fields carried along but never a reason to write on their own (updatedAt: merged as the newest). */
  readonly carried: readonly string[];
  /** The tombstone field: set on one side while the other edited is a conflict, and the record stays live. */
  readonly tombstone: string | null;
}

export const HISTORY_LIMIT = 20;

/** Structural equality with object keys in any order (JSON values only). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((key) => Object.hasOwn(b as object, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Whether clock `a` is a later edit than `b` (then the member id decides, so every browser agrees). */
export function later(a: Clock, b: Clock): boolean {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
}

function union(a: unknown, b: unknown): unknown {
  if (!Array.isArray(a) || !Array.isArray(b)) return a;
  const out = [...a];
  for (const item of b) if (!out.some((x) => same(x, item))) out.push(item);
  return out;
}

function addAlternative(list: Alternative[] | undefined, alt: Alternative): Alternative[] {
  const out = (list ?? []).filter((a) => !(a.at === alt.at && a.by === alt.by));
  out.push(alt);
  return out.sort((x, y) => x.at - y.at || (x.by < y.by ? -1 : x.by > y.by ? 1 : 0));
}

function mergeAlternatives(a: SyncRecord['x'], b: SyncRecord['x']): SyncRecord['x'] {
  if (!a && !b) return undefined;
  const out: Record<string, Alternative[]> = {};
  for (const source of [a, b]) {
    for (const [field, list] of Object.entries(source ?? {})) for (const alt of list) out[field] = addAlternative(out[field], alt);
  }
  return out;
}

function mergeHistory(a: HistoryEntry[] | undefined, b: HistoryEntry[] | undefined): HistoryEntry[] | undefined {
  if (!a && !b) return undefined;
  const out: HistoryEntry[] = [];
  for (const entry of [...(a ?? []), ...(b ?? [])]) {
    if (!out.some((e) => e.field === entry.field && e.at === entry.at && e.by === entry.by && e.replacedAt === entry.replacedAt)) out.push(entry);
  }
  return out.sort((x, y) => y.replacedAt - x.replacedAt).slice(0, HISTORY_LIMIT);
}

function value(record: SyncRecord | undefined, field: string): unknown {
  return record && Object.hasOwn(record.f, field) ? record.f[field] : undefined;
}

function fieldsOf(...records: (SyncRecord | undefined)[]): Set<string> {
  const fields = new Set<string>();
  for (const r of records) if (r) for (const k of [...Object.keys(r.f), ...Object.keys(r.c)]) fields.add(k);
  return fields;
}

interface Side {
  record: SyncRecord | undefined;
  changed: (field: string) => boolean;
}

/**
 * The merge of two sides that parted. `changed` says whether a side changed a field since the
 * parting. Clocks are kept as they were (the caller restamps what it writes).
 */
function mergeSides(mine: Side, theirs: Side, policy: MergePolicy): SyncRecord | undefined {
  if (!mine.record) return theirs.record;
  if (!theirs.record) return mine.record;
  const out: SyncRecord = { f: {}, c: {} };
  const x: Record<string, Alternative[]> = { ...(mergeAlternatives(mine.record.x, theirs.record.x) ?? {}) };
  const edited = { mine: false, theirs: false };
  for (const field of fieldsOf(mine.record, theirs.record)) {
    const a = value(mine.record, field);
    const b = value(theirs.record, field);
    const ca = mine.record.c[field];
    const cb = theirs.record.c[field];
    const am = mine.changed(field);
    const tm = theirs.changed(field);
    if (!policy.carried.includes(field) && field !== policy.tombstone) {
      edited.mine ||= am;
      edited.theirs ||= tm;
    }
    if (policy.carried.includes(field)) {
      // Carried fields (updatedAt) are the newest of both, whoever changed them.
      const newest = typeof a === 'number' && typeof b === 'number' ? Math.max(a, b) : (a ?? b);
      const clock = ca && cb ? (later(cb, ca) ? cb : ca) : (ca ?? cb);
      if (clock) setField(out, field, newest, clock);
      continue;
    }
    let pick: 'a' | 'b';
    if (am && !tm) pick = 'a';
    else if (tm && !am) pick = 'b';
    else if (!ca || !cb) pick = ca ? 'a' : 'b';
    else if (same(a, b)) pick = later(cb, ca) ? 'b' : 'a';
    else {
      // Both changed it, to different values: the later edit wins.
      pick = later(cb, ca) ? 'b' : 'a';
      const rule = policy.clash(field);
      if (rule === 'union') {
        setField(out, field, union(a, b), pick === 'a' ? ca : cb);
        continue;
      }
      if (rule === 'conflict') {
        const lost = pick === 'a' ? b : a;
        const clock = pick === 'a' ? cb : ca;
        x[field] = addAlternative(x[field], { ...(lost === undefined ? {} : { v: lost }), at: clock[0], by: clock[1] });
      }
    }
    const chosen = pick === 'a' ? { v: a, c: ca } : { v: b, c: cb };
    if (chosen.c) setField(out, field, chosen.v, chosen.c);
  }
  deleteVersusEdit(out, x, mine, theirs, edited, policy);
  const h = mergeHistory(mine.record.h, theirs.record.h);
  if (h && h.length > 0) out.h = h;
  const open = settledAlternatives(out, x);
  if (Object.keys(open).length > 0) out.x = open;
  return out;
}

/**
 * Drops alternatives a pick already settled (they are in the history, or are the value the pick
 * kept) and alternatives equal to the value shown: a pick on one browser is not undone by an
 * older copy of the conflict on another.
 */
function settledAlternatives(record: SyncRecord, x: Record<string, Alternative[]>): Record<string, Alternative[]> {
  const open: Record<string, Alternative[]> = {};
  for (const [field, list] of Object.entries(x)) {
    const clock = record.c[field];
    const kept = list.filter(
      (alt) =>
        !(clock && alt.at === clock[0] && alt.by === clock[1]) &&
        !same(alt.v, value(record, field)) &&
        !(record.h ?? []).some((h) => h.field === field && h.at === alt.at && h.by === alt.by),
    );
    if (kept.length > 0) open[field] = kept;
  }
  return open;
}

/**
 * A tombstone set on one side while the other side edited the record: the edit must not vanish
 * under the tombstone, so the record stays live and the deletion becomes an open conflict the
 * card shows ("deleted by Anna while Ben edited": keep or delete).
 */
function deleteVersusEdit(out: SyncRecord, x: Record<string, Alternative[]>, mine: Side, theirs: Side, edited: { mine: boolean; theirs: boolean }, policy: MergePolicy): void {
  const field = policy.tombstone;
  if (field === null) return;
  const deletes = (side: Side) => side.changed(field) && value(side.record, field) !== null && value(side.record, field) !== undefined;
  const mineDeletes = deletes(mine);
  if (mineDeletes === deletes(theirs)) return;
  const [deleter, editor] = mineDeletes ? [mine, theirs] : [theirs, mine];
  if (!(mineDeletes ? edited.theirs : edited.mine)) return;
  const clock = deleter.record?.c[field];
  const editorClock = editor.record?.c[field];
  if (!clock || !editorClock) return;
  setField(out, field, value(editor.record, field) ?? null, editorClock);
  x[field] = addAlternative(x[field], { v: value(deleter.record, field), at: clock[0], by: clock[1] });
}

function setField(record: SyncRecord, field: string, v: unknown, clock: Clock): void {
  if (v !== undefined) record.f[field] = v;
  record.c[field] = clock;
}

/** The highest generation a record's clocks carry. */
function changedAfter(record: SyncRecord | undefined, gen: number): (field: string) => boolean {
  return (field) => (record?.c[field]?.[2] ?? 0) > gen;
}

/**
 * Two conflicting leaves of one bucket, record by record. `ancestorGen` is the generation of
 * their last common revision (0 when none is known: both are then taken as having changed
 * every field they hold).
 */
export function mergeLeafRecords(a: SyncRecord | undefined, b: SyncRecord | undefined, ancestorGen: number, policy: MergePolicy): SyncRecord | undefined {
  return mergeSides({ record: a, changed: changedAfter(a, ancestorGen) }, { record: b, changed: changedAfter(b, ancestorGen) }, policy);
}

export interface LocalMerge {
  /** The record to keep in the bucket (undefined: the bucket has none and needs none). */
  record: SyncRecord | undefined;
  /** Whether the bucket's record must be written (a local change to send). */
  write: boolean;
  /** The fields this browser's database must take (null: remove the row), or undefined when it already has them. */
  apply: Record<string, unknown> | null | undefined;
}

/** What the bucket looked like when last applied here: known (the record, or none), or only its generation. */
export type Base = { known: true; record: SyncRecord | undefined } | { known: false; gen: number };

/**
 * This browser's row (`local`: its synced fields, null when it has no row) against the bucket's
 * record (`current`) and the record as last applied here (`base`). Local changes are the fields
 * differing from the base; they are stamped with `stamp` (now, this member, the generation the
 * write will have). When the base is unknown (a first sync of this bucket), fields changed in
 * the bucket after the base's generation count as remote changes and other differences as local.
 */
export function mergeLocal(local: Record<string, unknown> | null, current: SyncRecord | undefined, base: Base, stamp: Clock, policy: MergePolicy): LocalMerge {
  const localFields = local ?? {};
  const hasBase = base.known;
  const baseRecord = base.known ? base.record : undefined;
  const fields = new Set([...Object.keys(localFields), ...fieldsOf(current, baseRecord)]);
  const remoteChanged = base.known ? (field: string) => !same(value(current, field), value(baseRecord, field)) : changedAfter(current, base.gen);
  const localValue = (field: string) => (Object.hasOwn(localFields, field) ? localFields[field] : undefined);
  const localChanged = hasBase
    ? (field: string) => !same(localValue(field), value(baseRecord, field))
    : (field: string) => !remoteChanged(field) && !same(localValue(field), value(current, field));

  const anyLocal = [...fields].some((field) => !policy.carried.includes(field) && localChanged(field));
  let record = current;
  if (anyLocal) {
    // This browser's side: its changed fields stamped now, the others as the base had them.
    const mine: SyncRecord = { f: {}, c: {} };
    const from = hasBase ? baseRecord : current;
    for (const field of fields) {
      if (localChanged(field)) setField(mine, field, localValue(field), stamp);
      else {
        const clock = from?.c[field];
        if (clock) setField(mine, field, value(from, field), clock);
      }
    }
    record = mergeSides({ record: mine, changed: (field) => localChanged(field) }, { record: current, changed: remoteChanged }, policy);
  }
  const write = anyLocal && !sameRecord(record, current);
  const target = record && Object.keys(record.f).length > 0 ? record.f : null;
  const apply = sameIgnoring(target, local, policy.carried) ? undefined : target === null ? null : withCarried(target, local, policy.carried);
  return { record, write, apply };
}

/** Whether two rows' fields agree, the carried ones aside (an empty row is no row). */
function sameIgnoring(a: Record<string, unknown> | null, b: Record<string, unknown> | null, carried: readonly string[]): boolean {
  const strip = (r: Record<string, unknown> | null) => {
    if (r === null) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (!carried.includes(k) && v !== undefined) out[k] = v;
    return Object.keys(out).length === 0 ? null : out;
  };
  const sa = strip(a);
  const sb = strip(b);
  return sa === null || sb === null ? sa === sb : same(sa, sb);
}

/** The fields to apply, carried ones the newest of both (a local updatedAt is never moved back). */
function withCarried(target: Record<string, unknown>, local: Record<string, unknown> | null, carried: readonly string[]): Record<string, unknown> {
  const out = { ...target };
  for (const field of carried) {
    const mine = local?.[field];
    const theirs = out[field];
    if (typeof mine === 'number' && (typeof theirs !== 'number' || mine > theirs)) out[field] = mine;
  }
  return out;
}

export function sameRecord(a: SyncRecord | undefined, b: SyncRecord | undefined): boolean {
  if (!a || !b) return a === b;
  return same(a.f, b.f) && same(a.c, b.c) && same(a.x ?? {}, b.x ?? {}) && same(a.h ?? [], b.h ?? []);
}

/**
 * Stamps the fields of a merged record that differ from `onto` (the record in the revision it
 * will be written on) with generation `gen`, keeping when and who: what the merge brought in is
 * a change on that branch.
 */
export function restamp(record: SyncRecord, onto: SyncRecord | undefined, gen: number): SyncRecord {
  const c: Record<string, Clock> = {};
  for (const [field, clock] of Object.entries(record.c)) {
    c[field] = same(value(record, field), value(onto, field)) && onto?.c[field] ? onto.c[field] : [clock[0], clock[1], gen];
  }
  return { ...record, c };
}

/**
 * A person's pick on an open conflict: `chosen` becomes the field's value (stamped now), every
 * other value of the clash goes to the record's history, and the conflict closes.
 */
export function resolveField(record: SyncRecord, field: string, chosen: { v?: unknown }, stamp: Clock): SyncRecord {
  const alternatives = record.x?.[field] ?? [];
  const currentClock = record.c[field];
  const candidates: Alternative[] = [...alternatives];
  if (currentClock) {
    const current: Alternative = { at: currentClock[0], by: currentClock[1] };
    if (Object.hasOwn(record.f, field)) current.v = record.f[field];
    candidates.push(current);
  }
  const replaced = candidates.filter((alt) => !same(alt.v, chosen.v));
  const history: HistoryEntry[] = replaced.map((alt) => ({ field, ...(alt.v === undefined ? {} : { v: alt.v }), at: alt.at, by: alt.by, replacedAt: stamp[0], replacedBy: stamp[1] }));
  const f = { ...record.f };
  if (chosen.v === undefined) delete f[field];
  else f[field] = chosen.v;
  const x = { ...(record.x ?? {}) };
  delete x[field];
  const next: SyncRecord = { f, c: { ...record.c, [field]: stamp } };
  if (Object.keys(x).length > 0) next.x = x;
  const h = mergeHistory(history, record.h);
  if (h && h.length > 0) next.h = h;
  return next;
}
