import { nextOpening } from './business-hours';
import { channelFor } from './consent';
import { computeFigures } from './figures';
import { predictBuying, summarizeBuying, type BuyingPattern } from './model/buying';
import { compareText, prepareFacts } from './prepare';
import type { RfmResult } from './rfm';
import type { RuleDefinition } from './rules/define';
import { forDifficultCustomer } from './rules/difficult-customer';
import { RULES, type RuleFacts, type RuleId, type Suggestion } from './rules/index';
import { computeStage } from './stage';
import type { TierResult } from './tier';
import { NO_HOLDS, type BusinessSettings, type CustomerFacts, type SuggestionHold, type SuggestionState, type TierName } from './types';

/** What one customer's suggestions need from the whole book of customers. */
export type SuggestionContext = {
  settings: BusinessSettings;
  /** From computeTiers / recomputeAll over all customers. */
  tier: TierResult;
  rfm: RfmResult;
  /** The business's buying pattern (model/fit.ts) the customer's prediction leans on. */
  pattern: BuyingPattern;
  /** From businessMedianIntervalDays over all customers. */
  businessMedianIntervalDays: number | null;
};

/** The top suggestion and up to two alternatives. */
export const MAX_SUGGESTIONS = 3;

/**
 * Added to the base priority so that the same kind of action for a more valuable customer comes
 * first where priorities are compared across customers. Smaller than any gap between base
 * priorities, so it never reorders one customer's own suggestions.
 */
export const TIER_BONUS: Readonly<Record<TierName, number>> = { A: 3, B: 2, C: 1, Prospect: 0 };

export function suggestNextActions(facts: CustomerFacts, context: SuggestionContext, now: number, state: SuggestionState = NO_HOLDS): Suggestion[] {
  const prepared = prepareFacts(facts, now);
  const figures = computeFigures(prepared, context.settings.currency, now);
  const buying = predictBuying(summarizeBuying(prepared.purchases, context.settings.currency), context.pattern, now);
  const stage = computeStage(prepared, figures, context.businessMedianIntervalDays, buying);
  const holds = holdsFor(indexHolds(state), prepared.customer.id);
  return suggestFromRuleFacts({ prepared, figures, tier: context.tier, rfm: context.rfm, buying, stage, settings: context.settings }, now, holds);
}

export type CustomerHolds = { dismissals: SuggestionHold[]; snoozes: SuggestionHold[] };
const NONE: CustomerHolds = { dismissals: [], snoozes: [] };

/** Groups holds by customer once, so a full recompute does not scan every hold per customer. */
export function indexHolds(state: SuggestionState): Map<string, CustomerHolds> {
  const index = new Map<string, CustomerHolds>();
  const entry = (id: string) => {
    let e = index.get(id);
    if (!e) index.set(id, (e = { dismissals: [], snoozes: [] }));
    return e;
  };
  for (const d of state.dismissals) entry(d.customerId).dismissals.push(d);
  for (const s of state.snoozes) entry(s.customerId).snoozes.push(s);
  return index;
}

export function holdsFor(index: ReadonlyMap<string, CustomerHolds>, customerId: string): CustomerHolds {
  return index.get(customerId) ?? NONE;
}

/**
 * One rule applied as the engine applies it: its draft, a channel the customer's consent allows
 * (else nothing: consent.ts), business hours, priority, and the difficult-customer boundary.
 */
export function applyRule(rule: RuleDefinition<RuleId>, facts: RuleFacts, now: number): Suggestion | null {
  const draft = rule.suggest(facts, now);
  if (!draft) return null;
  const customer = facts.prepared.customer;
  const channel = channelFor(rule.purpose, customer);
  if (channel === null) return null;
  // Spelled out rather than spread: a full recompute makes 100,000 of these.
  const suggestion: Suggestion = {
    customerId: customer.id,
    ruleId: rule.id,
    title: draft.title ?? rule.title,
    reason: draft.reason,
    dueAt: nextOpening(draft.dueAt, facts.settings.businessHours),
    factsKey: draft.factsKey,
    evidence: draft.evidence,
    channel,
    priority: rule.priority + TIER_BONUS[facts.tier.tier],
    boundary: null,
  };
  return customer.difficult ? forDifficultCustomer(suggestion) : suggestion;
}

export function suggestFromRuleFacts(facts: RuleFacts, now: number, holds: CustomerHolds): Suggestion[] {
  const found: Suggestion[] = [];
  // Most customers have no hold at all: then nothing needs checking.
  const held = holds.dismissals.length > 0 || holds.snoozes.length > 0;
  for (let i = 0; i < RULES.length; i++) {
    const suggestion = applyRule(RULES[i] as RuleDefinition<RuleId>, facts, now);
    if (suggestion && (!held || !isHeld(suggestion, holds, now))) found.push(suggestion);
  }
  if (found.length > 1) found.sort(compareSuggestions);
  // A copy at its final length: the list kept in the results carries no spare room.
  return found.slice(0, MAX_SUGGESTIONS);
}

/**
 * - Dismissed: same rule and same facts, and no `until` or `until` still ahead.
 * - Snoozed: same rule and same facts, `until` still ahead. A snooze on facts that have
 *   since changed no longer holds: it is a new situation.
 */
function isHeld(s: Suggestion, holds: CustomerHolds, now: number): boolean {
  for (const d of holds.dismissals) {
    if (sameSuggestion(d, s) && (d.until === undefined || d.until > now)) return true;
  }
  for (const z of holds.snoozes) {
    if (sameSuggestion(z, s) && z.until !== undefined && z.until > now) return true;
  }
  return false;
}

function sameSuggestion(hold: SuggestionHold, s: Suggestion): boolean {
  return hold.ruleId === s.ruleId && hold.factsKey === s.factsKey;
}

/** Priority desc, then due date asc, then rule id: the same facts always give the same order. */
export function compareSuggestions(x: Suggestion, y: Suggestion): number {
  return y.priority - x.priority || x.dueAt - y.dueAt || compareText(x.ruleId, y.ruleId);
}
