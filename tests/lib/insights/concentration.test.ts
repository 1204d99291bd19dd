import { describe, expect, it } from 'vitest';
import { computeConcentration } from '../../../lib/insights/concentration';
import { computeFigures } from '../../../lib/insights/figures';
import { prepareFacts } from '../../../lib/insights/prepare';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { NOW, createFacts } from './factories';

/** The owner's limits used here: the largest customer above 25 %, the five largest above 50 %. */
const LIMITS = { top1: 0.25, top5: 0.5 };

function concentrationOf(revenues: readonly number[], limits = LIMITS) {
  const figures = revenues.map((minor, i) =>
    computeFigures(prepareFacts(createFacts({ customer: { id: `c${i}` }, orders: [[10, minor]] }), NOW), 'EUR', NOW),
  );
  return computeConcentration(figures, 'EUR', limits);
}

describe('computeConcentration', () => {
  it.each([
    { name: 'twenty equal customers', revenues: Array<number>(20).fill(100), top1: 0.05, top5: 0.25, flags: [false, false] },
    { name: 'one customer with 30 %', revenues: [30, ...Array<number>(14).fill(5)], top1: 0.3, top5: 0.5, flags: [true, false] },
    { name: 'top five at 60 %, none above 25 %', revenues: [20, 10, 10, 10, 10, ...Array<number>(10).fill(4)], top1: 0.2, top5: 0.6, flags: [false, true] },
    { name: 'exactly at the limits is not flagged', revenues: [25, 10, 5, 5, 5, ...Array<number>(10).fill(5)], top1: 0.25, top5: 0.5, flags: [false, false] },
    { name: 'no revenue', revenues: [0, 0], top1: 0, top5: 0, flags: [false, false] },
  ])('$name', ({ revenues, top1, top5, flags }) => {
    const c = concentrationOf(revenues);
    expect(c.top1Share).toBeCloseTo(top1);
    expect(c.top5Share).toBeCloseTo(top5);
    expect([c.top1Flagged, c.top5Flagged]).toEqual(flags);
  });

  it("follows the owner's limits: five customers with 36 % are flagged at the default 30 %", () => {
    const revenues = [12, 8, 6, 5, 5, ...Array<number>(64).fill(1)];
    expect(concentrationOf(revenues).top5Flagged).toBe(false);
    expect(concentrationOf(revenues, DEFAULT_SETTINGS.concentrationAlert)).toMatchObject({ top5Flagged: true, top1Flagged: false });
    expect(concentrationOf(revenues, DEFAULT_SETTINGS.concentrationAlert).top5Share).toBeCloseTo(0.36);
  });

  it('names the five biggest customers, biggest first, ties by id', () => {
    expect(concentrationOf([5, 50, 7, 50, 1, 9, 8]).topCustomerIds).toEqual(['c1', 'c3', 'c5', 'c6', 'c2']);
  });
});
