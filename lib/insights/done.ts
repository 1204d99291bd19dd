import type { InteractionKind } from '../model/records';
import type { Suggestion } from './rules/rule';

/**
 * The interaction that doing a suggestion logs. Where a rule waits for a kind of interaction
 * (a thank-you, a survey, a resolution, a referral) it is that kind, so the rule sees it done;
 * everything else is `other`, named by the suggestion, and still resets the keep-in-touch cadence.
 * The sidebar names it in the confirmation after Done ("Logged: survey sent").
 */
const DONE_KINDS: Partial<Record<Suggestion['ruleId'], InteractionKind>> = {
  'thank-first-order': 'thank_you',
  'ask-feedback': 'survey_sent',
  'resolve-complaint': 'complaint_resolved',
  'ask-referral': 'referral',
};

export function doneKind(ruleId: Suggestion['ruleId']): InteractionKind {
  return DONE_KINDS[ruleId] ?? 'other';
}

export function doneInteraction(suggestion: Pick<Suggestion, 'ruleId' | 'title'>): { kind: InteractionKind; summary: string } {
  return { kind: doneKind(suggestion.ruleId), summary: suggestion.title };
}
