import { describe } from 'vitest';
import { followUpProspect } from '../../../../lib/insights/rules/follow-up-prospect';
import { createFacts, daysAgo } from '../factories';
import { ruleCases } from './rule-cases';

describe('followUpProspect', () => {
  ruleCases(followUpProspect, [
    { name: 'stays silent for a customer who bought', facts: createFacts({ customer: { createdAt: daysAgo(90) }, orders: [60] }), expected: null },
    { name: 'waits 14 days after a prospect is added', facts: createFacts({ customer: { createdAt: daysAgo(13) } }), expected: null },
    {
      name: 'follows up a prospect added 20 days ago and never contacted',
      facts: createFacts({ customer: { createdAt: daysAgo(20) } }),
      expected: { ruleId: 'follow-up-prospect', reason: 'No purchase yet; added 20 days ago, never contacted (follow up after 14 days).' },
    },
    {
      name: 'follows up 14 days after the first contact',
      facts: createFacts({ interactions: [['email', 14]] }),
      expected: { ruleId: 'follow-up-prospect', reason: 'No purchase yet; last contact 14 days ago (follow up after 14 days).' },
    },
    { name: 'after several contacts, waits for the Prospect cadence (30 days)', facts: createFacts({ interactions: [['email', 60], ['call', 20]] }), expected: null },
    { name: 'after several contacts, follows up at 30 days', facts: createFacts({ interactions: [['email', 60], ['call', 30]] }), expected: { ruleId: 'follow-up-prospect' } },
    { name: 'a refund alone does not make a buyer', facts: createFacts({ customer: { createdAt: daysAgo(20) }, orders: [[10, -500]] }), expected: { ruleId: 'follow-up-prospect' } },
  ]);
});
