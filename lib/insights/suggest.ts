import { computeFigures } from './figures';
import { compareText, prepareFacts } from './prepare';
import { forDifficultCustomer } from './rules/difficult-customer';
import { RULES } from './rules/index';
import type { Rule, RuleFacts, Suggestion } from './rules/rule';
import { computeStage } from './stage';
import type { TierResult } from './tier';
import { NO_HOLDS, type BusinessSettings, type CustomerFacts, type SuggestionHold, type SuggestionState } from './types';

/** What one customer's suggestions need from the whole book of customers. */
export type SuggestionContext = {
  settings: BusinessSettings;
  /** From computeTiers / recomputeAll over all customers. */
  tier: TierResult;
  /** From businessMedianIntervalDays over all customers; judges single-order customers. */
  businessMedianIntervalDays: number | null;
};

/** The top suggestion and up to two alternatives. */
export const MAX_SUGGESTIONS = 3;

export function suggestNextActions(
  facts: CustomerFacts,
  context: SuggestionContext,
  now: number,
  state: SuggestionState = NO_HOLDS,
): Suggestion[] {
  const prepared = prepareFacts(facts, now);
  const figures = computeFigures(prepared, context.settings.currency, now);
  const stage = computeStage(prepared, figures, context.businessMedianIntervalDays);
  const holds = holdsFor(indexHolds(state), prepared.customer.id);
  return suggestFromRuleFacts({ prepared, figures, tier: context.tier, stage, settings: context.settings }, now, holds);
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

export function suggestFromRuleFacts(facts: RuleFacts, now: number, holds: CustomerHolds): Suggestion[] {
  const found: Suggestion[] = [];
  const difficult = facts.prepared.customer.difficult;
  // Most customers have no hold at all: then nothing needs checking.
  const held = holds.dismissals.length > 0 || holds.snoozes.length > 0;
  for (let i = 0; i < RULES.length; i++) {
    const raw = (RULES[i] as Rule)(facts, now);
    if (!raw) continue;
    const suggestion = difficult ? forDifficultCustomer(raw) : raw;
    if (!held || !isHeld(suggestion, holds, now)) found.push(suggestion);
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
