import { describe, expect, it } from 'vitest';
import { mergeLeafRecords, mergeLocal, resolveField, restamp, same, type Clock, type MergePolicy, type SyncRecord } from '../../../lib/sync/merge';

const customerPolicy: MergePolicy = {
  clash: (field) => (field === 'tags' || field === 'emails' ? 'union' : 'conflict'),
  carried: ['updatedAt'],
  tombstone: 'deletedAt',
};
const silentPolicy: MergePolicy = { clash: () => 'later', carried: [], tombstone: null };

/** A record whose every field has the same clock. */
function rec(f: Record<string, unknown>, clock: Clock): SyncRecord {
  return { f, c: Object.fromEntries(Object.keys(f).map((k) => [k, clock])) };
}
function edit(r: SyncRecord, f: Record<string, unknown>, clock: Clock): SyncRecord {
  const next: SyncRecord = { f: { ...r.f, ...f }, c: { ...r.c } };
  for (const k of Object.keys(f)) next.c[k] = clock;
  return next;
}

const base = rec({ name: 'Maria', phone: '1', tags: ['vip'], deletedAt: null, updatedAt: 100 }, [100, 'anna', 1]);

describe('same', () => {
  it('compares JSON values with keys in any order', () => {
    expect(same({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same(null, undefined)).toBe(false);
  });
});

describe('mergeLeafRecords', () => {
  it('takes each side’s fields when they changed different ones', () => {
    const a = edit(base, { name: 'Maria J.' }, [200, 'anna', 2]);
    const b = edit(base, { phone: '2' }, [150, 'ben', 2]);
    const merged = mergeLeafRecords(a, b, 1, customerPolicy);
    expect(merged?.f).toMatchObject({ name: 'Maria J.', phone: '2' });
    expect(merged?.x).toBeUndefined();
  });

  it('lets the later edit win a clash and keeps the other as an open conflict', () => {
    const a = edit(base, { phone: '111' }, [200, 'anna', 2]);
    const b = edit(base, { phone: '222' }, [300, 'ben', 2]);
    const ab = mergeLeafRecords(a, b, 1, customerPolicy);
    const ba = mergeLeafRecords(b, a, 1, customerPolicy);
    expect(ab?.f.phone).toBe('222');
    expect(ab?.x?.phone).toEqual([{ v: '111', at: 200, by: 'anna' }]);
    // Every browser merges to the same record, whichever leaf it holds.
    expect(same(ab, ba)).toBe(true);
  });

  it('merges lists that both sides changed as their union', () => {
    const a = edit(base, { tags: ['vip', 'wholesale'] }, [200, 'anna', 2]);
    const b = edit(base, { tags: ['vip', 'press'] }, [300, 'ben', 2]);
    expect(mergeLeafRecords(a, b, 1, customerPolicy)?.f.tags).toEqual(['vip', 'wholesale', 'press']);
  });

  it('keeps a record deleted on one side and edited on the other live, with the deletion as a conflict', () => {
    const deleted = edit(base, { deletedAt: 500, updatedAt: 500 }, [500, 'anna', 2]);
    const edited = edit(base, { name: 'Maria Jensen', updatedAt: 400 }, [400, 'ben', 2]);
    const merged = mergeLeafRecords(deleted, edited, 1, customerPolicy);
    expect(merged?.f).toMatchObject({ name: 'Maria Jensen', deletedAt: null, updatedAt: 500 });
    expect(merged?.x?.deletedAt).toEqual([{ v: 500, at: 500, by: 'anna' }]);
  });

  it('deletes without a conflict when nobody edited meanwhile', () => {
    const deleted = edit(base, { deletedAt: 500 }, [500, 'anna', 2]);
    expect(mergeLeafRecords(deleted, base, 1, customerPolicy)?.f.deletedAt).toBe(500);
  });

  it('settles clashes silently where the policy says so', () => {
    const a = edit(base, { phone: '111' }, [200, 'anna', 2]);
    const b = edit(base, { phone: '222' }, [300, 'ben', 2]);
    const merged = mergeLeafRecords(a, b, 1, silentPolicy);
    expect(merged?.f.phone).toBe('222');
    expect(merged?.x).toBeUndefined();
  });

  it('takes a removed field as a change (an order that left a book)', () => {
    const book = rec({ o1: [1], o2: [2] }, [100, 'anna', 1]);
    const removed: SyncRecord = { f: { o1: [1] }, c: { o1: [100, 'anna', 1], o2: [200, 'anna', 2] } };
    const added = edit(book, { o3: [3] }, [150, 'ben', 2]);
    expect(mergeLeafRecords(removed, added, 1, silentPolicy)?.f).toEqual({ o1: [1], o3: [3] });
  });

  it('does not bring back a conflict a pick settled on one side', () => {
    const a = edit(base, { phone: '111' }, [200, 'anna', 2]);
    const b = edit(base, { phone: '222' }, [300, 'ben', 2]);
    const conflicted = restamp(mergeLeafRecords(a, b, 1, customerPolicy) as SyncRecord, b, 3);
    const picked = resolveField(conflicted, 'phone', { v: '111' }, [400, 'ben', 4]);
    // Another browser still holds the conflicted revision (generation 3) and edits another field.
    const other = edit(conflicted, { name: 'M.' }, [410, 'carl', 4]);
    const merged = mergeLeafRecords(picked, other, 3, customerPolicy);
    expect(merged?.f).toMatchObject({ phone: '111', name: 'M.' });
    expect(merged?.x).toBeUndefined();
  });
});

describe('resolveField', () => {
  it('sets the picked value, moves the others to history and closes the conflict', () => {
    const a = edit(base, { phone: '111' }, [200, 'anna', 2]);
    const b = edit(base, { phone: '222' }, [300, 'ben', 2]);
    const merged = mergeLeafRecords(a, b, 1, customerPolicy) as SyncRecord;
    const picked = resolveField(merged, 'phone', { v: '111' }, [400, 'carl', 3]);
    expect(picked.f.phone).toBe('111');
    expect(picked.c.phone).toEqual([400, 'carl', 3]);
    expect(picked.x).toBeUndefined();
    expect(picked.h).toEqual([{ field: 'phone', v: '222', at: 300, by: 'ben', replacedAt: 400, replacedBy: 'carl' }]);
  });

  it('keeps the record deleted when the pick is the deletion', () => {
    const deleted = edit(base, { deletedAt: 500 }, [500, 'anna', 2]);
    const edited = edit(base, { name: 'Maria Jensen' }, [400, 'ben', 2]);
    const merged = mergeLeafRecords(deleted, edited, 1, customerPolicy) as SyncRecord;
    const picked = resolveField(merged, 'deletedAt', { v: 500 }, [600, 'ben', 3]);
    expect(picked.f.deletedAt).toBe(500);
    expect(picked.x).toBeUndefined();
  });
});

describe('mergeLocal', () => {
  const stamp: Clock = [1000, 'me', 3];

  it('writes a local edit over an unchanged bucket, stamped now', () => {
    const result = mergeLocal({ ...base.f, name: 'Maria J.' }, base, { known: true, record: base }, stamp, customerPolicy);
    expect(result.write).toBe(true);
    expect(result.record?.f.name).toBe('Maria J.');
    expect(result.record?.c.name).toEqual(stamp);
    expect(result.apply).toBeUndefined();
  });

  it('keeps a remote change not yet applied here and sends the local one beside it', () => {
    const current = edit(base, { phone: '999' }, [900, 'ben', 2]);
    const result = mergeLocal({ ...base.f, name: 'Maria J.' }, current, { known: true, record: base }, stamp, customerPolicy);
    expect(result.record?.f).toMatchObject({ name: 'Maria J.', phone: '999' });
    expect(result.write).toBe(true);
    expect(result.apply).toMatchObject({ name: 'Maria J.', phone: '999' });
  });

  it('makes a conflict when the remote and local edits touched the same field', () => {
    const current = edit(base, { phone: '999' }, [900, 'ben', 2]);
    const result = mergeLocal({ ...base.f, phone: '555' }, current, { known: true, record: base }, stamp, customerPolicy);
    expect(result.record?.f.phone).toBe('555');
    expect(result.record?.x?.phone).toEqual([{ v: '999', at: 900, by: 'ben' }]);
  });

  it('applies remote changes and writes nothing when nothing changed here', () => {
    const current = edit(base, { phone: '999' }, [900, 'ben', 2]);
    const result = mergeLocal({ ...base.f }, current, { known: true, record: base }, stamp, customerPolicy);
    expect(result.write).toBe(false);
    expect(result.apply).toMatchObject({ phone: '999' });
  });

  it('does not write for a change of the carried updatedAt alone, nor move it back', () => {
    const result = mergeLocal({ ...base.f, updatedAt: 5000 }, base, { known: true, record: base }, stamp, customerPolicy);
    expect(result.write).toBe(false);
    expect(result.apply).toBeUndefined();
    const current = edit(base, { phone: '999', updatedAt: 900 }, [900, 'ben', 2]);
    expect(mergeLocal({ ...base.f, updatedAt: 5000 }, current, { known: true, record: base }, stamp, customerPolicy).apply).toMatchObject({ phone: '999', updatedAt: 5000 });
  });

  it('takes every field of a bucket seen for the first time as remote', () => {
    const result = mergeLocal(null, base, { known: false, gen: 0 }, stamp, customerPolicy);
    expect(result.write).toBe(false);
    expect(result.apply).toEqual(base.f);
  });

  it('sends a record the bucket does not have yet', () => {
    const result = mergeLocal({ name: 'New', deletedAt: null }, undefined, { known: false, gen: 0 }, stamp, customerPolicy);
    expect(result.write).toBe(true);
    expect(result.record).toEqual(rec({ name: 'New', deletedAt: null }, stamp));
  });

  it('sends a removed row as the removal of its fields, which removes it elsewhere', () => {
    const result = mergeLocal(null, base, { known: true, record: base }, stamp, silentPolicy);
    expect(result.write).toBe(true);
    expect(result.record?.f).toEqual({});
    expect(mergeLocal(base.f, result.record, { known: true, record: base }, [2000, 'other', 4], silentPolicy).apply).toBeNull();
  });
});
