import { describe, expect, it, vi } from 'vitest';
import { mergePushes, PUSH_CUSTOMER_LIMIT, toPush, wireChanges } from '../../../lib/background/changes';
import { handleMenuClick, MENU_IDS } from '../../../lib/background/context-menus';
import { interactionHandlers } from '../../../lib/background/handlers/interactions';
import { quickNoteHandlers } from '../../../lib/background/handlers/quick-notes';
import { CONTEXT_KEY } from '../../../lib/background/insight-store';
import { bulkInsert, stageChunk, type DataChange } from '../../../lib/db/index';
import type { PushEvent } from '../../../lib/messaging/protocol';
import { freshDatabase, makeCustomer } from '../db/factories';
import { testDeps } from './fakes';

function change(over: Partial<DataChange>): DataChange {
  return { tables: ['customers'], ids: {}, customerIds: [], companyIds: [], origin: 'local', ...over };
}

describe('toPush', () => {
  it('names the customers of a write, and pushes nothing for tables no page shows', () => {
    expect(toPush(change({ tables: ['notes', 'customers'], customerIds: ['a'] }))).toEqual({ type: 'data', customerIds: ['a'], all: false });
    expect(toPush(change({ tables: ['importChunks'] }))).toBeNull();
    expect(toPush(change({ tables: ['orderFactPages', 'orderKeyPages'] }))).toBeNull();
  });

  it('says "anyone" for companies, settings, the business-wide context and bulk writes', () => {
    const all = { type: 'data', customerIds: [], all: true };
    expect(toPush(change({ tables: ['companies'], companyIds: ['x'] }))).toEqual(all);
    expect(toPush(change({ tables: ['settings'], ids: { settings: ['settings'] } }))).toEqual(all);
    // The sidebar's collapse state: content scripts follow it through their own push.
    expect(toPush(change({ tables: ['settings'], ids: { settings: ['ui'] } }))).toBeNull();
    expect(toPush(change({ tables: ['meta'], ids: { meta: [CONTEXT_KEY] } }))).toEqual(all);
    const many = Array.from({ length: PUSH_CUSTOMER_LIMIT + 1 }, (_, i) => `c${i}`);
    expect(toPush(change({ customerIds: many }))).toEqual(all);
    // Today's list or a backup time: lists change, no customer's card.
    expect(toPush(change({ tables: ['meta'], ids: { meta: ['insights:agenda'] } }))).toEqual({ type: 'data', customerIds: [], all: false });
  });

  it('merges two pushes into one', () => {
    const a: PushEvent & { type: 'data' } = { type: 'data', customerIds: ['a'], all: false };
    expect(mergePushes(a, { type: 'data', customerIds: ['b', 'a'], all: false })).toEqual({ type: 'data', customerIds: ['a', 'b'], all: false });
    expect(mergePushes(a, { type: 'data', customerIds: [], all: true })).toEqual({ type: 'data', customerIds: [], all: true });
  });
});

describe('wireChanges', () => {
  it('sends a handler’s write to the pages and the insights once it commits, without the handler pushing', async () => {
    const db = freshDatabase();
    await bulkInsert(db, { customers: [makeCustomer({ id: 'a' })], companies: [], orders: [], interactions: [], notes: [] });
    const toAll = vi.fn();
    const invalidate = vi.fn();
    const heard: DataChange[] = [];
    wireChanges({ db, toAll, invalidate, insights: { onDataChanged: (c) => heard.push(c) } });
    await interactionHandlers(testDeps(new Map(), { db }))['interaction.log']({ customerId: 'a', kind: 'call', summary: '' }, { sender: 'page', tabId: 1 });
    expect(toAll).toHaveBeenCalledWith({ type: 'data', customerIds: ['a'], all: false });
    expect(invalidate).toHaveBeenCalled();
    expect(heard).toMatchObject([{ tables: expect.arrayContaining(['interactions', 'customers']), customerIds: ['a'], origin: 'local' }]);
  });

  it('sends the first push of a burst at once and the rest as one push after a short gap', async () => {
    const db = freshDatabase();
    const toAll = vi.fn();
    const timers: (() => void)[] = [];
    wireChanges({ db, toAll, now: () => 1_000, setTimeout: (run) => timers.push(run) });
    for (const id of ['a', 'b', 'c']) await db.customers.put(makeCustomer({ id }));
    expect(toAll.mock.calls).toEqual([[{ type: 'data', customerIds: ['a'], all: false }]]);
    expect(timers).toHaveLength(1);
    timers[0]?.();
    expect(toAll.mock.calls[1]).toEqual([{ type: 'data', customerIds: ['b', 'c'], all: false }]);
  });

  it('tells the insights and the pages of quick capture: a customer added from the context menu, a quick note saved', async () => {
    const db = freshDatabase();
    const toAll = vi.fn();
    const heard: DataChange[] = [];
    wireChanges({ db, toAll, insights: { onDataChanged: (c) => heard.push(c) }, now: () => 0, setTimeout: () => undefined });
    await handleMenuClick({ menuItemId: MENU_IDS.addCustomer, linkUrl: 'mailto:maria.berg@gmail.com', linkText: 'Maria Berg' }, 1, {
      db,
      putDraft: async () => undefined,
      openQuickNote: async () => undefined,
      now: () => 1_000,
    });
    const customerId = heard[0]?.customerIds[0] as string;
    expect(heard[0]).toMatchObject({ tables: expect.arrayContaining(['customers']), customerIds: [customerId], origin: 'local' });
    expect(toAll).toHaveBeenCalledWith({ type: 'data', customerIds: [customerId], all: false });

    await quickNoteHandlers(testDeps(new Map(), { db }))['quicknote.save'](
      { customerId, body: 'Wants the oak table in May', onCompany: false, logAs: 'call', remindAt: null },
      { sender: 'page', tabId: 1 },
    );
    const tables = heard.slice(1).flatMap((c) => c.tables);
    expect(tables).toEqual(expect.arrayContaining(['notes', 'interactions']));
    expect(heard.slice(1).every((c) => c.customerIds.includes(customerId))).toBe(true);
  });

  it('tells the insights of changes the pages are not pushed (import staging)', async () => {
    const db = freshDatabase();
    const toAll = vi.fn();
    const onDataChanged = vi.fn();
    wireChanges({ db, toAll, insights: { onDataChanged } });
    await stageChunk(db, 'imp', 0, { kind: 'drafts', customers: [], orders: [] });
    expect(toAll).not.toHaveBeenCalled();
    expect(onDataChanged).toHaveBeenCalledTimes(1);
  });
});
