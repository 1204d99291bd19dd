import { describe } from 'vitest';
import { resolveComplaint } from '../../../../lib/insights/rules/resolve-complaint';
import { createFacts, createInteraction, daysAgo } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

const complaint = createFacts({ orders: [20] });
complaint.interactions.push(createInteraction('complaint_opened', daysAgo(3), { id: 'i-late', summary: 'Parcel arrived\n broken' }));

const deleted = createFacts({ orders: [20] });
deleted.interactions.push(createInteraction('complaint_opened', daysAgo(3), { deletedAt: daysAgo(1) }));

describe('resolveComplaint', () => {
  ruleCases(resolveComplaint, [
    { name: 'stays silent without any issue', facts: createFacts({ orders: [20], interactions: [['call', 3]] }), expected: null },
    {
      name: 'resolves an open complaint first, due when it was opened (Sunday → Monday 09:00)',
      facts: complaint,
      expected: {
        ruleId: 'resolve-complaint',
        priority: 103,
        factsKey: 'issue:i-late',
        dueAt: berlinSummer(6, 8, 9),
        reason: 'Complaint logged 3 days ago “Parcel arrived broken” and not resolved since.',
      },
    },
    { name: 'stays silent once the complaint is resolved', facts: createFacts({ interactions: [['complaint_opened', 9], ['complaint_resolved', 2]] }), expected: null },
    {
      name: 'suggests again for a new complaint after a resolved one',
      facts: createFacts({ interactions: [['complaint_opened', 30], ['complaint_resolved', 20], ['complaint_opened', 4]] }),
      expected: { ruleId: 'resolve-complaint', reason: /^Complaint logged 4 days ago/ },
    },
    { name: 'a complaint needs a resolution: praise does not close it', facts: createFacts({ interactions: [['complaint_opened', 9], ['feedback_positive', 2]] }), expected: { ruleId: 'resolve-complaint' } },
    { name: 'follows up on negative feedback', facts: createFacts({ interactions: [['feedback_negative', 2]] }), expected: { title: 'Follow up on the negative feedback', reason: /^Negative feedback logged 2 days ago/ } },
    { name: 'negative feedback followed by positive feedback is closed', facts: createFacts({ interactions: [['feedback_negative', 9], ['feedback_positive', 2]] }), expected: null },
    { name: 'negative feedback followed by a resolution is closed', facts: createFacts({ interactions: [['feedback_negative', 9], ['complaint_resolved', 2]] }), expected: null },
    { name: 'negative feedback after positive feedback is open', facts: createFacts({ interactions: [['feedback_positive', 9], ['feedback_negative', 2]] }), expected: { ruleId: 'resolve-complaint' } },
    { name: 'a call after negative feedback does not close it', facts: createFacts({ interactions: [['feedback_negative', 9], ['call', 2]] }), expected: { ruleId: 'resolve-complaint' } },
    { name: 'ignores a deleted complaint', facts: deleted, expected: null },
    { name: 'ignores a complaint dated in the future', facts: createFacts({ interactions: [['complaint_opened', -2]] }), expected: null },
  ]);
});
