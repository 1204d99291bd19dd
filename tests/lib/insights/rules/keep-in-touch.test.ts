import { describe, expect } from 'vitest';
import { keepInTouch } from '../../../../lib/insights/rules/keep-in-touch';
import { createFacts } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

// Orders every 60 days: 35 days since the last one is active, not at risk.
const steady = { orders: [155, 95, 35] };

describe('keepInTouch', () => {
  ruleCases(keepInTouch, [
    {
      name: 'reaches out to an A customer after 30 days without contact',
      facts: createFacts(steady),
      tier: 'A',
      // Last touch (the order) 35 days ago + 30 days = 5 days ago, Friday 5 June 12:00.
      expected: { ruleId: 'keep-in-touch', dueAt: berlinSummer(6, 5, 12), reason: 'Tier A customers hear from you every 30 days; last contact 35 days ago.' },
    },
    { name: 'waits 60 days for a B customer', facts: createFacts(steady), tier: 'B', expected: null },
    { name: 'a B customer after 61 days', facts: createFacts({ orders: [181, 121, 61] }), tier: 'B', expected: { ruleId: 'keep-in-touch', factsKey: expect.stringContaining('tier:B|') } },
    { name: 'waits 120 days for a C customer', facts: createFacts({ orders: [300, 200, 100] }), tier: 'C', expected: null },
    { name: 'any logged interaction resets the cadence', facts: createFacts({ ...steady, interactions: [['other', 5]] }), tier: 'A', expected: null },
    { name: 'a deleted interaction does not reset it', facts: withDeletedCall(), tier: 'A', expected: { ruleId: 'keep-in-touch' } },
    { name: 'leaves prospects to follow-up-prospect', facts: createFacts({ interactions: [['email', 90]] }), tier: 'Prospect', expected: null },
    { name: 'leaves customers at risk to the check-in', facts: createFacts({ orders: [140, 110, 80, 50] }), tier: 'A', expected: null },
  ]);
});

function withDeletedCall() {
  const facts = createFacts({ ...steady, interactions: [['call', 5]] });
  const call = facts.interactions[0];
  if (call) call.deletedAt = call.at;
  return facts;
}
