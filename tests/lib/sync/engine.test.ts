import { describe, expect, it } from 'vitest';
import { bookOf } from '../../../lib/db/orders/book';
import { decodeDocument, encodeDocument, parseBucket } from '../../../lib/sync/envelope';
import { bucketName, bucketOf } from '../../../lib/sync/layout';
import type { MirrorDoc } from '../../../lib/sync/mirror-types';
import { makeCustomer, makeOrder, NOW } from '../db/factories';
import { makeTeam, Pouch } from './team';

function note(customerId: string, id: string, body: string) {
  return { id, customerId, body, pinned: false, createdAt: NOW, updatedAt: NOW, deletedAt: null, companyId: null };
}

describe('SyncEngine', () => {
  it('brings a customer and a note written on one browser to the other', async () => {
    const { members, settle } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer({ name: 'Maria Jensen' });
    anna.local.write('customers', customer);
    anna.local.write('notes', note(customer.id, 'n1', 'Prefers calls'));
    await settle();
    expect(ben.local.get('customers', customer.id)).toMatchObject({ name: 'Maria Jensen', emails: customer.emails });
    expect(ben.local.get('notes', 'n1')).toMatchObject({ body: 'Prefers calls' });
    expect(anna.local.journal).toHaveLength(0);
    expect(ben.problems).toEqual([]);
  });

  it('never sends back what it applied from the team, and writes nothing when nothing changed', async () => {
    const { members, settle, server } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    anna.local.write('customers', makeCustomer());
    await settle();
    const before = (await server.info()).update_seq;
    await settle();
    expect((await server.info()).update_seq).toBe(before);
    expect(ben.local.journal).toHaveLength(0);
  });

  it('merges edits of different fields of one customer made apart', async () => {
    const { members, settle, round } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer({ name: 'Maria', phone: '1' });
    anna.local.write('customers', customer);
    await settle();
    anna.clock.now += 10;
    anna.local.write('customers', { ...customer, name: 'Maria Jensen' });
    ben.clock.now += 20;
    ben.local.write('customers', { ...(ben.local.get('customers', customer.id) as object), phone: '+45 1234' });
    // Both write while apart, then meet.
    await round(anna, false);
    await round(ben, false);
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.get('customers', customer.id)).toMatchObject({ name: 'Maria Jensen', phone: '+45 1234' });
      expect(member.local.conflicts.size).toBe(0);
    }
  });

  it('Y2 shows a clash on one field on both browsers; a pick wins and the other value goes to history', async () => {
    const { members, settle, round, keys } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer({ phone: '1' });
    anna.local.write('customers', customer);
    await settle();
    anna.clock.now += 10;
    anna.local.write('customers', { ...customer, phone: 'anna-phone' });
    ben.clock.now += 20;
    ben.local.write('customers', { ...(ben.local.get('customers', customer.id) as object), phone: 'ben-phone' });
    await round(anna, false);
    await round(ben, false);
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.get('customers', customer.id)?.phone).toBe('ben-phone');
      const conflict = member.local.conflicts.get(`customers/${customer.id}`);
      expect(conflict?.fields.phone?.others).toEqual([{ v: 'anna-phone', at: anna.clock.now, by: 'anna' }]);
      expect(conflict?.customerId).toBe(customer.id);
    }
    await anna.engine.resolve('customers', customer.id, 'phone', { v: 'anna-phone' });
    expect(anna.local.get('customers', customer.id)?.phone).toBe('anna-phone');
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.get('customers', customer.id)?.phone).toBe('anna-phone');
      expect(member.local.conflicts.size).toBe(0);
    }
    const id = await anna.engine.docId(bucketName('customers', bucketOf(customer.id, 8)));
    const decoded = await decodeDocument(await anna.mirror.get(id), keys);
    expect(parseBucket(id, decoded.body).r[customer.id]?.h).toEqual([expect.objectContaining({ field: 'phone', v: 'ben-phone', by: 'ben', replacedBy: 'anna' })]);
  });

  it('settles when two browsers resolve the same conflicting leaves at once (no new conflict each round)', async () => {
    const { members, settle, round, server } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer({ name: 'Maria', phone: '1' });
    anna.local.write('customers', customer);
    await settle();
    anna.clock.now += 10;
    anna.local.write('customers', { ...customer, name: 'Maria Jensen' });
    ben.clock.now += 20;
    ben.local.write('customers', { ...(ben.local.get('customers', customer.id) as object), phone: '+45 1234' });
    await round(anna, false);
    await round(ben, false);
    // Both mirrors get both leaves before either merges them; each then merges on its own.
    for (const member of [anna, ben]) await Pouch.replicate(member.mirror as never, server as never);
    for (const member of [anna, ben]) await Pouch.replicate(server as never, member.mirror as never);
    await round(anna, false);
    await round(ben, false);
    for (let i = 0; i < 3; i++) {
      for (const member of [anna, ben]) await Pouch.replicate(member.mirror as never, server as never);
      for (const member of [anna, ben]) await Pouch.replicate(server as never, member.mirror as never);
      await round(anna, false);
      await round(ben, false);
    }
    const settled = (await server.info()).update_seq;
    await settle();
    expect((await server.info()).update_seq).toBe(settled);
    const id = await anna.engine.docId(bucketName('customers', bucketOf(customer.id, 8)));
    for (const member of [anna, ben]) {
      expect(member.local.get('customers', customer.id)).toMatchObject({ name: 'Maria Jensen', phone: '+45 1234' });
      expect(member.local.conflicts.size).toBe(0);
      expect(((await member.mirror.get(id, { conflicts: true })) as MirrorDoc)._conflicts ?? []).toEqual([]);
    }
  });

  it('Y3 keeps an edit made while another browser deleted the customer, as a conflict to resolve', async () => {
    const { members, settle, round } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer({ name: 'Maria' });
    anna.local.write('customers', customer);
    await settle();
    anna.clock.now += 10;
    anna.local.write('customers', { ...customer, deletedAt: anna.clock.now, updatedAt: anna.clock.now });
    ben.clock.now += 20;
    ben.local.write('customers', { ...(ben.local.get('customers', customer.id) as object), name: 'Maria Jensen' });
    await round(anna, false);
    await round(ben, false);
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.get('customers', customer.id)).toMatchObject({ name: 'Maria Jensen', deletedAt: null });
      expect(member.local.conflicts.get(`customers/${customer.id}`)?.fields.deletedAt?.others).toEqual([{ v: anna.clock.now, at: anna.clock.now, by: 'anna' }]);
    }
    await ben.engine.resolve('customers', customer.id, 'deletedAt', { v: anna.clock.now });
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.get('customers', customer.id)?.deletedAt).toBe(anna.clock.now);
      expect(member.local.conflicts.size).toBe(0);
    }
  });

  it('merges orders added to one customer’s book on two browsers, and an order removed from a book', async () => {
    const { members, settle, round } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer();
    const first = makeOrder({ customerId: customer.id });
    anna.local.write('customers', customer);
    anna.local.write('orderBooks', bookOf(customer.id, [first]) as never);
    await settle();
    const second = makeOrder({ customerId: customer.id, orderedAt: NOW - 1000 });
    const third = makeOrder({ customerId: customer.id, orderedAt: NOW - 500 });
    anna.local.write('orderBooks', bookOf(customer.id, [first, second]) as never);
    ben.local.write('orderBooks', bookOf(customer.id, [first, third]) as never);
    await round(anna, false);
    await round(ben, false);
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.get('orderBooks', customer.id)?.ids).toEqual(expect.arrayContaining([first.id, second.id, third.id]));
      expect(member.local.get('orderBooks', customer.id)?.ids).toHaveLength(3);
    }
    anna.local.write('orderBooks', bookOf(customer.id, [second, third]) as never);
    await settle();
    expect(ben.local.get('orderBooks', customer.id)?.ids).toEqual(expect.arrayContaining([second.id, third.id]));
    expect(ben.local.get('orderBooks', customer.id)?.ids).toHaveLength(2);
  });

  it('Y1 keeps working apart and brings every change of both sides, nothing twice', async () => {
    const { members, settle, round } = await makeTeam(['anna', 'ben'], { buckets: 4 });
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer();
    anna.local.write('customers', customer);
    await settle();
    for (let i = 0; i < 20; i++) {
      anna.local.write('notes', note(customer.id, `a${i}`, `from anna ${i}`));
      ben.local.write('notes', note(customer.id, `b${i}`, `from ben ${i}`));
      await round(anna, false);
      await round(ben, false);
    }
    await settle();
    for (const member of [anna, ben]) {
      expect(member.local.table('notes').size).toBe(40);
      expect(member.local.conflicts.size).toBe(0);
    }
  });

  it('Y7 refuses a malformed document and a record that fails its schema, and applies the rest', async () => {
    const { members, settle, server, keys } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const good = makeCustomer({ name: 'Good' });
    anna.local.write('customers', good);
    // A hostile member writes straight to the server: garbage, and a bucket with a bad record.
    await server.bulkDocs([{ _id: 'garbage', v: 1, e: 'not base64 !!!' }]);
    const badName = bucketName('notes', 3);
    const badId = await anna.engine.docId(badName);
    const badNote = { f: { id: 'x', customerId: good.id, body: '', pinned: 'yes' }, c: { id: [1, 'eve', 1], customerId: [1, 'eve', 1], body: [1, 'eve', 1], pinned: [1, 'eve', 1] } };
    await server.bulkDocs([await encodeDocument(badId, { n: badName, r: { x: badNote } }, keys)]);
    await settle();
    expect(ben.local.get('customers', good.id)?.name).toBe('Good');
    expect(ben.local.get('notes', 'x')).toBeUndefined();
    expect(ben.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/malformed/), expect.stringMatching(/note from the team was refused/)]));
    // The rest keeps syncing.
    anna.local.write('customers', { ...good, name: 'Still good' });
    await settle();
    expect(ben.local.get('customers', good.id)?.name).toBe('Still good');
  });

  it('Y6 holds no plaintext on the server when the team encrypts, and uses opaque ids', async () => {
    const { members, settle, server } = await makeTeam(['anna']);
    const [anna] = members as [typeof members[number]];
    const customer = makeCustomer({ name: 'Zebulon Plaintext', emails: ['zebulon@example.org'] });
    anna.local.write('customers', customer);
    anna.local.write('notes', note(customer.id, 'n1', 'secret note text'));
    await settle();
    const all = (await (server as unknown as { allDocs(o: object): Promise<{ rows: { doc: MirrorDoc }[] }> }).allDocs({ include_docs: true })).rows;
    const raw = JSON.stringify(all);
    expect(all.length).toBeGreaterThan(0);
    for (const secret of ['Zebulon', 'zebulon@example.org', 'secret note text', customer.id, 'customers']) expect(raw).not.toContain(secret);
  });

  it('Y4 resumes an interrupted pull from where it stopped, with nothing twice', async () => {
    const { members, settle, server } = await makeTeam(['anna', 'ben'], { buckets: 64 });
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    for (let i = 0; i < 300; i++) anna.local.write('customers', makeCustomer());
    await settle([anna]);
    await Pouch.replicate(server as never, ben.mirror as never);
    // Stop after one small page, as a stopped worker would, then go on from the saved sequence.
    const first = await ben.engine.pull(0, 10);
    ben.seq = first.seq;
    expect(ben.local.table('customers').size).toBeGreaterThan(0);
    expect(ben.local.table('customers').size).toBeLessThan(300);
    await settle([ben]);
    expect(ben.local.table('customers').size).toBe(300);
    expect(ben.local.journal).toHaveLength(0);
  });

  it('applies a remote change without losing a local write that raced it', async () => {
    const { members, settle, round } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    const customer = makeCustomer({ name: 'Maria', phone: '1' });
    anna.local.write('customers', customer);
    await settle();
    anna.clock.now += 10;
    anna.local.write('customers', { ...customer, phone: '2' });
    await round(anna);
    let raced = false;
    ben.local.beforeApply = () => {
      if (raced) return;
      raced = true;
      ben.local.write('customers', { ...(ben.local.get('customers', customer.id) as object), name: 'Maria J.' });
    };
    await settle();
    for (const member of [anna, ben]) expect(member.local.get('customers', customer.id)).toMatchObject({ name: 'Maria J.', phone: '2' });
  });

  it('shares members’ display names', async () => {
    const { members, settle } = await makeTeam(['anna', 'ben']);
    const [anna, ben] = members as [typeof members[number], typeof members[number]];
    await anna.engine.setMemberName('Anna');
    await ben.engine.setMemberName('Ben');
    await settle();
    expect(Object.fromEntries(ben.members)).toEqual({ anna: 'Anna', ben: 'Ben' });
    expect(Object.fromEntries(anna.members)).toEqual({ anna: 'Anna', ben: 'Ben' });
  });
});

