import type { Customer, InteractionKind } from '../../model/records';
import type { TierName } from '../types';
import type { Draft, RuleFacts } from './rule';

/**
 * A next-action rule describes itself in one file: its id, priority, titles, what it is for, its
 * conditions in words, the rule itself and the table of cases its test runs
 * (tests/lib/insights/rules/rules.test.ts runs every registered rule's cases; a meta-test checks
 * that every file of this folder is registered and has cases that fire and cases that do not).
 * Adding a rule is one file here, one line in ./index.ts.
 */

/**
 * Who may be contacted for it. Service: answering for what was bought (a complaint, an open
 * question), allowed even with do-not-contact. Relationship: everything else, which needs a
 * channel the customer has not opted out of (consent.ts).
 */
export type Purpose = 'service' | 'relationship';

/** The plan's groups (plan.ts), in the order the plan shows them. */
export const PLAN_GROUPS = ['service', 'keep', 'grow', 'personal', 'prospects'] as const;
export type PlanGroup = (typeof PLAN_GROUPS)[number];

/** A customer's facts as data: orders [days ago, minor units?] (EUR), interactions [kind, days ago]. */
export type FactsSpec = {
  customer?: Partial<Customer>;
  orders?: readonly (number | readonly [number] | readonly [number, number] | readonly [number, number, string])[];
  interactions?: readonly (readonly [InteractionKind, number])[];
};

export type RuleCase = {
  name: string;
  given: FactsSpec;
  tier?: TierName;
  /** Epoch ms; the cases' default is Wednesday 10 June 2026, 12:00 in Berlin. */
  now?: number;
  /** null: the rule stays silent. Strings match exactly, except `reason`, which may be a pattern. */
  expect: null | { title?: string; reason?: string | RegExp; dueAt?: number; factsKey?: string; factsKeyIncludes?: string };
};

export type RuleDefinition<Id extends string = string> = {
  id: Id;
  /** Higher first among one customer's suggestions; see ./index.ts for the order and why. */
  priority: number;
  /** The usual title (a rule may word a particular suggestion more precisely). */
  title: string;
  /** The title for a customer flagged difficult: the same reason, a bounded offer (difficult-customer.ts). */
  difficultTitle: string;
  purpose: Purpose;
  group: PlanGroup;
  /** What Done logs: where a rule waits for a kind of interaction, that kind, so the rule sees it done. */
  doneKind: InteractionKind;
  /** When it fires, in words (Explain and the rules' documentation). */
  conditions: string;
  suggest: (facts: RuleFacts, now: number) => Draft | null;
  cases: readonly RuleCase[];
};

export function defineRule<const Id extends string>(definition: RuleDefinition<Id>): RuleDefinition<Id> {
  return definition;
}
