import { RULE_BY_ID, type Suggestion } from './index';

/**
 * Boundaries for customers flagged difficult. Chosen as a modifier applied after the rules
 * rather than a rule of its own: the reason to get in touch (a complaint, a reorder, a lapse)
 * stays true and keeps its rank, but how to do it changes: clear expectations, a defined
 * service, a polite no to anything outside it. Each rule names its own title for this
 * (`difficultTitle`). The factsKey gains "|difficult", so clearing or setting the flag brings a
 * dismissed suggestion back in its new form.
 */
const ADVICE = 'Flagged difficult: set clear expectations, stick to defined services and say no politely to anything beyond them.';

export function forDifficultCustomer(suggestion: Suggestion): Suggestion {
  return {
    ...suggestion,
    title: RULE_BY_ID[suggestion.ruleId].difficultTitle,
    reason: `${suggestion.reason} ${ADVICE}`,
    factsKey: `${suggestion.factsKey}|difficult`,
    boundary: 'difficult',
  };
}
