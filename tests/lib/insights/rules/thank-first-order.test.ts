import { describe } from 'vitest';
import { thankFirstOrder } from '../../../../lib/insights/rules/thank-first-order';
import { createFacts } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

describe('thankFirstOrder', () => {
  ruleCases(thankFirstOrder, [
    { name: 'stays silent without orders', facts: createFacts(), expected: null },
    {
      name: 'thanks for a first order 3 days ago, due the day after it',
      facts: createFacts({ orders: [[3, 4_250]] }),
      expected: { ruleId: 'thank-first-order', dueAt: berlinSummer(6, 8, 12), reason: 'First order 3 days ago (€42.50); no thank-you logged yet.' },
    },
    { name: 'still thanks on day 14', facts: createFacts({ orders: [14] }), expected: { ruleId: 'thank-first-order' } },
    { name: 'stays silent after 14 days', facts: createFacts({ orders: [15] }), expected: null },
    { name: 'stays silent once a thank-you is logged after the order', facts: createFacts({ orders: [3], interactions: [['thank_you', 1]] }), expected: null },
    { name: 'a thank-you before the order does not count', facts: createFacts({ orders: [3], interactions: [['thank_you', 30]] }), expected: { ruleId: 'thank-first-order' } },
    { name: 'stays silent when the first order is older, however recent the last', facts: createFacts({ orders: [40, 2] }), expected: null },
    { name: 'a zero-total first order (free sample) is still a first order', facts: createFacts({ orders: [[2, 0]] }), expected: { ruleId: 'thank-first-order' } },
    { name: 'a future-dated order is not a first order yet', facts: createFacts({ orders: [-2] }), expected: null },
  ]);
});
