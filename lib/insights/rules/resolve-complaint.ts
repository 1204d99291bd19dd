import type { Interaction } from '../../model/records';
import { wholeDays } from '../time';
import { ago, quote, suggest, type Rule } from './rule';

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
export const resolveComplaint: Rule = (facts, now) => {
  const issue = openIssue(facts.prepared.interactions);
  if (!issue) return null;
  const what = issue.kind === 'complaint_opened' ? 'Complaint' : 'Negative feedback';
  const days = wholeDays(issue.at, now);
  const summary = issue.summary.trim() ? ` ${quote(issue.summary)}` : '';
  return suggest(facts, {
    ruleId: 'resolve-complaint',
    title: issue.kind === 'complaint_opened' ? 'Resolve the open complaint' : 'Follow up on the negative feedback',
    reason: `${what} logged ${ago(days)}${summary} and not resolved since.`,
    dueAt: issue.at,
    factsKey: `issue:${issue.id}`,
    evidence: { issueId: issue.id, issueKind: issue.kind, issueAt: issue.at, daysOpen: days },
  });
};
