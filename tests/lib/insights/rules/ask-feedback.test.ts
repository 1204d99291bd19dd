import { describe } from 'vitest';
import { askFeedback } from '../../../../lib/insights/rules/ask-feedback';
import { createFacts } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

describe('askFeedback', () => {
  ruleCases(askFeedback, [
    { name: 'stays silent without orders', facts: createFacts(), expected: null },
    { name: 'stays silent 13 days after the order', facts: createFacts({ orders: [13] }), expected: null },
    {
      name: 'asks 14 days after the order, due that day',
      facts: createFacts({ orders: [14] }),
      expected: { ruleId: 'ask-feedback', dueAt: berlinSummer(6, 10, 12), reason: 'Their last order was 14 days ago; no feedback or survey logged since.' },
    },
    { name: 'still asks on day 28', facts: createFacts({ orders: [28] }), expected: { ruleId: 'ask-feedback' } },
    { name: 'stays silent after 28 days', facts: createFacts({ orders: [29] }), expected: null },
    { name: 'judges the latest order, not the first', facts: createFacts({ orders: [60, 20] }), expected: { ruleId: 'ask-feedback' } },
    { name: 'stays silent when a survey was sent after the order', facts: createFacts({ orders: [20], interactions: [['survey_sent', 5]] }), expected: null },
    { name: 'stays silent when feedback came in after the order', facts: createFacts({ orders: [20], interactions: [['feedback_positive', 5]] }), expected: null },
    { name: 'stays silent when a complaint was logged after the order', facts: createFacts({ orders: [20], interactions: [['complaint_opened', 5]] }), expected: null },
    { name: 'feedback on an earlier order does not count', facts: createFacts({ orders: [90, 20], interactions: [['feedback_positive', 60]] }), expected: { ruleId: 'ask-feedback' } },
    { name: 'a refund is not the order to ask about', facts: createFacts({ orders: [[40, 5_000], [20, -5_000]] }), expected: null },
  ]);
});
