import type { InteractionKind } from '../model/records';
import { RULE_BY_ID, type Suggestion } from './rules/index';

/**
 * The interaction that doing a suggestion logs: the rule's own `doneKind` (rules/*.ts). Where a
 * rule waits for a kind of interaction (a thank-you, a survey, a resolution, a referral) it is that
 * kind, so the rule sees it done; everything else is `other`, named by the suggestion, and still
 * counts as a contact (it resets keep-in-touch, check-in and win-back). The sidebar names it in
 * the confirmation after Done ("Logged: survey sent").
 */
export function doneKind(ruleId: Suggestion['ruleId']): InteractionKind {
  return RULE_BY_ID[ruleId].doneKind;
}

export function doneInteraction(suggestion: Pick<Suggestion, 'ruleId' | 'title'>): { kind: InteractionKind; summary: string } {
  return { kind: doneKind(suggestion.ruleId), summary: suggestion.title };
}
