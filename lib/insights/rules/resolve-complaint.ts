import type { Interaction } from '../../model/records';
import { wholeDays } from '../time';
import { defineRule } from './define';
import { ago, quote } from './rule';

/**
 * The newest issue still open, walking back from the latest interaction:
 * - a complaint is open until a `complaint_resolved` is logged after it;
 * - negative feedback is open until positive feedback or a resolution is logged after it.
 */
export function openIssue(interactions: readonly Interaction[]): Interaction | null {
  let resolvedAfter = false;
  let reassuredAfter = false;
  for (let i = interactions.length - 1; i >= 0; i--) {
    const item = interactions[i] as Interaction;
    if (item.kind === 'complaint_resolved') resolvedAfter = reassuredAfter = true;
    else if (item.kind === 'feedback_positive') reassuredAfter = true;
    else if (item.kind === 'complaint_opened' && !resolvedAfter) return item;
    else if (item.kind === 'feedback_negative' && !reassuredAfter) return item;
  }
  return null;
}

/** One bad experience loses the customer: an open issue outranks every other suggestion. */
export const resolveComplaint = defineRule({
  id: 'resolve-complaint',
  priority: 100,
  title: 'Resolve the open complaint',
  difficultTitle: 'Resolve the complaint within the agreed service, and confirm the outcome in writing',
  purpose: 'service',
  group: 'service',
  doneKind: 'complaint_resolved',
  conditions: 'A complaint or negative feedback is logged and nothing resolved it since (a resolution, or for feedback also praise).',
  suggest(facts, now) {
    const issue = openIssue(facts.prepared.interactions);
    if (!issue) return null;
    const what = issue.kind === 'complaint_opened' ? 'Complaint' : 'Negative feedback';
    const days = wholeDays(issue.at, now);
    const summary = issue.summary.trim() ? ` ${quote(issue.summary)}` : '';
    return {
      title: issue.kind === 'complaint_opened' ? 'Resolve the open complaint' : 'Follow up on the negative feedback',
      reason: `${what} logged ${ago(days)}${summary} and not resolved since.`,
      dueAt: issue.at,
      factsKey: `issue:${issue.id}`,
      evidence: { issueId: issue.id, issueKind: issue.kind, issueAt: issue.at, daysOpen: days },
    };
  },
  cases: [
    { name: 'stays silent without an issue', given: { orders: [10], interactions: [['call', 3]] }, expect: null },
    { name: 'resolves a complaint logged 3 days ago', given: { orders: [20], interactions: [['complaint_opened', 3]] }, expect: { title: 'Resolve the open complaint', reason: 'Complaint logged 3 days ago and not resolved since.' } },
    { name: 'stays silent once the complaint is resolved', given: { interactions: [['complaint_opened', 9], ['complaint_resolved', 2]] }, expect: null },
    { name: 'follows up negative feedback', given: { orders: [30], interactions: [['feedback_negative', 4]] }, expect: { title: 'Follow up on the negative feedback' } },
    { name: 'praise after negative feedback settles it', given: { interactions: [['feedback_negative', 8], ['feedback_positive', 1]] }, expect: null },
    { name: 'still serves a do-not-contact customer', given: { customer: { consent: { doNotContact: { since: 0, reason: 'asked' }, marketing: { email: 'no', sms: 'no', whatsapp: 'no' }, marketingUpdatedAt: 0 } }, interactions: [['complaint_opened', 1]] }, expect: { title: 'Resolve the open complaint' } },
  ],
});
