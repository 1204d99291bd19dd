import { describe, expect, it } from 'vitest';
import { createDashboardBooks } from '../../../lib/background/dashboard-books';
import { dashboardHandlers } from '../../../lib/background/handlers/dashboard';
import { managerHandlers } from '../../../lib/background/handlers/manager';
import { createInsights } from '../../../lib/background/insights';
import { onDataChange, type CrmDatabase, type DataChange } from '../../../lib/db/index';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { DAY, freshDatabase, makeOrder, NOW, seedCustomer, seedOrders } from '../db/factories';
import { testDeps } from './fakes';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MANAGER = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, tab: { id: 3 } };
const CONTENT = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };
const AT = NOW + 10 * 3_600_000;

async function seed(db: CrmDatabase) {
  const big = await seedCustomer(db, { name: 'Big', tags: ['wholesale'] });
  const small = await seedCustomer(db, { name: 'Small' });
  await seedCustomer(db, { name: 'Prospect' });
  await seedOrders(db, [
    ...[30, 60, 90].map((d) => makeOrder({ customerId: big.id, orderedAt: AT - d * DAY, total: { currency: 'EUR', minor: 90_000 } })),
    makeOrder({ customerId: small.id, orderedAt: AT - 20 * DAY, total: { currency: 'EUR', minor: 10_000 } }),
    makeOrder({ customerId: small.id, orderedAt: AT - 25 * DAY, total: { currency: 'USD', minor: 5_000 } }),
  ]);
  return { big, small };
}

describe('the dashboard in the background', () => {
  it('answers from the book the last recompute built, and after a restart from the stored one without recomputing', async () => {
    const db = freshDatabase();
    await seed(db);
    const first = createInsights({ db, settings: async () => DEFAULT_SETTINGS, now: () => AT, books: createDashboardBooks(db) });
    // No book yet: the first request runs the recompute that builds it.
    const data = await first.dashboard({ period: 'last-12-months', tier: null, tag: null, currency: null });
    expect(data.summary).toEqual({ customers: 3, buyers: 2, orders: 5, revenueMinor: 280_000 });
    expect(data.currencies).toEqual([
      { currency: 'EUR', minor: 280_000, customers: 2 },
      { currency: 'USD', minor: 5_000, customers: 1 },
    ]);
    await first.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Every recompute writes the business context; none may run now.
    const heard: DataChange[] = [];
    onDataChange(db, (change) => heard.push(change));
    const restarted = createInsights({ db, settings: async () => DEFAULT_SETTINGS, now: () => AT + DAY, books: createDashboardBooks(db) });
    const again = await restarted.dashboard({ period: 'last-12-months', tier: null, tag: 'wholesale', currency: null });
    expect(again.builtAt).toBe(data.builtAt);
    expect(again.now).toBe(AT + DAY);
    expect(again.summary).toMatchObject({ customers: 1, revenueMinor: 270_000 });
    await restarted.idle();
    expect(heard).toEqual([]);
  });

  it('serves the dashboard and the customers behind a part to the manager only', async () => {
    const deps = testDeps(new Map());
    const { big } = await seed(deps.db);
    deps.insights = createInsights({ db: deps.db, settings: async () => DEFAULT_SETTINGS, now: () => AT, books: createDashboardBooks(deps.db) });
    const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
    const route = createRouter({ ...others, ...managerHandlers(deps), ...dashboardHandlers(deps) } as Handlers, EXTENSION_ID);
    const send = (type: string, payload: unknown, sender = MANAGER) => route({ type, payload }, sender);

    const reply = await send('dashboard.data', { filters: { period: 'last-90-days' } });
    expect(reply).toMatchObject({ ok: true, data: { currency: 'EUR', concentration: { payers: 2, top1Flagged: true } } });
    const filters = { period: 'last-90-days', tier: null, tag: null, currency: null };
    const top = await send('manager.list', { selection: { filters, segment: { part: 'top', count: 1 }, label: 'Your biggest customer' } });
    expect(top).toMatchObject({ ok: true, data: { total: 1, rows: [{ id: big.id, name: 'Big' }] } });
    const prospects = await send('manager.list', { selection: { filters, segment: { part: 'stage', stage: 'prospect' }, label: 'Prospects' } });
    expect(prospects).toMatchObject({ ok: true, data: { total: 1, rows: [{ name: 'Prospect' }] } });
    // A part that is not one: refused, nothing listed.
    expect(await send('manager.list', { selection: { filters, segment: { part: 'rfm', r: 9, band: 'low' }, label: 'x' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await send('dashboard.data', { filters: {} }, CONTENT)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
