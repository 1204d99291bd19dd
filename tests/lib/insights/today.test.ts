import { describe, expect, it } from 'vitest';
import { todayList } from '../../../lib/insights/today';
import { DEFAULT_SETTINGS, type CustomerFacts } from '../../../lib/insights/types';
import { NOW, createCustomer, createFacts, createOrder } from './factories';

/** A first-order customer: the thank-you is due a day after `orderedAt`. */
function firstOrderAt(id: string, orderedAt: number): CustomerFacts {
  const customer = createCustomer({ id, name: id });
  return { customer, orders: [createOrder({ customerId: id, orderedAt })], interactions: [] };
}

describe('todayList', () => {
  const book = [
    createFacts({ customer: { id: 'complaint', name: 'complaint' }, orders: [70, 40, 10], interactions: [['complaint_opened', 2]] }),
    createFacts({ customer: { id: 'lapsed', name: 'lapsed' }, orders: [400, 370, 340] }),
    // Next order expected in 7 days: the reminder is due in 4 days, not today.
    createFacts({ customer: { id: 'later', name: 'later' }, orders: [83, 53, 23] }),
    createFacts({ customer: { id: 'content', name: 'content' }, orders: [70, 40, 10], interactions: [['thank_you', 5]] }),
  ];

  it('lists relationships whose top suggestion is due by tonight, most important first', () => {
    const list = todayList(book, DEFAULT_SETTINGS, NOW);
    expect(list.map((item) => [item.customerId, item.suggestion.ruleId])).toEqual([
      ['complaint', 'resolve-complaint'],
      ['lapsed', 'win-back'],
    ]);
    expect(list.every((item) => item.overdue)).toBe(true);
  });

  it('takes dismissals and snoozes into account', () => {
    const key = todayList(book, DEFAULT_SETTINGS, NOW)[0]!.suggestion.factsKey;
    const state = { dismissals: [], snoozes: [{ customerId: 'complaint', ruleId: 'resolve-complaint', factsKey: key, until: NOW + 86_400_000 }] };
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
    expect(list.map((item) => [item.customerId, item.overdue])).toEqual([
      ['due-yesterday', true],
      ['due-today', false],
    ]);
  });

  it('orders equal priorities by due date, then by customer id', () => {
    const now = NOW;
    const list = todayList(
      [firstOrderAt('b', now - 3 * 86_400_000), firstOrderAt('a', now - 3 * 86_400_000), firstOrderAt('c', now - 5 * 86_400_000)],
      DEFAULT_SETTINGS,
      now,
    );
    expect(list.map((item) => item.customerId)).toEqual(['c', 'a', 'b']);
  });
});
