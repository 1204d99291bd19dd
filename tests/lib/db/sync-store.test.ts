import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { setJournaling, updateCustomer } from '../../../lib/db/index';
import { bookOf } from '../../../lib/db/orders/book';
import { CODECS } from '../../../lib/db/sync-codec';
import { acknowledgeJournal, applyRemote, conflictsOfCustomer, journalSeq, pendingChanges, readSynced } from '../../../lib/db/sync-store';
import { freshDatabase, makeCustomer, makeOrder, NOW, seedCustomer } from './factories';

let db: CrmDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await setJournaling(db, true);
});
afterEach(() => db.delete());

const fieldsOf = (row: Record<string, unknown>) => CODECS.customers.toFields(row);

describe('the database side of team sync', () => {
  it('journals local writes for sync and applies the team’s rows without journaling them as local', async () => {
    const customer = await seedCustomer(db);
    await updateCustomer(db, customer.id, { phone: '+45 1' }, NOW);
    const pending = await pendingChanges(db, 0, 100);
    expect(pending.filter((p) => p.keys.length > 0).map((p) => p.table)).toContain('customers');
    await acknowledgeJournal(db, pending[pending.length - 1]?.seq ?? 0);
    expect(await pendingChanges(db, 0, 100)).toEqual([]);

    const remote = makeCustomer({ name: 'From the team' });
    const seq = await journalSeq(db);
    const outcome = await applyRemote(db, { rows: [{ table: 'customers', key: remote.id, fields: fieldsOf(remote) }], conflicts: [], docs: [{ id: 'doc', rev: '1-a' }] }, seq);
    expect(outcome).toEqual({ applied: true, refused: [] });
    expect((await db.customers.get(remote.id))?.name).toBe('From the team');
    expect((await pendingChanges(db, 0, 100)).flatMap((p) => p.keys)).toEqual([]);
    expect((await db.syncDocs.get('doc'))?.rev).toBe('1-a');
  });

  it('refuses a row that fails its schema and applies the others', async () => {
    const good = makeCustomer();
    const outcome = await applyRemote(
      db,
      {
        rows: [
          { table: 'customers', key: good.id, fields: fieldsOf(good) },
          { table: 'notes', key: 'n1', fields: { id: 'n1', customerId: good.id, body: '', pinned: 'yes' } },
          { table: 'customers', key: 'x', fields: { ...fieldsOf(makeCustomer()), id: 'not-x' } },
        ],
        conflicts: [],
        docs: [],
      },
      await journalSeq(db),
    );
    expect(outcome.applied).toBe(true);
    expect(outcome.refused.map((r) => r.table)).toEqual(['customers', 'notes']);
    expect(await db.customers.get(good.id)).toBeDefined();
    expect(await db.notes.get('n1')).toBeUndefined();
  });

  it('recomputes the figures of a customer whose orders came from the team', async () => {
    const customer = await seedCustomer(db);
    const orders = [makeOrder({ customerId: customer.id }), makeOrder({ customerId: customer.id })];
    const fields = CODECS.orderBooks.toFields(bookOf(customer.id, orders) as never);
    await applyRemote(db, { rows: [{ table: 'orderBooks', key: customer.id, fields }], conflicts: [], docs: [] }, await journalSeq(db));
    expect((await db.customers.get(customer.id))?.stats.orderCount).toBe(2);
    expect((await readSynced(db, 'orderBooks', [customer.id])).get(customer.id)).toEqual(fields);
  });

  it('writes nothing when a local write to the same row came after the merge read it', async () => {
    const customer = await seedCustomer(db);
    const seq = await journalSeq(db);
    await updateCustomer(db, customer.id, { phone: 'local' }, NOW + 1);
    const outcome = await applyRemote(db, { rows: [{ table: 'customers', key: customer.id, fields: { ...fieldsOf(customer), phone: 'remote' } }], conflicts: [], docs: [{ id: 'd', rev: '2-b' }] }, seq);
    expect(outcome.applied).toBe(false);
    expect((await db.customers.get(customer.id))?.phone).toBe('local');
    expect(await db.syncDocs.get('d')).toBeUndefined();
  });

  it('keeps open conflicts by customer for the card', async () => {
    const conflicts = { table: 'customers' as const, key: 'c1', customerId: 'c1', fields: { phone: { current: { v: '2', clock: [2, 'b', 2] as [number, string, number] }, others: [{ v: '1', at: 1, by: 'a' }] } }, history: [] };
    await applyRemote(db, { rows: [], conflicts: [{ table: 'customers', key: 'c1', conflicts }], docs: [] }, await journalSeq(db));
    expect(await conflictsOfCustomer(db, 'c1')).toEqual([{ ...conflicts, id: 'customers/c1' }]);
    await applyRemote(db, { rows: [], conflicts: [{ table: 'customers', key: 'c1', conflicts: null }], docs: [] }, await journalSeq(db));
    expect(await conflictsOfCustomer(db, 'c1')).toEqual([]);
  });
});
