import { describe, expect, it } from 'vitest';
import { recomputeAll, startRecompute } from '../../../lib/insights/recompute';
import { suggestNextActions } from '../../../lib/insights/suggest';
import { computeTiers } from '../../../lib/insights/tier';
import { DEFAULT_SETTINGS, type SuggestionState } from '../../../lib/insights/types';
import { NOW, createFacts, seededRandom, shuffle } from './factories';
import { generateBook } from './generate';

describe('recomputeAll', () => {
  it('returns figures, tier, RFM group, stage and suggestions for every customer, plus concentration', () => {
    const all = [
      createFacts({ customer: { id: 'big' }, orders: [[70, 90_000], [40, 90_000], [10, 90_000]] }),
      createFacts({ customer: { id: 'small' }, orders: [[5, 30_000]] }),
      createFacts({ customer: { id: 'lead', createdAt: NOW - 20 * 86_400_000 } }),
    ];
    const result = recomputeAll(all, DEFAULT_SETTINGS, NOW);
    expect(result.customers.get('big')).toMatchObject({ figures: { orderCount: 3, lifetimeMinor: 270_000 }, tier: { tier: 'A' }, stage: { stage: 'active' } });
    expect(result.customers.get('small')).toMatchObject({ tier: { tier: 'B' }, stage: { stage: 'new' }, suggestions: [{ ruleId: 'thank-first-order' }] });
    expect(result.customers.get('lead')).toMatchObject({ tier: { tier: 'Prospect' }, rfm: { group: 'prospects' }, suggestions: [{ ruleId: 'follow-up-prospect' }] });
    expect(result.concentration).toMatchObject({ top1Flagged: true, topCustomerIds: ['big', 'small'] });
    expect(result.businessMedianIntervalDays).toBe(30);
  });

  it('agrees with computeTiers and suggestNextActions called one by one', () => {
    const all = generateBook(300, 3_000, 3);
    const result = recomputeAll(all, DEFAULT_SETTINGS, NOW);
    const tiers = computeTiers(all, DEFAULT_SETTINGS, NOW);
    for (const facts of all.slice(0, 60)) {
      const id = facts.customer.id;
      const tier = tiers.get(id)!;
      expect(result.customers.get(id)?.tier).toEqual(tier);
      const rfm = result.customers.get(id)!.rfm;
      const context = { settings: DEFAULT_SETTINGS, tier, rfm, pattern: result.pattern, businessMedianIntervalDays: result.businessMedianIntervalDays };
      expect(result.customers.get(id)?.suggestions).toEqual(suggestNextActions(facts, context, NOW));
    }
  });

  it('gives the same result for shuffled input', () => {
    const all = generateBook(500, 5_000, 5);
    const random = seededRandom(11);
    const shuffled = shuffle(all, random).map((f) => ({ ...f, orders: shuffle(f.orders, random) }));
    const a = recomputeAll(all, DEFAULT_SETTINGS, NOW);
    const b = recomputeAll(shuffled, DEFAULT_SETTINGS, NOW);
    expect(b.concentration).toEqual(a.concentration);
    for (const [id, insight] of a.customers) expect(b.customers.get(id)).toEqual(insight);
  });

  it('recomputes 10,000 customers with 100,000 orders', () => {
    const all = generateBook(10_000, 100_000, 1);
    const started = performance.now();
    const result = recomputeAll(all, DEFAULT_SETTINGS, NOW);
    const ms = performance.now() - started;
    console.info(`recomputeAll: 10,000 customers / 100,000 orders in ${ms.toFixed(0)} ms`);
    expect(result.customers.size).toBe(10_000);
    let orders = 0;
    for (const f of all) orders += f.orders.length;
    expect(orders).toBe(100_000);
    const tiers = new Set([...result.customers.values()].map((c) => c.tier.computed));
    expect(tiers).toEqual(new Set(['A', 'B', 'C', 'Prospect']));
  }, 60_000);
});

describe('startRecompute', () => {
  it('gives exactly recomputeAll’s result when the customers are added one by one, past the buffers’ first size', () => {
    const all = generateBook(700, 7_000, 9);
    const whole = recomputeAll(all, DEFAULT_SETTINGS, NOW);
    // Holds on some suggestions, so the second walk has something to leave out.
    const held: SuggestionState = {
      dismissals: [...whole.customers.values()].filter((_, i) => i % 5 === 0).flatMap((c) => c.suggestions.slice(0, 1)),
      snoozes: [],
    };
    for (const expected of [0, 1, 100, 700, 5_000]) {
      const recompute = startRecompute(DEFAULT_SETTINGS, NOW, expected);
      for (const facts of all) recompute.add(facts);
      const result = recompute.finish(held);
      const reference = recomputeAll(all, DEFAULT_SETTINGS, NOW, held);
      expect([...result.customers.keys()]).toEqual(all.map((f) => f.customer.id));
      expect(result).toEqual(reference);
    }
  }, 60_000);

  it('gives an empty result without customers', () => {
    expect(startRecompute(DEFAULT_SETTINGS, NOW).finish()).toEqual(recomputeAll([], DEFAULT_SETTINGS, NOW));
  });

  it('finishes once: adding or finishing again is a mistake', () => {
    const recompute = startRecompute(DEFAULT_SETTINGS, NOW);
    const [facts] = generateBook(1, 3, 2);
    recompute.add(facts!);
    recompute.finish();
    expect(() => recompute.add(facts!)).toThrow('finished');
    expect(() => recompute.finish()).toThrow('finished');
  });
});
