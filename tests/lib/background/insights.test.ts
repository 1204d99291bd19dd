import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInsights, STALE_MS, type InsightsDeps } from '../../../lib/background/insights';
import { readMeta } from '../../../lib/db/insights';
import { addInteraction, addOrder, onDataChange, type CrmDatabase, type DataChange } from '../../../lib/db/index';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { DAY, freshDatabase, makeInteraction, makeOrder, NOW, seedCustomer, seedOrders } from '../db/factories';

// NOW (factories) is a Monday, midnight UTC; 10:00 UTC is inside Berlin business hours.
const AT = NOW + 10 * 3_600_000;

/** A committed write of these customers' rows (none: a bulk write), as the change signal reports it. */
function wrote(customerIds: string[]): DataChange {
  return { tables: ['customers'], ids: { customers: customerIds }, customerIds, companyIds: [], origin: 'local' };
}

function setup(db: CrmDatabase, over: Partial<InsightsDeps> = {}) {
  let clock = AT;
  /** Every change the database reports, the insights' own (`derived`) included. */
  const heard: DataChange[] = [];
  onDataChange(db, (change) => heard.push(change));
  const insights = createInsights({
    db,
    settings: async () => DEFAULT_SETTINGS,
    now: () => clock,
    debounceMs: 60_000,
    ...over,
  });
  const advance = (ms: number) => (clock += ms);
  /** Time passes (clock and timers), then the background's work settles. */
  const wait = async (ms: number) => {
    advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
    await insights.idle();
  };
  /** The customers of each classification write the insights made. */
  const classified = () => heard.filter((c) => c.origin === 'derived' && c.tables.includes('customers')).map((c) => c.customerIds);
  return { insights, heard, classified, advance, wait };
}

/** A book: a big regular, a small regular, a prospect. */
async function seedBook(db: CrmDatabase) {
  const big = await seedCustomer(db, { name: 'Big' });
  const small = await seedCustomer(db, { name: 'Small' });
  const prospect = await seedCustomer(db, { name: 'Prospect' });
  const orders = [
    ...[30, 60, 90, 120].map((d) => makeOrder({ customerId: big.id, orderedAt: AT - d * DAY, total: { currency: 'EUR', minor: 100_000 } })),
    ...[40, 80].map((d) => makeOrder({ customerId: small.id, orderedAt: AT - d * DAY, total: { currency: 'EUR', minor: 40_000 } })),
  ];
  await seedOrders(db, orders);
  return { big, small, prospect };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('insights in the background', () => {
  it('writes every classification on a full recompute, and nothing when nothing changed', async () => {
    const db = freshDatabase();
    const { big, small, prospect } = await seedBook(db);
    const { insights } = setup(db);
    const first = await insights.recompute();
    expect(first).toMatchObject({ customers: 3, orders: 6, changed: 3 });
    expect((await db.customers.get(big.id))?.insights).toMatchObject({ tier: 'A', stage: 'active', computedAt: AT });
    expect((await db.customers.get(small.id))?.insights).toMatchObject({ tier: 'B' });
    expect((await db.customers.get(prospect.id))?.insights).toMatchObject({ tier: 'Prospect', rfm: 'Prospects', stage: 'prospect' });
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT, revenue12m: [400_000, 80_000] });
    expect((await insights.recompute()).changed).toBe(0);
  });

  it('updates the customer of a single write at once, before the full recompute', async () => {
    const db = freshDatabase();
    const { big, prospect } = await seedBook(db);
    const { insights, classified } = setup(db);
    await insights.recompute();
    const bigBefore = (await db.customers.get(big.id))?.insights;
    await addOrder(db, { customerId: prospect.id, orderedAt: AT - DAY, total: { currency: 'EUR', minor: 2_000 } }, AT);
    insights.onDataChanged(wrote([prospect.id]));
    await insights.idle();
    expect((await db.customers.get(prospect.id))?.insights).toMatchObject({ tier: 'C', stage: 'new', rfm: 'New' });
    expect(classified().at(-1)).toEqual([prospect.id]);
    // Nobody else was rewritten: the full recompute is still waiting for its debounce.
    expect((await db.customers.get(big.id))?.insights).toEqual(bigBefore);
    const card = await insights.card(prospect.id);
    expect(card?.suggestions[0]).toMatchObject({ ruleId: 'thank-first-order', overdue: false });
  });

  it('runs the full recompute once after a burst of writes, debounced', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDatabase();
    await seedBook(db);
    const { insights, heard, classified } = setup(db, { debounceMs: 2_000 });
    insights.onDataChanged(wrote([]));
    insights.onDataChanged(wrote([]));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(await readMeta(db, 'insights:context')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await insights.idle();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT });
    // One recompute: one write of the context, one of the three customers it classified.
    expect(heard.filter((c) => c.ids.meta?.includes('insights:context'))).toHaveLength(1);
    expect(classified()).toHaveLength(1);
    expect(classified()[0]).toHaveLength(3);
  });

  it('waits for a quiet minute after single writes, and single writes never delay a bulk write\'s recompute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDatabase();
    const { prospect } = await seedBook(db);
    const { insights, advance } = setup(db, { debounceMs: 2_000, singleWriteQuietMs: 60_000 });
    await insights.recompute();
    advance(1_000);
    insights.onDataChanged(wrote([prospect.id]));
    await vi.advanceTimersByTimeAsync(59_999);
    await insights.idle();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT });
    await vi.advanceTimersByTimeAsync(1);
    await insights.idle();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 1_000 });

    // A bulk write, then a single write before its recompute: still ~2 s after the bulk write.
    advance(1_000);
    insights.onDataChanged(wrote([]));
    await vi.advanceTimersByTimeAsync(1_500);
    insights.onDataChanged(wrote([prospect.id]));
    await vi.advanceTimersByTimeAsync(500);
    await insights.idle();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 2_000 });
  });

  it('drops a scheduled full recompute when one runs before it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDatabase();
    const { prospect } = await seedBook(db);
    const { insights, wait } = setup(db, { debounceMs: 2_000, singleWriteQuietMs: 60_000 });
    insights.onDataChanged(wrote([prospect.id]));
    await wait(10_000);
    await insights.recompute();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 10_000 });
    await wait(60_000);
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 10_000 });
    // A write after it schedules one again.
    insights.onDataChanged(wrote([prospect.id]));
    await wait(60_000);
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 130_000 });
  });

  it('holds a scheduled full recompute while an import uses the database, and runs it after the commit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDatabase();
    await seedBook(db);
    const { insights, wait } = setup(db, { debounceMs: 2_000 });
    // A chunk staged: the recompute the last bulk write asked for waits 30 s from then.
    insights.deferFull(30_000);
    insights.onDataChanged(wrote([]));
    await wait(2_000);
    expect(await readMeta(db, 'insights:context')).toBeUndefined();
    await wait(28_000);
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 30_000 });

    // The commit holds it for as long as it runs; its end sets a shorter wait (the last call decides).
    insights.deferFull(600_000);
    insights.onDataChanged(wrote([]));
    await wait(60_000);
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 30_000 });
    insights.deferFull(10_000);
    insights.onDataChanged(wrote([]));
    await wait(2_000);
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 30_000 });
    await wait(8_000);
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + 100_000 });
  });

  it('recomputes on start only when the stored figures are missing or older than a day', async () => {
    const db = freshDatabase();
    await seedBook(db);
    const { insights, advance } = setup(db);
    await insights.start();
    await insights.flush();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT });
    advance(STALE_MS - 1);
    await insights.start();
    await insights.flush();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT });
    advance(2);
    await insights.start();
    await insights.flush();
    expect(await readMeta(db, 'insights:context')).toMatchObject({ computedAt: AT + STALE_MS + 1 });
  });

  it('keeps a dismissed suggestion hidden until its facts change', async () => {
    const db = freshDatabase();
    const { small } = await seedBook(db);
    await db.interactions.add(makeInteraction({ customerId: small.id, kind: 'complaint_opened', at: AT - 3 * DAY, summary: 'Broken leg' }));
    const { insights } = setup(db);
    await insights.recompute();
    const before = await insights.card(small.id);
    const top = before?.suggestions[0];
    expect(top).toMatchObject({ ruleId: 'resolve-complaint', overdue: true });
    const after = await insights.dismiss(small.id, 'resolve-complaint', top?.factsKey ?? '');
    expect(after.suggestions.map((s) => s.ruleId)).not.toContain('resolve-complaint');
    // Still hidden after a full recompute (the hold lives in the database, not in memory).
    await insights.recompute();
    expect((await insights.card(small.id))?.suggestions.map((s) => s.ruleId)).not.toContain('resolve-complaint');
    await addInteraction(db, { customerId: small.id, kind: 'complaint_opened', at: AT, summary: 'Another one' }, AT);
    const back = await insights.card(small.id);
    expect(back?.suggestions[0]).toMatchObject({ ruleId: 'resolve-complaint' });
    expect(back?.suggestions[0]?.factsKey).not.toBe(top?.factsKey);
  });

  it('logs the matching interaction when a suggestion is done, and moves on to the next one', async () => {
    const db = freshDatabase();
    const { prospect } = await seedBook(db);
    await seedOrders(db, [makeOrder({ customerId: prospect.id, orderedAt: AT - 2 * DAY })]);
    const { insights, heard } = setup(db);
    await insights.recompute();
    expect((await insights.card(prospect.id))?.suggestions[0]?.ruleId).toBe('thank-first-order');
    heard.length = 0;
    const after = await insights.done(prospect.id, 'thank-first-order');
    const logged = await db.interactions.where('customerId').equals(prospect.id).toArray();
    expect(logged).toMatchObject([{ kind: 'thank_you', summary: 'Thank them for their first order', at: AT }]);
    expect(after.suggestions.map((s) => s.ruleId)).not.toContain('thank-first-order');
    // The interaction and the hold reached the change signal as the user's writes.
    const local = heard.filter((c) => c.origin === 'local');
    expect(local.flatMap((c) => c.tables).sort()).toEqual(expect.arrayContaining(['interactions', 'suggestionHolds']));
    expect(new Set(local.flatMap((c) => c.customerIds))).toEqual(new Set([prospect.id]));
  });

  it('logs `other` with the title for a suggestion no interaction kind answers; that contact resets check-in and win-back', async () => {
    const db = freshDatabase();
    const lapsing = await seedCustomer(db);
    await seedOrders(db, [50, 40, 30, 20].map((d) => makeOrder({ customerId: lapsing.id, orderedAt: AT - d * DAY })));
    const { insights } = setup(db);
    await insights.recompute();
    const top = (await insights.card(lapsing.id))?.suggestions[0];
    expect(['check-in-at-risk', 'win-back']).toContain(top?.ruleId);
    const after = await insights.done(lapsing.id, top!.ruleId);
    expect(await db.interactions.where('customerId').equals(lapsing.id).toArray()).toMatchObject([{ kind: 'other', summary: top?.title }]);
    expect(after.suggestions.map((s) => s.ruleId)).not.toContain('check-in-at-risk');
    expect(after.suggestions.map((s) => s.ruleId)).not.toContain('win-back');
  });

  it('hides a snoozed suggestion until the snooze runs out', async () => {
    const db = freshDatabase();
    const { small } = await seedBook(db);
    await db.interactions.add(makeInteraction({ customerId: small.id, kind: 'complaint_opened', at: AT - DAY }));
    const { insights, advance } = setup(db);
    const top = (await insights.card(small.id))?.suggestions[0];
    const snoozed = await insights.snooze(small.id, 'resolve-complaint', top?.factsKey ?? '', AT + DAY);
    expect(snoozed.suggestions.map((s) => s.ruleId)).not.toContain('resolve-complaint');
    advance(DAY + 1);
    expect((await insights.card(small.id))?.suggestions[0]?.ruleId).toBe('resolve-complaint');
  });

  it('takes back a Done with what it logged, and a snooze listed on the card', async () => {
    const db = freshDatabase();
    const { prospect, small } = await seedBook(db);
    await seedOrders(db, [makeOrder({ customerId: prospect.id, orderedAt: AT - 2 * DAY })]);
    await db.interactions.add(makeInteraction({ customerId: small.id, kind: 'complaint_opened', at: AT - DAY }));
    const { insights } = setup(db);
    await insights.recompute();
    const thank = (await insights.card(prospect.id))?.suggestions[0];
    const touched = (await db.customers.get(prospect.id))?.stats.lastTouchAt;
    await insights.done(prospect.id, 'thank-first-order');
    expect((await db.customers.get(prospect.id))?.stats.lastTouchAt).toBe(AT);
    const back = await insights.undo(prospect.id, 'thank-first-order', thank?.factsKey ?? '');
    expect(back.suggestions[0]?.ruleId).toBe('thank-first-order');
    const logged = await db.interactions.where('customerId').equals(prospect.id).toArray();
    expect(logged.map((i) => i.deletedAt !== null)).toEqual([true]);
    expect((await db.customers.get(prospect.id))?.stats.lastTouchAt).toBe(touched);

    const complaint = (await insights.card(small.id))?.suggestions[0];
    const snoozed = await insights.snooze(small.id, 'resolve-complaint', complaint?.factsKey ?? '', AT + 3 * DAY);
    expect(snoozed.held).toEqual([{ ruleId: 'resolve-complaint', factsKey: complaint?.factsKey, title: complaint?.title, kind: 'snoozed', until: AT + 3 * DAY }]);
    const again = await insights.undo(small.id, 'resolve-complaint', complaint?.factsKey ?? '');
    expect(again.held).toEqual([]);
    expect(again.suggestions[0]?.ruleId).toBe('resolve-complaint');
    await expect(insights.undo(small.id, 'resolve-complaint', complaint?.factsKey ?? '')).rejects.toThrow('nothing to undo');
  });

  it('refuses to act on a suggestion that is not open', async () => {
    const db = freshDatabase();
    const { big } = await seedBook(db);
    const { insights } = setup(db);
    await expect(insights.done(big.id, 'resolve-complaint')).rejects.toThrow('no longer open');
    await expect(insights.card('nobody')).resolves.toBeNull();
  });

  it("lists today's relationships ranked, the open complaint first and marked overdue, then by what is at stake", async () => {
    const db = freshDatabase();
    const { big, small, prospect } = await seedBook(db);
    await db.interactions.add(makeInteraction({ customerId: small.id, kind: 'complaint_opened', at: AT - 3 * DAY }));
    await seedOrders(db, [makeOrder({ customerId: prospect.id, orderedAt: AT - 2 * DAY })]);
    const { insights } = setup(db);
    const today = await insights.today(10);
    expect(today.items.map((i) => [i.customerId, i.suggestion.ruleId, i.suggestion.overdue, i.group])).toEqual([
      [small.id, 'resolve-complaint', true, 'service'],
      [big.id, 'reorder-reminder', true, 'grow'],
      [prospect.id, 'thank-first-order', false, 'personal'],
    ]);
    expect(today).toMatchObject({ total: 3, planSize: 10, campaign: 0, owner: { kind: 'concentration' } });
    // Done on one: it leaves today's list at once, without waiting for the full recompute.
    await insights.done(prospect.id, 'thank-first-order');
    expect((await insights.today(10)).items.map((i) => i.customerId)).toEqual([small.id, big.id]);
  });

  it('reports concentration with the top customers named', async () => {
    const db = freshDatabase();
    const { big } = await seedBook(db);
    const { insights } = setup(db);
    expect(await insights.concentration()).toBeNull();
    await insights.recompute();
    expect(await insights.concentration()).toMatchObject({
      top1Flagged: true,
      top1Share: 400_000 / 480_000,
      top: [{ customerId: big.id, name: 'Big' }, { name: 'Small' }],
    });
  });
});
