import type { RuleId, Suggestion } from './rule';

/**
 * Boundaries for customers flagged difficult. Chosen as a modifier applied after the rules
 * rather than a rule of its own: the reason to get in touch (a complaint, a reorder, a lapse)
 * stays true and keeps its rank, but how to do it changes — clear expectations, a defined
 * service, a polite no to anything outside it. The complaint still outranks everything.
 * The factsKey gains "|difficult", so clearing or setting the flag brings a dismissed
 * suggestion back in its new form.
 */
const TITLES: Readonly<Record<RuleId, string>> = {
  'resolve-complaint': 'Resolve the complaint within the agreed service, and confirm the outcome in writing',
  'check-in-at-risk': 'Check in and restate what you offer, what it costs and what it includes',
  'thank-first-order': 'Thank them and confirm in writing what the order includes',
  'reorder-reminder': 'Remind them to reorder, with the standard terms attached',
  'personal-occasion': 'Send a short personal note (no promises attached)',
  'win-back': 'Offer to work together again on clearly defined terms',
  'ask-referral': 'Ask for a referral, and keep the terms for referred customers written down',
  'upsell': 'Offer a defined package: scope, price and limits in writing',
  'ask-feedback': 'Ask for feedback on the agreed service, in a short written survey',
  'follow-up-prospect': 'Follow up with a written offer: what is included, what is not',
  'keep-in-touch': 'Keep in touch, and restate what your service covers',
};

const ADVICE = 'Flagged difficult: set clear expectations, stick to defined services and say no politely to anything beyond them.';

export function forDifficultCustomer(suggestion: Suggestion): Suggestion {
  return {
    ...suggestion,
    title: TITLES[suggestion.ruleId],
    reason: `${suggestion.reason} ${ADVICE}`,
    factsKey: `${suggestion.factsKey}|difficult`,
    boundary: 'difficult',
  };
}
