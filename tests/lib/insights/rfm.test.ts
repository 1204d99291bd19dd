import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../lib/insights/figures';
import { prepareFacts } from '../../../lib/insights/prepare';
import { cellsMatching, computeRfm, percentileScores, RFM_GROUPS, rfmGroupFor, type RfmGroup, type Score } from '../../../lib/insights/rfm';
import { RFM_GRID } from '../../../lib/insights/rfm-grid';
import type { CustomerFacts } from '../../../lib/insights/types';
import { NOW, createFacts } from './factories';

const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

describe('RFM grid', () => {
  const cells = SCORES.flatMap((r) => SCORES.flatMap((f) => SCORES.map((m) => ({ r, f, m }))));

  it.each(cells)('R$r F$f M$m falls in exactly one cell', ({ r, f, m }) => {
    expect(cellsMatching(r, f, m)).toHaveLength(1);
  });

  it('names the eleven groups as Shopify does', () => {
    expect(Object.values(RFM_GROUPS)).toEqual(['Champions', 'Loyal', 'Active', 'Promising', 'New', 'Needs attention', 'At risk', 'Previously loyal', 'Almost lost', 'Dormant', 'Prospects']);
  });

  /** [R, F, M, group]: for every group its core and its edges. */
  const CASES: readonly (readonly [Score, Score, Score, RfmGroup])[] = [
    [5, 5, 5, 'champions'],
    [5, 3, 5, 'champions'],
    // Many orders of very little is not a champion: spend counts (FM = 3).
    [5, 5, 1, 'active'],
    [4, 5, 5, 'loyal'],
    [3, 4, 4, 'loyal'],
    [3, 5, 3, 'loyal'],
    [4, 3, 3, 'active'],
    [5, 2, 3, 'active'],
    [5, 1, 1, 'new'],
    [5, 1, 3, 'new'],
    [4, 1, 1, 'promising'],
    [3, 1, 3, 'promising'],
    [3, 3, 3, 'needs_attention'],
    [3, 2, 4, 'needs_attention'],
    // Lapsed: a strong history is At risk, a very strong one Previously loyal (not the other way round).
    [2, 3, 3, 'at_risk'],
    [1, 4, 3, 'at_risk'],
    [2, 4, 4, 'previously_loyal'],
    [1, 5, 5, 'previously_loyal'],
    [2, 1, 1, 'almost_lost'],
    [2, 2, 2, 'almost_lost'],
    [1, 1, 2, 'dormant'],
    [1, 2, 2, 'dormant'],
  ];

  it.each(CASES)('R%i F%i M%i is %s', (r, f, m, group) => {
    expect(rfmGroupFor(r, f, m)).toBe(group);
  });

  it('has cases for every group of the grid', () => {
    expect(new Set(CASES.map((c) => c[3]))).toEqual(new Set(RFM_GRID.map((cell) => cell.group)));
  });
});

describe('percentileScores', () => {
  it.each([
    { values: [7], expected: [3] },
    { values: [1, 2], expected: [2, 4] },
    { values: [10, 20, 30, 40, 50], expected: [1, 2, 3, 4, 5] },
    { values: [50, 10, 40, 20, 30], expected: [5, 1, 4, 2, 3] },
    { values: [5, 5, 5, 5], expected: [3, 3, 3, 3] },
    { values: [1, 1, 1, 9], expected: [2, 2, 2, 5] },
    { values: Array.from({ length: 10 }, (_, i) => i), expected: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5] },
  ])('scores $values as $expected', ({ values, expected }) => {
    expect(percentileScores(values)).toEqual(expected);
  });
});

describe('computeRfm', () => {
  function rfmOf(all: CustomerFacts[]) {
    return computeRfm(all.map((f) => computeFigures(prepareFacts(f, NOW), 'EUR', NOW)));
  }

  it('puts customers without a purchase in Prospects', () => {
    const result = rfmOf([createFacts({ customer: { id: 'p' } }), createFacts({ customer: { id: 'b' }, orders: [[5]] })]);
    expect(result.get('p')).toEqual({ group: 'prospects', r: null, f: null, m: null });
  });

  it('scores a lone one-time buyer in the middle for recency and F1: Promising', () => {
    expect(rfmOf([createFacts({ customer: { id: 'only' }, orders: [[5]] })]).get('only')).toMatchObject({ r: 3, f: 1, group: 'promising' });
  });

  it('ranks five buyers by quintiles', () => {
    const all = [
      createFacts({ customer: { id: 'champ' }, orders: [[200, 900_00], [100, 900_00], [50, 900_00], [20, 900_00], [2, 900_00]] }),
      createFacts({ customer: { id: 'fresh' }, orders: [[4]] }),
      createFacts({ customer: { id: 'steady' }, orders: [[150], [90], [30]] }),
      createFacts({ customer: { id: 'big-gone' }, orders: [[400, 2_000_00], [350, 2_000_00], [300, 2_000_00], [290, 2_000_00]] }),
      createFacts({ customer: { id: 'small-gone' }, orders: [[500, 1_00]] }),
    ];
    const result = rfmOf(all);
    expect(result.get('champ')).toMatchObject({ r: 5, group: 'champions' });
    expect(result.get('fresh')).toMatchObject({ r: 4, f: 1, group: 'promising' });
    expect(result.get('steady')).toMatchObject({ r: 3, group: 'needs_attention' });
    expect(result.get('big-gone')).toMatchObject({ r: 2, f: 4, m: 5, group: 'previously_loyal' });
    expect(result.get('small-gone')).toMatchObject({ r: 1, f: 1, group: 'dormant' });
  });

  it('judges spend with the orders: twenty orders of 2 € are not Champions', () => {
    const small = Array.from({ length: 20 }, (_, i) => [i * 5 + 1, 2_00] as const);
    const all = [
      createFacts({ customer: { id: 'many-small' }, orders: small }),
      ...Array.from({ length: 8 }, (_, i) => createFacts({ customer: { id: `b${i}` }, orders: [[30 + i * 20, 300_00], [60 + i * 20, 300_00]] })),
    ];
    const result = rfmOf(all).get('many-small');
    expect(result).toMatchObject({ r: 5, f: 5, m: 1, group: 'active' });
  });
});
