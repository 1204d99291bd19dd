import { describe, expect, it } from 'vitest';
import { toInsightCard, toTodayEntry } from '../../../lib/background/insight-views';
import { recomputeAll } from '../../../lib/insights/recompute';
import { planFromInsights } from '../../../lib/insights/today';
import { DEFAULT_SETTINGS, type CustomerFacts } from '../../../lib/insights/types';
import { NOW, createFacts } from './factories';

/** Every number in a value (deeply) is finite, and no text reads NaN, Infinity or undefined. */
function expectClean(value: unknown, path = 'card'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (typeof value === 'string') expect(value, path).not.toMatch(/NaN|Infinity|undefined/);
  else if (Array.isArray(value)) value.forEach((v, i) => expectClean(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectClean(v, `${path}.${k}`);
}

/** The card and Today's entries the pages would get, for a book, checked clean. */
function check(book: CustomerFacts[]) {
  const insights = recomputeAll(book, DEFAULT_SETTINGS, NOW);
  for (const insight of insights.customers.values()) {
    const card = toInsightCard(insight, DEFAULT_SETTINGS, NOW, NOW);
    expectClean(card, `card of ${insight.customerId}`);
  }
  const plan = planFromInsights(insights, DEFAULT_SETTINGS, NOW);
  for (const item of plan.items) expectClean(toTodayEntry(item, null, DEFAULT_SETTINGS, NOW), `today ${item.customerId}`);
  expectClean(plan.owner, 'owner');
  expectClean(insights.pattern, 'pattern');
  return insights;
}

describe('bad input: the model, card and plan stay sensible', () => {
  it('orders in the future, zero and negative totals, refunds', () => {
    const insights = check([
      createFacts({ customer: { id: 'future' }, orders: [-30, -400] }),
      createFacts({ customer: { id: 'mixed' }, orders: [[200, 10_000], [100, 0], [50, -5_000], [-20, 10_000]] }),
      createFacts({ customer: { id: 'zero' }, orders: [[90, 0], [60, 0], [30, 0]] }),
      createFacts({ customer: { id: 'refunds' }, orders: [[40, -10_000], [20, -2_000]] }),
      createFacts({ customer: { id: 'same-day' }, orders: [5, 5, 5, 5] }),
      createFacts({ customer: { id: 'regular' }, orders: [120, 90, 60, 30] }),
    ]);
    // Only future orders: nothing to predict yet.
    expect(insights.customers.get('future')!.buying.pAlive).toBeNull();
    // Free orders pull their expected order value down (the business average counts as one order against their three).
    const regular = insights.customers.get('regular')!.buying;
    expect(insights.customers.get('zero')!.buying.valueIfRetained12mMinor).toBeLessThan(regular.valueIfRetained12mMinor / 4);
    expect(insights.customers.get('refunds')!.buying.pAlive).toBeNull();
  });

  it('one customer with 10,000 orders', () => {
    const orders = Array.from({ length: 10_000 }, (_, i) => [i * 0.1, 1_000 + (i % 7) * 100] as const);
    const started = performance.now();
    const insights = check([createFacts({ customer: { id: 'huge' }, orders }), createFacts({ customer: { id: 'small' }, orders: [300, 10] })]);
    expect(performance.now() - started).toBeLessThan(5_000);
    const huge = insights.customers.get('huge')!;
    expect(huge.buying.pAlive).toBeGreaterThan(0.5);
  });

  it('a book of one customer, and of one customer with one order', () => {
    check([createFacts({ customer: { id: 'only' }, orders: [400, 200, 10] })]);
    check([createFacts({ customer: { id: 'once' }, orders: [3] })]);
    check([createFacts({ customer: { id: 'none' } })]);
    check([]);
  });
});
