import { describe } from 'vitest';
import { askReferral } from '../../../../lib/insights/rules/ask-referral';
import { createFacts } from '../factories';
import { ruleCases } from './rule-cases';

const praised = (days: number) => createFacts({ orders: [40, 10], interactions: [['feedback_positive', days]] });

describe('askReferral', () => {
  ruleCases(askReferral, [
    {
      name: 'asks a tier A customer who praised you 10 days ago',
      facts: praised(10),
      tier: 'A',
      expected: { ruleId: 'ask-referral', reason: 'A top (tier A) customer who gave positive feedback 10 days ago.' },
    },
    { name: 'still asks on day 60', facts: praised(60), tier: 'A', expected: { ruleId: 'ask-referral' } },
    { name: 'stays silent after 60 days', facts: praised(61), tier: 'A', expected: null },
    { name: 'stays silent for tier B', facts: praised(10), tier: 'B', expected: null },
    { name: 'stays silent without praise', facts: createFacts({ orders: [10], interactions: [['call', 3]] }), tier: 'A', expected: null },
    { name: 'stays silent once a referral is logged after the praise', facts: createFacts({ orders: [10], interactions: [['feedback_positive', 10], ['referral', 5]] }), tier: 'A', expected: null },
    { name: 'asks again after new praise that follows a referral', facts: createFacts({ orders: [10], interactions: [['feedback_positive', 50], ['referral', 40], ['feedback_positive', 3]] }), tier: 'A', expected: { ruleId: 'ask-referral' } },
  ]);
});
