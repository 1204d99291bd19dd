import { describe, expect, it } from 'vitest';
import { recomputeAll } from '../../../lib/insights/recompute';
import { planFromInsights, todayList } from '../../../lib/insights/today';
import { DEFAULT_SETTINGS, type CustomerFacts } from '../../../lib/insights/types';
import { NOW, createCustomer, createFacts, createOrder } from './factories';

/** A first-order customer: the thank-you is due a day after `orderedAt`. */
function firstOrderAt(id: string, orderedAt: number): CustomerFacts {
  const customer = createCustomer({ id, name: id });
  return { customer, orders: [createOrder({ customerId: id, orderedAt })], interactions: [] };
}

const DAY = 86_400_000;

describe('todayList', () => {
  const book = [
    createFacts({ customer: { id: 'complaint', name: 'complaint' }, orders: [70, 40, 10], interactions: [['complaint_opened', 2]] }),
    createFacts({ customer: { id: 'lapsed', name: 'lapsed' }, orders: [400, 370, 340] }),
    // Next order expected in 7 days: the reminder is due in 4 days, not today.
    createFacts({ customer: { id: 'later', name: 'later' }, orders: [83, 53, 23] }),
    createFacts({ customer: { id: 'content', name: 'content' }, orders: [70, 40, 10], interactions: [['thank_you', 5]] }),
  ];

  it('lists relationships whose top suggestion is due by tonight, service first', () => {
    const list = todayList(book, DEFAULT_SETTINGS, NOW);
    expect(list.map((item) => [item.customerId, item.suggestion.ruleId, item.group])).toEqual([
      ['complaint', 'resolve-complaint', 'service'],
      ['lapsed', 'win-back', 'keep'],
    ]);
    expect(list[0]?.overdue).toBe(true);
    expect(list[1]?.stakeMinor).toBeGreaterThan(0);
  });

  it('takes dismissals and snoozes into account', () => {
    const key = todayList(book, DEFAULT_SETTINGS, NOW)[0]!.suggestion.factsKey;
    const state = { dismissals: [], snoozes: [{ customerId: 'complaint', ruleId: 'resolve-complaint', factsKey: key, until: NOW + DAY }] };
    const list = todayList(book, DEFAULT_SETTINGS, NOW, state);
    expect(list.map((item) => item.customerId)).not.toContain('complaint');
  });

  it('reads "today" in the business time zone, not in UTC', () => {
    // Wednesday 00:30 in Berlin is still Tuesday 22:30 in UTC.
    const now = Date.UTC(2026, 5, 9, 22, 30);
    const list = todayList(
      [
        firstOrderAt('due-today', Date.UTC(2026, 5, 9, 8)), // thank-you due Wednesday 10:00 Berlin
        firstOrderAt('due-yesterday', Date.UTC(2026, 5, 8, 8)), // thank-you due Tuesday 10:00 Berlin
        firstOrderAt('due-tomorrow', Date.UTC(2026, 5, 9, 22)), // thank-you due Thursday 00:00 → 09:00
      ],
      DEFAULT_SETTINGS,
      now,
    );
    expect(new Map(list.map((item) => [item.customerId, item.overdue]))).toEqual(new Map([['due-yesterday', true], ['due-today', false]]));
  });

  it('ranks by the value at stake: a large account drifting away before a small one', () => {
    const regular = (id: string, minor: number) => createFacts({ customer: { id, name: id }, orders: [190, 160, 130, 100, 70].map((days) => [days, minor] as const) });
    const list = todayList([regular('small', 2_000), regular('large', 200_000), regular('mid', 20_000)], DEFAULT_SETTINGS, NOW);
    expect(list.map((item) => item.customerId)).toEqual(['large', 'mid', 'small']);
    expect(list[0]!.stakeMinor).toBeGreaterThan(list[1]!.stakeMinor);
  });

  it('orders equal stakes by priority, due date, then customer id', () => {
    const list = todayList([firstOrderAt('b', NOW - 3 * DAY), firstOrderAt('a', NOW - 3 * DAY)], DEFAULT_SETTINGS, NOW);
    expect(list.map((item) => item.customerId)).toEqual(['a', 'b']);
  });
});

describe('planFromInsights', () => {
  it('moves one-time buyers long gone to the win-back campaign, out of the daily plan', () => {
    const book = [
      createFacts({ customer: { id: 'gone', name: 'Gone' }, orders: [[800, 5_000]] }),
      createFacts({ customer: { id: 'regular-gone', name: 'Regular' }, orders: [900, 870, 840, 810, 780] }),
    ];
    const plan = planFromInsights(recomputeAll(book, DEFAULT_SETTINGS, NOW), DEFAULT_SETTINGS, NOW);
    expect(plan.campaign.map((c) => c.customerId)).toEqual(['gone']);
    expect(plan.items.map((i) => i.customerId)).toEqual(['regular-gone']);
  });

  it('raises concentration as an action for the owner, naming the largest account', () => {
    const book = [
      createFacts({ customer: { id: 'big', name: 'Big Hotel' }, orders: [[30, 900_000], [10, 900_000]] }),
      ...Array.from({ length: 30 }, (_, i) => createFacts({ customer: { id: `s${i}` }, orders: [[20 + i, 10_000]] })),
    ];
    const plan = planFromInsights(recomputeAll(book, DEFAULT_SETTINGS, NOW), DEFAULT_SETTINGS, NOW);
    expect(plan.owner).toMatchObject({ kind: 'concentration', title: 'Broaden your customer base', customerId: 'big' });
    expect(plan.owner?.reason).toMatch(/^Big Hotel alone brings \d+ % of the last 12 months' revenue \(€[\d,.]+\); your limit is 15 %\.$/);
    expect(plan.owner?.steps[0]).toBe('Ask Big Hotel for a referral: happy large customers know others like them.');
    const relaxed = { ...DEFAULT_SETTINGS, concentrationAlert: { top1: 0.95, top5: 0.95 } };
    expect(planFromInsights(recomputeAll(book, relaxed, NOW), relaxed, NOW).owner).toBeNull();
  });
});
