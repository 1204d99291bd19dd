import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../lib/insights/figures';
import { predictBuying, summarizeBuying } from '../../../lib/insights/model/buying';
import { prepareFacts } from '../../../lib/insights/prepare';
import { computeStage, type Stage } from '../../../lib/insights/stage';
import { NOW, TEST_PATTERN, createFacts } from './factories';

type Case = { name: string; orders: readonly (number | readonly [number, number])[]; stage: Stage };

/** Stages from the buying model against the tests' business pattern (factories.ts TEST_PATTERN). */
describe('computeStage', () => {
  it.each<Case>([
    { name: 'no orders → prospect', orders: [], stage: 'prospect' },
    { name: 'only a refund → prospect', orders: [[5, -1_000]], stage: 'prospect' },
    { name: 'only a future order → prospect', orders: [-3], stage: 'prospect' },
    { name: 'one order 50 days ago → new (many first-time buyers never return: no risk to act on yet)', orders: [50], stage: 'new' },
    { name: 'one order 200 days ago → at risk', orders: [200], stage: 'at_risk' },
    { name: 'one order three years ago → lapsed', orders: [1000], stage: 'lapsed' },
    { name: 'steady every 30 days, 20 days since → active', orders: [110, 80, 50, 20], stage: 'active' },
    { name: 'every 30 days, 45 days since → still active', orders: [135, 105, 75, 45], stage: 'active' },
    { name: 'every 30 days, 60 days since → at risk', orders: [150, 120, 90, 60], stage: 'at_risk' },
    { name: 'every 30 days, 91 days since → lapsed', orders: [181, 151, 121, 91], stage: 'lapsed' },
    { name: 'two orders, 10 days since → active', orders: [40, 10], stage: 'active' },
    { name: 'last 3 orders average > 1.25 × the earlier ones → growing', orders: [[120, 10_000], [90, 10_000], [60, 13_000], [30, 13_000], [5, 13_000]], stage: 'growing' },
    { name: 'last 3 orders at 1.2 × → active', orders: [[120, 10_000], [90, 10_000], [60, 12_000], [30, 12_000], [5, 12_000]], stage: 'active' },
    { name: 'gaps shrinking from 60 to 20 days → growing', orders: [160, 100, 40, 20, 0], stage: 'growing' },
    { name: 'growing spend but gone silent → lapsed wins', orders: [[200, 10_000], [170, 10_000], [140, 20_000], [110, 20_000], [80, 20_000]], stage: 'lapsed' },
    { name: 'growth from free orders only is not growth', orders: [[120, 0], [90, 0], [60, 5_000], [30, 5_000], [0, 5_000]], stage: 'active' },
  ])('$name', ({ orders, stage }) => {
    const prepared = prepareFacts(createFacts({ orders }), NOW);
    const buying = predictBuying(summarizeBuying(prepared.purchases, 'EUR'), TEST_PATTERN, NOW);
    const result = computeStage(prepared, computeFigures(prepared, 'EUR', NOW), null, buying);
    expect(result.stage).toBe(stage);
    expect(result.pAlive).toBe(buying.pAlive);
  });
});
