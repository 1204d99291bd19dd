import { describe, expect, it } from 'vitest';
import { explain } from '../../../lib/insights/explain';
import { recomputeAll } from '../../../lib/insights/recompute';
import { todayList } from '../../../lib/insights/today';
import { DEFAULT_SETTINGS, type CustomerFacts } from '../../../lib/insights/types';
import type { Customer, InteractionKind } from '../../../lib/model/records';
import { NOW, createCustomer, createInteraction, createOrder, daysAgo } from './factories';

/**
 * A small coffee roaster in Berlin: cafés, hotels and offices buying beans on a rhythm, a few
 * home brewers, some prospects. "Today" is Wednesday 10 June 2026, noon. Every order series
 * starts at most 350 days ago (so no first-order anniversary falls into this week unless
 * wanted). Amounts in euros.
 */
type Row = {
  name: string;
  /** Days ago and amount in euros. */
  orders: readonly (readonly [days: number, euros: number])[];
  log?: readonly (readonly [InteractionKind, days: number, summary?: string])[];
  customer?: Partial<Customer>;
};

/** An order every `interval` days, the latest `last` days ago, going back to at most `since` days. */
function every(interval: number, last: number, euros: number, since = 350): [number, number][] {
  const orders: [number, number][] = [];
  for (let days = last; days <= since; days += interval) orders.push([days, euros]);
  return orders;
}

const BOOK: readonly Row[] = [
  // Big regulars.
  { name: 'Café Morgenrot', orders: every(14, 2, 600), log: [['complaint_opened', 3, 'Burnt taste in the last batch of the house blend']] },
  { name: 'Hotel Linde', orders: every(30, 25, 1200) }, // next order expected in 5 days
  { name: 'Buchladen Café Seite', orders: every(30, 8, 1000), log: [['feedback_positive', 10, 'Guests love the Ethiopian']] },
  { name: 'Hotel Adler', orders: every(45, 35, 1500) }, // tier A, nobody in touch for 35 days
  { name: 'Pension Seeblick', orders: every(30, 27, 700), log: [['complaint_opened', 20, 'Late delivery'], ['complaint_resolved', 10, 'Refunded shipping']] },
  { name: 'Kantine Nord', orders: every(30, 120, 900) }, // stopped four months ago
  { name: 'Bistro Anker', orders: every(21, 40, 500) }, // usually every 3 weeks, now 40 days
  { name: 'Café Kranich', orders: [...every(30, 96, 300), ...every(30, 6, 600, 66)] }, // doubled their order
  { name: 'Weinbar Kork', orders: every(30, 9, 400), log: [['feedback_negative', 6, 'Grinder setting advice was wrong']] },
  // Smaller customers.
  { name: 'Herr Brandt', orders: every(45, 20, 250), customer: { difficult: true } },
  { name: 'Familie Öztürk', orders: every(30, 12, 60), customer: { birthday: '1979-06-13' } },
  { name: 'Eva Sommer', orders: [[4, 35]] }, // first order this week
  { name: 'Café Fenster', orders: every(30, 12, 250) },
  { name: 'Bäckerei Korn', orders: every(60, 40, 400) },
  { name: 'Jana Pohl', orders: every(30, 10, 25) },
  { name: 'Tom Krüger', orders: [[200, 30]] },
  { name: 'Studio Licht', orders: [[45, 80]] },
  { name: 'Café Ecke', orders: every(30, 3, 350) },
  { name: 'Büro Schmidt', orders: every(30, 18, 200) },
  { name: 'Restaurant Olive', orders: every(14, 5, 300) },
  { name: 'Max Richter', orders: [[100, 40], [70, 40]] },
  { name: 'Anna Lorenz', orders: [[20, 45]], log: [['thank_you', 19]] },
  { name: 'Co-Working Hafen', orders: every(30, 29, 450) },
  { name: 'Feinkost Berg', orders: every(60, 50, 800) },
  { name: 'Hostel Mitte', orders: every(30, 200, 300) },
  { name: 'Kaffeeklatsch e.V.', orders: every(30, 15, 150), log: [['complaint_opened', 40], ['complaint_resolved', 35]] },
  { name: 'Galerie Blau', orders: [[60, 500], [30, 500], [25, -500]] },
  // Prospects.
  { name: 'Lena Vogt', orders: [], log: [['email', 16, 'Asked for a wholesale price list']], customer: { createdAt: daysAgo(20) } },
  { name: 'Marta Schulz', orders: [], customer: { createdAt: daysAgo(5) } },
  { name: 'Yoga Haus', orders: [], log: [['email', 40], ['call', 25], ['email', 10]], customer: { createdAt: daysAgo(45) } },
];

function build(rows: readonly Row[]): CustomerFacts[] {
  return rows.map((row) => {
    const customer = createCustomer({ id: row.name, name: row.name, ...row.customer });
    return {
      customer,
      orders: row.orders.map(([days, euros]) => createOrder({ customerId: customer.id, orderedAt: daysAgo(days), minor: euros * 100 })),
      interactions: (row.log ?? []).map(([kind, days, summary]) => createInteraction(kind, daysAgo(days), { customerId: customer.id, summary: summary ?? '' })),
    };
  });
}

describe('a small coffee roaster', () => {
  const insights = recomputeAll(build(BOOK), DEFAULT_SETTINGS, NOW);
  const top = (name: string) => insights.customers.get(name)?.suggestions[0];

  it('has 30 customers', () => {
    expect(insights.customers.size).toBe(30);
  });

  it.each([
    ['Café Morgenrot', 'resolve-complaint'], // open complaint outranks everything
    ['Weinbar Kork', 'resolve-complaint'], // negative feedback, nothing positive since
    ['Pension Seeblick', 'reorder-reminder'], // complaint resolved; every 30 days, last 27 days ago
    ['Hotel Linde', 'reorder-reminder'], // every 30 days, last 25 days ago
    ['Bistro Anker', 'check-in-at-risk'], // every 21 days, now 40: the chance they still buy fell
    ['Kantine Nord', 'win-back'], // every 30 days, now 120: unlikely to still buy
    ['Eva Sommer', 'thank-first-order'], // first order 4 days ago
    ['Buchladen Café Seite', 'ask-referral'], // tier A, praise 10 days ago
    ['Hotel Adler', 'keep-in-touch'], // tier A, 35 days without contact (cadence 30)
    ['Herr Brandt', 'ask-feedback'], // last order 20 days ago, nothing heard
    ['Familie Öztürk', 'personal-occasion'], // birthday on Saturday
    ['Café Kranich', 'upsell'], // last 3 orders €600, before €300
    ['Lena Vogt', 'follow-up-prospect'], // one email 16 days ago
    ['Marta Schulz', undefined], // prospect added 5 days ago: nothing yet
  ])('%s → %s', (name, ruleId) => {
    expect(top(name)?.ruleId).toBe(ruleId);
  });

  it('ranks the biggest accounts A and keeps prospects apart', () => {
    const tier = (name: string) => insights.customers.get(name)?.tier.tier;
    expect(['Café Morgenrot', 'Hotel Linde', 'Buchladen Café Seite', 'Hotel Adler'].map(tier)).toEqual(['A', 'A', 'A', 'A']);
    expect([tier('Jana Pohl'), tier('Eva Sommer'), tier('Lena Vogt')]).toEqual(['C', 'C', 'Prospect']);
  });

  it('rewrites the difficult customer’s suggestion around clear expectations', () => {
    expect(top('Herr Brandt')).toMatchObject({ boundary: 'difficult', title: 'Ask for feedback on the agreed service, in a short written survey' });
  });

  it('explains a suggestion in plain words', () => {
    expect(top('Bistro Anker')?.reason).toMatch(/^Hasn't ordered for 6 weeks; usually every 3 weeks\. About \d+ % likely still buying\.$/);
    expect(top('Familie Öztürk')?.reason).toBe('Birthday in 3 days (turns 47).');
  });

  it('puts the open complaints at the top of today’s list, the older one first', () => {
    const today = todayList(build(BOOK), DEFAULT_SETTINGS, NOW);
    expect(today.slice(0, 2).map((item) => item.name)).toEqual(['Weinbar Kork', 'Café Morgenrot']);
    expect(today.slice(0, 2).map((item) => item.overdue)).toEqual([true, true]);
    expect(today.every((item) => item.suggestion.dueAt < Date.UTC(2026, 5, 10, 22))).toBe(true);
  });

  it('explains the tier of the biggest customer with its rank and share', () => {
    const explanation = explain(insights.customers.get('Café Morgenrot')!, DEFAULT_SETTINGS);
    expect(explanation.tier.facts).toMatchObject({ tier: 'A', rank: 1, cumulativeShareBefore: 0, thresholdA: 0.8 });
    expect(explanation.tier.sentences[0]).toMatch(/^Ranked 1 by revenue over the last 12 months: €15,000\.00, /);
  });
});
