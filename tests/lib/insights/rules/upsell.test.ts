import { describe } from 'vitest';
import { upsell } from '../../../../lib/insights/rules/upsell';
import { createFacts } from '../factories';
import { ruleCases } from './rule-cases';

describe('upsell', () => {
  ruleCases(upsell, [
    { name: 'stays silent for a prospect', facts: createFacts(), expected: null },
    { name: 'stays silent for a steady customer', facts: createFacts({ orders: [[120, 10_000], [90, 10_000], [60, 10_000], [30, 10_000], [5, 10_000]] }), expected: null },
    {
      name: 'offers more when the last 3 orders average 1.5 × the earlier ones',
      facts: createFacts({ orders: [[120, 10_000], [90, 10_000], [60, 15_000], [30, 15_000], [5, 15_000]] }),
      expected: { ruleId: 'upsell', reason: 'Their last 3 orders averaged €150.00, up from €100.00 before.' },
    },
    {
      name: 'offers more when they order more often',
      facts: createFacts({ orders: [160, 100, 40, 20, 0] }),
      expected: { ruleId: 'upsell', reason: /^Ordering more often lately: 5 orders/ },
    },
    { name: 'stays silent when growth stalled into at risk', facts: createFacts({ orders: [[200, 10_000], [170, 10_000], [140, 20_000], [110, 20_000], [80, 20_000]] }), expected: null },
  ]);
});
