import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../lib/insights/rules/index';
import { compareSuggestions, suggestNextActions, type SuggestionContext } from '../../../lib/insights/suggest';
import { DEFAULT_SETTINGS, type CustomerFacts, type SuggestionState } from '../../../lib/insights/types';
import type { Customer } from '../../../lib/model/records';
import { NOW, TEST_PATTERN, createFacts, seededRandom, shuffle, tierResult } from './factories';

/**
 * Orders every 30 days with rising spend, the last 25 days ago (next one expected in 5 days),
 * praise 10 days ago, then a complaint 2 days ago, and a birthday in 3 days.
 */
function busyCustomer(customer: Partial<Customer> = {}): CustomerFacts {
  return createFacts({
    customer: { id: 'busy', birthday: '06-13', ...customer },
    orders: [[145, 10_000], [115, 10_000], [85, 15_000], [55, 15_000], [25, 15_000]],
    interactions: [['feedback_positive', 10], ['complaint_opened', 2]],
  });
}

const context: SuggestionContext = { settings: DEFAULT_SETTINGS, tier: tierResult('A'), rfm: { group: 'active', r: 4, f: 2, m: 3 }, pattern: TEST_PATTERN, businessMedianIntervalDays: null };
const none: SuggestionState = { dismissals: [], snoozes: [] };
const ids = (list: Suggestion[]) => list.map((s) => s.ruleId);

describe('suggestNextActions', () => {
  it('returns the top suggestion and two alternatives, an open complaint first', () => {
    expect(ids(suggestNextActions(busyCustomer(), context, NOW, none))).toEqual(['resolve-complaint', 'reorder-reminder', 'personal-occasion']);
  });

  it('brings the next rule up once the complaint is resolved', () => {
    const facts = busyCustomer();
    facts.interactions.push({ ...facts.interactions[1]!, id: 'resolved', kind: 'complaint_resolved', at: NOW - 1000 });
    expect(ids(suggestNextActions(facts, context, NOW, none))).toEqual(['reorder-reminder', 'personal-occasion', 'ask-referral']);
  });

  it('drops a dismissed suggestion while its facts are unchanged', () => {
    const facts = busyCustomer();
    const [top] = suggestNextActions(facts, context, NOW, none);
    const dismissed = { dismissals: [{ customerId: 'busy', ruleId: top!.ruleId, factsKey: top!.factsKey }], snoozes: [] };
    expect(ids(suggestNextActions(facts, context, NOW, dismissed))).toEqual(['reorder-reminder', 'personal-occasion', 'ask-referral']);
  });

  it('shows a dismissed rule again when the facts change (a new complaint)', () => {
    const dismissed = { dismissals: [{ customerId: 'busy', ruleId: 'resolve-complaint', factsKey: 'issue:an-older-one' }], snoozes: [] };
    expect(ids(suggestNextActions(busyCustomer(), context, NOW, dismissed))[0]).toBe('resolve-complaint');
  });

  it('ignores a dismissal for another customer or one that has run out', () => {
    const facts = busyCustomer();
    const key = suggestNextActions(facts, context, NOW, none)[0]!.factsKey;
    const state = {
      dismissals: [
        { customerId: 'someone-else', ruleId: 'resolve-complaint', factsKey: key },
        { customerId: 'busy', ruleId: 'resolve-complaint', factsKey: key, until: NOW - 1 },
      ],
      snoozes: [],
    };
    expect(ids(suggestNextActions(facts, context, NOW, state))[0]).toBe('resolve-complaint');
  });

  it('hides a snoozed suggestion until the snooze ends', () => {
    const facts = busyCustomer();
    const key = suggestNextActions(facts, context, NOW, none)[0]!.factsKey;
    const snoozed = (until: number) => ({ dismissals: [], snoozes: [{ customerId: 'busy', ruleId: 'resolve-complaint', factsKey: key, until }] });
    expect(ids(suggestNextActions(facts, context, NOW, snoozed(NOW + 1)))[0]).toBe('reorder-reminder');
    expect(ids(suggestNextActions(facts, context, NOW, snoozed(NOW)))[0]).toBe('resolve-complaint');
  });

  it("uses the customer's preferred channel, else email", () => {
    expect(suggestNextActions(busyCustomer({ preferredChannel: 'phone' }), context, NOW, none)[0]?.channel).toBe('phone');
    expect(suggestNextActions(busyCustomer(), context, NOW, none)[0]?.channel).toBe('email');
  });

  it('rewrites every suggestion for a difficult customer towards clear expectations, keeping the order', () => {
    const list = suggestNextActions(busyCustomer({ difficult: true }), context, NOW, none);
    expect(ids(list)).toEqual(['resolve-complaint', 'reorder-reminder', 'personal-occasion']);
    for (const s of list) {
      expect(s.boundary).toBe('difficult');
      expect(s.reason).toMatch(/set clear expectations, stick to defined services and say no politely/);
      expect(s.factsKey).toMatch(/\|difficult$/);
    }
    expect(list[0]?.title).toBe('Resolve the complaint within the agreed service, and confirm the outcome in writing');
    expect(list[1]?.title).toBe('Remind them to reorder, with the standard terms attached');
  });

  it('gives the same answer whatever order the rows arrive in', () => {
    const facts = busyCustomer();
    const reference = suggestNextActions(facts, context, NOW, none);
    const random = seededRandom(7);
    for (let i = 0; i < 5; i++) {
      const shuffled = { ...facts, orders: shuffle(facts.orders, random), interactions: shuffle(facts.interactions, random) };
      expect(suggestNextActions(shuffled, context, NOW, none)).toEqual(reference);
    }
  });

  it('suggests nothing for a content customer', () => {
    const facts = createFacts({ orders: [70, 40, 10], interactions: [['thank_you', 5]] });
    expect(suggestNextActions(facts, { ...context, tier: tierResult('B') }, NOW, none)).toEqual([]);
  });
});

describe('compareSuggestions', () => {
  const base = { customerId: 'c', title: '', reason: '', channel: 'email', factsKey: '', evidence: {}, boundary: null } as const;
  it('orders by priority desc, then due date asc, then rule id', () => {
    const list: Suggestion[] = [
      { ...base, ruleId: 'win-back', priority: 50, dueAt: 2 },
      { ...base, ruleId: 'upsell', priority: 50, dueAt: 1 },
      { ...base, ruleId: 'ask-feedback', priority: 50, dueAt: 2 },
      { ...base, ruleId: 'keep-in-touch', priority: 90, dueAt: 9 },
    ];
    expect(ids([...list].sort(compareSuggestions))).toEqual(['keep-in-touch', 'upsell', 'ask-feedback', 'win-back']);
  });
});
