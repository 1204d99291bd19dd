import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrmDatabase } from '../../../lib/db/schema';
import { addInteraction, addOrder } from '../../../lib/db/index';
import { cadenceTier, overdueList } from '../../../lib/reminders/cadence';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import type { Customer } from '../../../lib/model/records';
import { DAY, NOW, freshDatabase, makeCustomer, seedCustomer } from '../db/factories';

const CADENCE = DEFAULT_SETTINGS.cadenceDays; // A 30, B 60, C 120, Prospect 30

function touched(daysAgo: number, fields: Partial<Customer> = {}): Customer {
  const customer = makeCustomer(fields);
  return { ...customer, stats: { ...customer.stats, lastTouchAt: NOW - daysAgo * DAY } };
}

const insights = (tier: 'A' | 'B' | 'C' | 'Prospect') => ({ tier, tierOverridden: false, rfm: 'Loyal', stage: 'active', computedAt: NOW }) as const;

describe('cadenceTier', () => {
  it.each([
    ['the override, even over a cached tier computed before it was set', { insights: insights('A'), tierOverride: 'B' as const }, 'B'],
    ['the cached insights tier without an override', { insights: insights('A'), tierOverride: null }, 'A'],
    ['the override until insights are computed', { insights: null, tierOverride: 'B' as const }, 'B'],
    ['C when neither is known', { insights: null, tierOverride: null }, 'C'],
  ])('uses %s', (_label, fields, tier) => {
    expect(cadenceTier(makeCustomer(fields))).toBe(tier);
  });
});

describe('overdueList', () => {
  it.each([
    ['A', 31, true],
    ['A', 29, false],
    ['C', 121, true],
    ['C', 100, false],
  ] as const)('marks a tier %s customer last touched %i days ago overdue: %s', (tier, days, overdue) => {
    const items = overdueList([touched(days, { insights: insights(tier) })], CADENCE, NOW, { horizonDays: 0 });
    expect(items.map((i) => i.overdue)).toEqual(overdue ? [true] : []);
  });

  it('lists the longest overdue first and marks those only coming due', () => {
    const week = touched(37, { name: 'Week', insights: insights('A') });
    const month = touched(60, { name: 'Month', insights: insights('A') });
    const soon = touched(27, { name: 'Soon', insights: insights('A') });
    const items = overdueList([week, soon, month], CADENCE, NOW);
    expect(items.map((i) => [i.name, i.overdue, i.daysOverdue])).toEqual([
      ['Month', true, 30],
      ['Week', true, 7],
      ['Soon', false, 0],
    ]);
  });

  it('counts a never-touched customer from when they were added and skips deleted ones', () => {
    const fresh = makeCustomer({ createdAt: NOW - 200 * DAY });
    const gone = { ...touched(500), deletedAt: NOW };
    const items = overdueList([fresh, gone], CADENCE, NOW);
    expect(items.map((i) => [i.customerId, i.lastTouchAt])).toEqual([[fresh.id, null]]);
  });

  it('reads the cadence from the settings', () => {
    const customer = touched(10, { insights: insights('B') });
    expect(overdueList([customer], { ...CADENCE, B: 7 }, NOW, { horizonDays: 0 })).toHaveLength(1);
  });
});

describe('keep-in-touch cadence reset', () => {
  let db: CrmDatabase;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    db = freshDatabase();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await db.delete();
  });

  async function overdueNow() {
    return overdueList(await db.customers.toArray(), CADENCE, Date.now(), { horizonDays: 0 }).map((i) => i.customerId);
  }

  it.each(['call', 'email', 'survey_sent', 'complaint_opened', 'other'] as const)('is reset by a logged %s', async (kind) => {
    const customer = await seedCustomer(db, { tierOverride: 'A' });
    await addOrder(db, { customerId: customer.id, orderedAt: Date.now() - 40 * DAY, total: { currency: 'EUR', minor: 100 } }, Date.now());
    expect(await overdueNow()).toEqual([customer.id]);

    await addInteraction(db, { customerId: customer.id, kind, at: Date.now() }, Date.now());
    expect(await overdueNow()).toEqual([]);

    // A full cadence later it is due again.
    vi.setSystemTime(NOW + 31 * DAY);
    expect(await overdueNow()).toEqual([customer.id]);
  });

  it('is reset by an order too', async () => {
    const customer = await seedCustomer(db, { tierOverride: 'A', createdAt: NOW - 90 * DAY });
    expect(await overdueNow()).toEqual([customer.id]);
    await addOrder(db, { customerId: customer.id, orderedAt: Date.now(), total: { currency: 'EUR', minor: 100 } }, Date.now());
    expect(await overdueNow()).toEqual([]);
  });
});
