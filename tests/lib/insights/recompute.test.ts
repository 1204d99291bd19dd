import { describe, expect, it } from 'vitest';
import { recomputeAll } from '../../../lib/insights/recompute';
import { suggestNextActions } from '../../../lib/insights/suggest';
import { computeTiers } from '../../../lib/insights/tier';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
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
      const context = { settings: DEFAULT_SETTINGS, tier, businessMedianIntervalDays: result.businessMedianIntervalDays };
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
  });
});
