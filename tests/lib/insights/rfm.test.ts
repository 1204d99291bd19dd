import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../lib/insights/figures';
import { prepareFacts } from '../../../lib/insights/prepare';
import { cellsMatching, computeRfm, percentileScores, rfmGroupFor, type RfmGroup, type Score } from '../../../lib/insights/rfm';
import type { CustomerFacts } from '../../../lib/insights/types';
import { NOW, createFacts } from './factories';

const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** The expected grid, rows R5 … R1, columns F1 … F5 (M only splits "R1-2 F3-5"). */
const GRID: Record<Score, readonly string[]> = {
  5: ['new', 'active', 'loyal', 'champions', 'champions'],
  4: ['promising', 'active', 'loyal', 'loyal', 'loyal'],
  3: ['active', 'needs_attention', 'needs_attention', 'loyal', 'loyal'],
  2: ['almost_lost', 'almost_lost', 'lapsed_regular', 'lapsed_regular', 'lapsed_regular'],
  1: ['dormant', 'dormant', 'lapsed_regular', 'lapsed_regular', 'lapsed_regular'],
};

describe('RFM table', () => {
  const cells = SCORES.flatMap((r) => SCORES.flatMap((f) => SCORES.map((m) => ({ r, f, m }))));

  it.each(cells)('R$r F$f M$m falls in exactly one group, the one in the grid', ({ r, f, m }) => {
    const matches = cellsMatching(r, f, m);
    expect(matches).toHaveLength(1);
    const expected = GRID[r][f - 1];
    const group: RfmGroup = expected === 'lapsed_regular' ? (m >= 3 ? 'at_risk' : 'previously_loyal') : (expected as RfmGroup);
    expect(rfmGroupFor(r, f, m)).toBe(group);
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

  it('scores a lone one-time buyer in the middle for recency and F1: Active', () => {
    expect(rfmOf([createFacts({ customer: { id: 'only' }, orders: [[5]] })]).get('only')).toMatchObject({ r: 3, f: 1, group: 'active' });
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
    expect(result.get('big-gone')).toMatchObject({ r: 2, f: 4, m: 5, group: 'at_risk' });
    expect(result.get('small-gone')).toMatchObject({ r: 1, f: 1, group: 'dormant' });
  });
});
