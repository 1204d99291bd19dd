import { describe, expect, it } from 'vitest';
import { businessMedianIntervalDays, computeFigures, medianInterval } from '../../../lib/insights/figures';
import { prepareFacts } from '../../../lib/insights/prepare';
import type { CustomerFacts } from '../../../lib/insights/types';
import { DAY, NOW, createFacts, createInteraction, createOrder, daysAgo } from './factories';

function figuresOf(facts: CustomerFacts, currency = 'EUR') {
  return computeFigures(prepareFacts(facts, NOW), currency, NOW);
}

describe('computeFigures', () => {
  it.each([
    {
      name: 'no orders',
      facts: createFacts(),
      expected: { orderCount: 0, currency: null, lifetimeMinor: 0, averageOrderMinor: null, firstOrderAt: null, medianIntervalDays: null, expectedNextOrderAt: null, daysSinceLastOrder: null },
    },
    {
      name: 'one order',
      facts: createFacts({ orders: [[20, 5_000]] }),
      expected: { orderCount: 1, currency: 'EUR', lifetimeMinor: 5_000, trailing12mMinor: 5_000, averageOrderMinor: 5_000, firstOrderAt: daysAgo(20), lastOrderAt: daysAgo(20), medianIntervalDays: null, expectedNextOrderAt: null, daysSinceLastOrder: 20 },
    },
    {
      name: 'orders every 30 days, one older than a year',
      facts: createFacts({ orders: [[400, 1_000], [90, 2_000], [60, 3_000], [30, 4_000]] }),
      expected: { orderCount: 4, lifetimeMinor: 10_000, trailing12mMinor: 9_000, averageOrderMinor: 2_500, medianIntervalDays: 30, expectedNextOrderAt: daysAgo(0), daysSinceLastOrder: 30 },
    },
    {
      name: 'zero-total orders count as orders but add no revenue',
      facts: createFacts({ orders: [[40, 0], [10, 6_000]] }),
      expected: { orderCount: 2, lifetimeMinor: 6_000, averageOrderMinor: 3_000, firstOrderAt: daysAgo(40), medianIntervalDays: 30 },
    },
    {
      name: 'a refund reduces revenue and is not an order',
      facts: createFacts({ orders: [[40, 10_000], [35, -4_000], [10, 2_000]] }),
      expected: { orderCount: 2, refundCount: 1, lifetimeMinor: 8_000, trailing12mMinor: 8_000, averageOrderMinor: 4_000, lastOrderAt: daysAgo(10), medianIntervalDays: 30 },
    },
    {
      name: 'future-dated orders are ignored',
      facts: createFacts({ orders: [[10, 5_000], [-5, 9_000]] }),
      expected: { orderCount: 1, lifetimeMinor: 5_000, lastOrderAt: daysAgo(10), daysSinceLastOrder: 10 },
    },
    {
      name: 'orders less than a day apart are one visit for the interval',
      facts: createFacts({ orders: [[60, 1_000], [59.9, 1_000], [30, 1_000], [0.5, 1_000]] }),
      expected: { orderCount: 4, medianIntervalDays: 29.75 },
    },
  ])('$name', ({ facts, expected }) => {
    expect(figuresOf(facts)).toMatchObject(expected);
  });

  it('ignores tombstoned orders and interactions', () => {
    const facts = createFacts({ orders: [[10, 5_000]], interactions: [['call', 2]] });
    facts.orders.push(createOrder({ customerId: facts.customer.id, orderedAt: daysAgo(1), minor: 9_999, deletedAt: daysAgo(0) }));
    facts.interactions.push(createInteraction('email', daysAgo(0), { deletedAt: daysAgo(0) }));
    expect(figuresOf(facts)).toMatchObject({ orderCount: 1, lifetimeMinor: 5_000, daysSinceLastTouch: 2 });
  });

  it('ignores cancelled and voided orders', () => {
    const facts = createFacts({ orders: [[10, 5_000]] });
    facts.orders.push(createOrder({ customerId: facts.customer.id, orderedAt: daysAgo(5), minor: 7_000, status: 'Cancelled' }));
    facts.orders.push(createOrder({ customerId: facts.customer.id, orderedAt: daysAgo(3), minor: 7_000, status: 'voided' }));
    facts.orders.push(createOrder({ customerId: facts.customer.id, orderedAt: daysAgo(1), minor: 1_000, status: 'refunded' }));
    expect(figuresOf(facts)).toMatchObject({ orderCount: 2, lifetimeMinor: 6_000, lastOrderAt: daysAgo(1) });
  });

  it('counts the latest order or interaction as the last touch, but not a future one', () => {
    const facts = createFacts({ orders: [[50]], interactions: [['call', 12], ['meeting', -3]] });
    expect(figuresOf(facts)).toMatchObject({ lastTouchAt: daysAgo(12), daysSinceLastTouch: 12 });
    expect(figuresOf(createFacts({ orders: [[50]] }))).toMatchObject({ daysSinceLastTouch: 50 });
  });

  describe('several currencies', () => {
    // 300 EUR lifetime, 500 USD lifetime: USD is the main currency of this customer.
    const facts = createFacts({ orders: [[100, 10_000, 'EUR'], [80, 20_000, 'EUR'], [60, 25_000, 'USD'], [20, 25_000, 'USD']] });

    it('gives the customer figures in their main currency and keeps every currency apart', () => {
      expect(figuresOf(facts)).toMatchObject({
        currency: 'USD',
        lifetimeMinor: 50_000,
        averageOrderMinor: 25_000,
        orderCount: 4,
        revenue: [{ currency: 'EUR', minor: 30_000 }, { currency: 'USD', minor: 50_000 }],
      });
    });

    it('ranks only revenue in the business currency', () => {
      expect(figuresOf(facts, 'EUR')).toMatchObject({ rankedRevenue12mMinor: 30_000, rankedLifetimeMinor: 30_000 });
      expect(figuresOf(facts, 'GBP')).toMatchObject({ rankedRevenue12mMinor: 0, rankedLifetimeMinor: 0 });
    });

    it('breaks a revenue tie between currencies towards the business currency', () => {
      const tie = createFacts({ orders: [[30, 10_000, 'USD'], [20, 10_000, 'EUR']] });
      expect(figuresOf(tie, 'EUR').currency).toBe('EUR');
      expect(figuresOf(tie, 'USD').currency).toBe('USD');
    });
  });
});

describe('medianInterval', () => {
  it('is null with fewer than two purchase days and the middle gap otherwise', () => {
    expect(medianInterval([])).toBeNull();
    expect(medianInterval([0, DAY / 2])).toBeNull();
    expect(medianInterval([0, 10 * DAY, 40 * DAY, 50 * DAY])).toBe(10);
  });
});

describe('businessMedianIntervalDays', () => {
  it('is the median of the own intervals of customers with a rhythm', () => {
    const all = [
      createFacts({ orders: [[40], [30]] }),
      createFacts({ orders: [[100], [80], [60]] }),
      createFacts({ orders: [[90], [50]] }),
      createFacts({ orders: [[5]] }),
      createFacts(),
    ].map((f) => figuresOf(f));
    expect(businessMedianIntervalDays(all)).toBe(20);
    expect(businessMedianIntervalDays([figuresOf(createFacts({ orders: [[5]] }))])).toBeNull();
  });
});

