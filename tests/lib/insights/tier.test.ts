import { describe, expect, it } from 'vitest';
import { computeTiers } from '../../../lib/insights/tier';
import { DEFAULT_SETTINGS, type CustomerFacts, type TierName } from '../../../lib/insights/types';
import { NOW, createFacts, seededRandom, shuffle } from './factories';

/** Customers named by id, each with one order of `minor` 10 days ago (or none). */
function book(revenues: Record<string, number | null>): CustomerFacts[] {
  return Object.entries(revenues).map(([id, minor]) =>
    createFacts({ customer: { id }, orders: minor === null ? [] : [[10, minor]] }),
  );
}

function tiersOf(all: CustomerFacts[], settings = DEFAULT_SETTINGS): Record<string, TierName> {
  const result: Record<string, TierName> = {};
  for (const [id, t] of computeTiers(all, settings, NOW)) result[id] = t.tier;
  return result;
}

describe('computeTiers', () => {
  it.each<{ name: string; revenues: Record<string, number | null>; expected: Record<string, TierName> }>([
    { name: 'one customer is A', revenues: { a: 100 }, expected: { a: 'A' } },
    { name: 'two customers at 90/10', revenues: { a: 90, b: 10 }, expected: { a: 'A', b: 'B' } },
    { name: 'two customers at 50/50 tie into A', revenues: { a: 50, b: 50 }, expected: { a: 'A', b: 'A' } },
    { name: 'three customers at 60/30/10', revenues: { a: 60, b: 30, c: 10 }, expected: { a: 'A', b: 'A', c: 'B' } },
    { name: 'three customers at 97/2/1', revenues: { a: 97, b: 2, c: 1 }, expected: { a: 'A', b: 'C', c: 'C' } },
    {
      name: 'the customer who crosses 80 % is A, 95 % is B',
      revenues: { a: 50, b: 25, c: 10, d: 8, e: 4, f: 3 },
      // shares above: a 0, b 50, c 75, d 85, e 93, f 97
      expected: { a: 'A', b: 'A', c: 'A', d: 'B', e: 'B', f: 'C' },
    },
    {
      name: 'identical revenue at the A boundary all take A',
      revenues: { a: 70, b: 10, c: 10, d: 10 },
      // above b: 70 % → A; c ties b; d ties c
      expected: { a: 'A', b: 'A', c: 'A', d: 'A' },
    },
    { name: 'no purchase is Prospect', revenues: { a: 100, p: null }, expected: { a: 'A', p: 'Prospect' } },
    { name: 'a zero-total order is a purchase: C, not Prospect', revenues: { a: 100, z: 0 }, expected: { a: 'A', z: 'C' } },
  ])('$name', ({ revenues, expected }) => {
    expect(tiersOf(book(revenues))).toEqual(expected);
  });

  it('puts purchases with no 12-month revenue in C (old orders, refunds, another currency)', () => {
    const all = [
      createFacts({ customer: { id: 'top' }, orders: [[10, 100_00]] }),
      createFacts({ customer: { id: 'old' }, orders: [[500, 900_00]] }),
      createFacts({ customer: { id: 'refunded' }, orders: [[30, 50_00], [20, -50_00]] }),
      createFacts({ customer: { id: 'dollars' }, orders: [[10, 900_00, 'USD']] }),
      createFacts({ customer: { id: 'future' }, orders: [[-10, 900_00]] }),
    ];
    expect(tiersOf(all)).toEqual({ top: 'A', old: 'C', refunded: 'C', dollars: 'C', future: 'Prospect' });
  });

  it('lets a manual override win and keeps the computed tier beside it', () => {
    const all = book({ a: 90, b: 10 });
    all[1] = { ...all[1]!, customer: { ...all[1]!.customer, tierOverride: 'A' } };
    expect(computeTiers(all, DEFAULT_SETTINGS, NOW).get('b')).toMatchObject({ tier: 'A', overridden: true, computed: 'B' });
    expect(computeTiers(all, DEFAULT_SETTINGS, NOW).get('a')).toMatchObject({ tier: 'A', overridden: false, computed: 'A' });
  });

  it('uses the configured thresholds', () => {
    const settings = { ...DEFAULT_SETTINGS, tierThresholds: { a: 0.5, b: 0.8 } };
    expect(tiersOf(book({ a: 50, b: 25, c: 10, d: 8, e: 4, f: 3 }), settings)).toEqual({ a: 'A', b: 'B', c: 'B', d: 'C', e: 'C', f: 'C' });
  });

  it('reports rank, shares and the total behind the tier', () => {
    const result = computeTiers(book({ a: 60, b: 30, c: 10 }), DEFAULT_SETTINGS, NOW).get('c');
    expect(result).toMatchObject({ rank: 3, revenue12mMinor: 10, totalMinor: 100 });
    expect(result?.share).toBeCloseTo(0.1);
    expect(result?.cumulativeShareBefore).toBeCloseTo(0.9);
  });

  describe('invariants over generated books', () => {
    const random = seededRandom(42);
    const books = Array.from({ length: 25 }, (_, n) => {
      const revenues: Record<string, number> = {};
      const size = 1 + Math.floor(random() * 60) + n;
      // Distinct revenues: the boundary invariant below is about the crossing customer, not ties.
      const used = new Set<number>();
      for (let i = 0; i < size; i++) {
        let minor = 1 + Math.floor(random() ** 3 * 1_000_000);
        while (used.has(minor)) minor++;
        used.add(minor);
        revenues[`c${i}`] = minor;
      }
      return revenues;
    });

    it.each(books.map((revenues, i) => ({ i, revenues })))('book $i: A holds ≥ 80 % and is minimal', ({ revenues }) => {
      const tiers = tiersOf(book(revenues));
      const total = Object.values(revenues).reduce((s, v) => s + v, 0);
      const inA = Object.keys(revenues).filter((id) => tiers[id] === 'A');
      const aRevenue = inA.reduce((s, id) => s + (revenues[id] ?? 0), 0);
      const smallestA = Math.min(...inA.map((id) => revenues[id] ?? 0));
      expect(aRevenue / total).toBeGreaterThanOrEqual(0.8);
      expect((aRevenue - smallestA) / total).toBeLessThan(0.8);
      // Every A customer out-earns every B customer, every B every C.
      const min = (t: TierName) => Math.min(...Object.keys(revenues).filter((id) => tiers[id] === t).map((id) => revenues[id] ?? 0));
      const max = (t: TierName) => Math.max(...Object.keys(revenues).filter((id) => tiers[id] === t).map((id) => revenues[id] ?? 0));
      expect(min('A')).toBeGreaterThan(max('B'));
      if (Object.values(tiers).includes('C')) expect(min('B')).toBeGreaterThan(max('C'));
    });

    it('gives the same tiers whatever the input order, ties included', () => {
      const revenues: Record<string, number> = {};
      for (let i = 0; i < 200; i++) revenues[`c${String(i).padStart(3, '0')}`] = 1 + Math.floor(random() * 20) * 1000;
      const all = book(revenues);
      const reference = computeTiers(all, DEFAULT_SETTINGS, NOW);
      for (let round = 0; round < 5; round++) {
        expect(computeTiers(shuffle(all, random), DEFAULT_SETTINGS, NOW)).toEqual(reference);
      }
    });
  });
});
