import { describe } from 'vitest';
import { winBack } from '../../../../lib/insights/rules/win-back';
import { createFacts } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

describe('winBack', () => {
  ruleCases(winBack, [
    { name: 'stays silent for a prospect', facts: createFacts(), expected: null },
    { name: 'stays silent while only at risk', facts: createFacts({ orders: [140, 110, 80, 50] }), expected: null },
    {
      name: 'offers a win-back past 3 × their interval, due when they lapsed',
      facts: createFacts({ orders: [160, 130, 100] }),
      // Last order 100 days ago, lapsed after 90 days: 10 days ago, Sunday 31 May → Monday 1 June 09:00.
      expected: { ruleId: 'win-back', dueAt: berlinSummer(6, 1, 9), reason: /^Bought 3 times, usually every 30 days; last order 100 days ago\. That is more than 3 × their usual interval \(90 days\)\.$/ },
    },
    {
      name: 'a yearly buyer lapses after a year, not after three',
      facts: createFacts({ orders: [1100, 740, 370] }),
      expected: { ruleId: 'win-back', reason: /last order 370 days ago\. No order for more than a year\.$/ },
    },
    {
      name: 'a single old order with no rhythm known is judged against 60 days',
      facts: createFacts({ orders: [200] }),
      expected: { ruleId: 'win-back', reason: /No reorder rhythm known yet; that is more than 3 × 60 days\.$/ },
    },
  ]);
});
