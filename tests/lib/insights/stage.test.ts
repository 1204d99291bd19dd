import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../../lib/insights/figures';
import { prepareFacts } from '../../../lib/insights/prepare';
import { computeStage, type Stage } from '../../../lib/insights/stage';
import { NOW, createFacts } from './factories';

type Case = {
  name: string;
  orders: readonly (number | readonly [number, number])[];
  businessMedian?: number | null;
  stage: Stage;
  source?: 'own' | 'business' | 'default';
};

describe('computeStage', () => {
  it.each<Case>([
    { name: 'no orders → prospect', orders: [], stage: 'prospect' },
    { name: 'only a refund → prospect', orders: [[5, -1_000]], stage: 'prospect' },
    { name: 'only a future order → prospect', orders: [-3], stage: 'prospect' },
    { name: 'one order, within the default 60 days → new', orders: [50], stage: 'new', source: 'default' },
    { name: 'one order after 1.5 × 60 days → at risk', orders: [91], stage: 'at_risk', source: 'default' },
    { name: 'one order, judged by the business median (20 days) → at risk at 31', orders: [31], businessMedian: 20, stage: 'at_risk', source: 'business' },
    { name: 'one order, business median 20, after 61 days → lapsed', orders: [61], businessMedian: 20, stage: 'lapsed' },
    { name: 'one order within the business median → new', orders: [25], businessMedian: 20, stage: 'new', source: 'business' },
    { name: 'steady every 30 days, 20 days since → active', orders: [110, 80, 50, 20], stage: 'active', source: 'own' },
    { name: 'every 30 days, exactly 45 days since → still active', orders: [135, 105, 75, 45], stage: 'active' },
    { name: 'every 30 days, 46 days since → at risk', orders: [136, 106, 76, 46], stage: 'at_risk' },
    { name: 'every 30 days, 91 days since → lapsed', orders: [181, 151, 121, 91], stage: 'lapsed' },
    { name: 'every 200 days, 366 days since → lapsed (a year)', orders: [766, 566, 366], stage: 'lapsed' },
    { name: 'two orders, 10 days since → active', orders: [40, 10], stage: 'active' },
    {
      name: 'last 3 orders average > 1.25 × the earlier ones → growing',
      orders: [[120, 10_000], [90, 10_000], [60, 13_000], [30, 13_000], [5, 13_000]],
      stage: 'growing',
    },
    {
      name: 'last 3 orders at 1.2 × → active',
      orders: [[120, 10_000], [90, 10_000], [60, 12_000], [30, 12_000], [5, 12_000]],
      stage: 'active',
    },
    { name: 'gaps shrinking from 60 to 20 days → growing', orders: [160, 100, 40, 20, 0], stage: 'growing' },
    { name: 'growing spend but at risk → at risk wins', orders: [[200, 10_000], [170, 10_000], [140, 20_000], [110, 20_000], [80, 20_000]], stage: 'at_risk' },
    { name: 'growth from free orders only is not growth', orders: [[120, 0], [90, 0], [60, 5_000], [30, 5_000], [0, 5_000]], stage: 'active' },
  ])('$name', ({ orders, businessMedian, stage, source }) => {
    const prepared = prepareFacts(createFacts({ orders }), NOW);
    const result = computeStage(prepared, computeFigures(prepared, 'EUR', NOW), businessMedian ?? null);
    expect(result.stage).toBe(stage);
    if (source) expect(result.intervalSource).toBe(source);
  });
});
