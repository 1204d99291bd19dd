import { describe, expect, it } from 'vitest';
import { businessContextOf, insightFromContext, recomputeAll, scoreAmong, tierFromContext } from '../../../lib/insights/index';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { NOW } from './factories';
import { generateBook } from './generate';

describe('insightFromContext', () => {
  const book = generateBook(600, 4_000, 7);
  const full = recomputeAll(book, DEFAULT_SETTINGS, NOW);
  const context = businessContextOf(full, NOW);

  it('gives every unchanged customer the tier, group, stage and suggestions of a full recompute', () => {
    let compared = 0;
    for (const facts of book) {
      const expected = full.customers.get(facts.customer.id);
      const single = insightFromContext(facts, context, DEFAULT_SETTINGS, NOW);
      expect(single.tier.tier, facts.customer.id).toBe(expected?.tier.tier);
      expect(single.rfm.group, facts.customer.id).toBe(expected?.rfm.group);
      expect(single.stage.stage).toBe(expected?.stage.stage);
      expect(single.suggestions.map((s) => [s.ruleId, s.factsKey])).toEqual(expected?.suggestions.map((s) => [s.ruleId, s.factsKey]));
      compared++;
    }
    expect(compared).toBe(600);
    // The book has every tier, so the comparison above covered each boundary.
    expect(new Set([...full.customers.values()].map((c) => c.tier.tier))).toEqual(new Set(['A', 'B', 'C', 'Prospect']));
  });

  it('puts a customer whose revenue jumped above everyone into tier A at once', () => {
    const small = [...full.customers.values()].find((c) => c.tier.tier === 'C' && c.tier.rank !== null);
    expect(small).toBeDefined();
    const figures = { ...(small?.figures as NonNullable<typeof small>['figures']), rankedRevenue12mMinor: (context.revenue12m[0] ?? 0) + 1 };
    const tier = tierFromContext(figures, null, context, DEFAULT_SETTINGS);
    expect(tier).toMatchObject({ tier: 'A', rank: 1, cumulativeShareBefore: 0 });
    expect(tierFromContext(figures, 'C', context, DEFAULT_SETTINGS)).toMatchObject({ tier: 'C', computed: 'A', overridden: true });
  });

  it('scores values as rfm.ts does: mid-rank percentiles, a new value counted in', () => {
    expect(scoreAmong([], 10)).toBe(3);
    expect(scoreAmong([1, 2, 3, 4, 5], 5)).toBe(5);
    expect(scoreAmong([1, 2, 3, 4, 5], 1)).toBe(1);
    expect(scoreAmong([1, 2, 3, 4, 5], 100)).toBe(5);
    expect(scoreAmong([5, 5, 5, 5], 5)).toBe(3);
  });
});
