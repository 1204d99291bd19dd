import { describe } from 'vitest';
import { reorderReminder } from '../../../../lib/insights/rules/reorder-reminder';
import { createFacts } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

describe('reorderReminder', () => {
  ruleCases(reorderReminder, [
    { name: 'stays silent without a rhythm (one order)', facts: createFacts({ orders: [25] }), expected: null },
    { name: 'stays silent when the next order is 10 days away', facts: createFacts({ orders: [80, 50, 20] }), expected: null },
    {
      name: 'reminds when the next order is due in 5 days, three days ahead of it',
      facts: createFacts({ orders: [85, 55, 25] }),
      // Expected Monday 15 June 12:00; reminder Friday 12 June 12:00.
      expected: { ruleId: 'reorder-reminder', dueAt: berlinSummer(6, 12, 12), reason: 'Bought 3 times, usually every 30 days; last order 25 days ago. Next order expected in 5 days.' },
    },
    { name: 'still reminds on day 7', facts: createFacts({ orders: [83, 53, 23] }), expected: { ruleId: 'reorder-reminder' } },
    {
      name: 'reminds when the expected order is a few days late but they are not at risk yet',
      facts: createFacts({ orders: [95, 65, 35] }),
      expected: { ruleId: 'reorder-reminder', reason: /Next order expected 5 days ago\.$/ },
    },
    { name: 'stays silent once at risk (check-in takes over)', facts: createFacts({ orders: [110, 80, 50] }), expected: null },
  ]);
});
