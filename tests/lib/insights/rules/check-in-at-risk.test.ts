import { describe } from 'vitest';
import { checkInAtRisk } from '../../../../lib/insights/rules/check-in-at-risk';
import { createFacts } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

describe('checkInAtRisk', () => {
  ruleCases(checkInAtRisk, [
    { name: 'stays silent for a prospect', facts: createFacts(), expected: null },
    { name: 'stays silent while within 1.5 × their interval', facts: createFacts({ orders: [135, 105, 75, 45] }), expected: null },
    {
      name: 'checks in once past 1.5 × their own interval, due when they crossed it',
      facts: createFacts({ orders: [140, 110, 80, 50] }),
      expected: {
        ruleId: 'check-in-at-risk',
        // Last order 50 days ago + 45 days = 5 days ago, Friday 5 June 12:00.
        dueAt: berlinSummer(6, 5, 12),
        factsKey: `last-order:${Date.UTC(2026, 5, 10, 10) - 50 * 86_400_000}`,
        reason: 'Bought 4 times, usually every 30 days; last order 50 days ago. That is more than 1.5 × their usual interval (45 days).',
      },
    },
    {
      name: 'judges a one-time buyer by the business interval',
      facts: createFacts({ orders: [40] }),
      businessMedian: 20,
      expected: { ruleId: 'check-in-at-risk', reason: 'Bought once; last order 40 days ago. Customers here usually reorder every 20 days; that is more than 1.5 × that (30 days).' },
    },
    { name: 'stays silent once lapsed (win-back takes over)', facts: createFacts({ orders: [200, 170, 140, 100] }), expected: null },
  ]);
});
