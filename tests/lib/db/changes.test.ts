import { describe, expect, it } from 'vitest';
import { dropJournal, onDataChange, readJournal, setJournaling, tagOrigin, type DataChange } from '../../../lib/db/changes';
import { openDatabase } from '../../../lib/db/database';
import { addNote, bulkInsert } from '../../../lib/db/index';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { freshDatabase, makeCustomer, makeInteraction, NOW } from './factories';

function listen(db: ReturnType<typeof freshDatabase>): DataChange[] {
  const heard: DataChange[] = [];
  onDataChange(db, (change) => heard.push(change));
  return heard;
}

describe('change signal', () => {
  it('reports one change per committed transaction, with the customers and companies its rows belong to', async () => {
    const db = freshDatabase();
    const heard = listen(db);
    const maria = makeCustomer({ id: 'maria', companyId: 'acme' });
    await bulkInsert(db, { customers: [maria], companies: [], orders: [], interactions: [makeInteraction({ id: 'i1', customerId: 'maria' })], notes: [] });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ origin: 'local', customerIds: ['maria'], companyIds: [] });
    expect(heard[0]?.ids).toMatchObject({ customers: ['maria'], interactions: ['i1'] });

    await db.transaction('rw', db.notes, () => db.notes.add({ id: 'n1', customerId: 'maria', companyId: 'acme', body: 'x', pinned: false, createdAt: NOW, updatedAt: NOW, deletedAt: null }));
    expect(heard[1]).toMatchObject({ tables: ['notes'], ids: { notes: ['n1'] }, customerIds: ['maria'], companyIds: ['acme'] });
  });

  it('names the owners of deleted rows, and every key of a cleared table', async () => {
    const db = freshDatabase();
    await bulkInsert(db, { customers: [makeCustomer({ id: 'a' }), makeCustomer({ id: 'b' })], companies: [], orders: [], interactions: [makeInteraction({ id: 'i1', customerId: 'a' })], notes: [] });
    const heard = listen(db);
    await db.interactions.delete('i1');
    expect(heard[0]).toMatchObject({ tables: ['interactions'], ids: { interactions: ['i1'] }, customerIds: ['a'] });
    await db.customers.clear();
    expect(heard[1]?.ids.customers?.sort()).toEqual(['a', 'b']);
    expect(heard[1]?.customerIds.sort()).toEqual(['a', 'b']);
  });

  it('reports nothing for a transaction that aborts', async () => {
    const db = freshDatabase();
    const heard = listen(db);
    await expect(
      db.transaction('rw', db.customers, async () => {
        await db.customers.add(makeCustomer({ id: 'x' }));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(heard).toEqual([]);
    expect(await db.customers.count()).toBe(0);
  });

  it('carries the origin a transaction is tagged with', async () => {
    const db = freshDatabase();
    const heard = listen(db);
    await db.transaction('rw', db.customers, async (tx) => {
      tagOrigin(tx, 'remote');
      await db.customers.add(makeCustomer({ id: 'x' }));
    });
    expect(heard[0]?.origin).toBe('remote');
  });

  it('journals nothing while the journal is off', async () => {
    const db = freshDatabase();
    await addNote(db, { customerId: 'nobody', body: 'x' }, NOW).catch(() => undefined);
    await bulkInsert(db, { customers: [makeCustomer({ id: 'a' })], companies: [], orders: [], interactions: [], notes: [] });
    expect(await db.changeJournal.count()).toBe(0);
  });

  it('journals each write to a shared table in its own transaction while on, with its origin; personal and derived tables never', async () => {
    const db = freshDatabase();
    await setJournaling(db, true);
    await bulkInsert(db, { customers: [makeCustomer({ id: 'a' })], companies: [], orders: [], interactions: [], notes: [] });
    await db.transaction('rw', db.customers, async (tx) => {
      tagOrigin(tx, 'remote');
      await db.customers.update('a', { name: 'From the server' });
    });
    await db.meta.put({ key: 'k', value: 1 });
    const rows = await readJournal(db, 0, 100);
    expect(rows.map((r) => [r.table, r.keys, r.origin])).toEqual([
      ['customers', ['a'], 'local'],
      ['customers', ['a'], 'remote'],
    ]);
    expect(rows[0]!.seq).toBeLessThan(rows[1]!.seq);
    expect(await dropJournal(db, rows[0]!.seq)).toBe(1);
    expect((await readJournal(db, 0, 100)).map((r) => r.origin)).toEqual(['remote']);
  });

  it('keeps the journal switched on across a restart', async () => {
    const name = `crm-journal-${crypto.randomUUID()}`;
    const first = openDatabase(name, { indexedDB, IDBKeyRange });
    await setJournaling(first, true);
    first.close();
    const db = openDatabase(name, { indexedDB, IDBKeyRange });
    await db.customers.add(makeCustomer({ id: 'a' }));
    expect((await readJournal(db, 0, 10)).map((r) => r.keys)).toEqual([['a']]);
    db.close();
  });
});
