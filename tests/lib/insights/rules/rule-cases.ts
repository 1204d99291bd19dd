import { expect, it } from 'vitest';
import type { Rule, Suggestion } from '../../../../lib/insights/rules/rule';
import type { CustomerFacts, TierName } from '../../../../lib/insights/types';
import { NOW, ruleFacts } from '../factories';

export type RuleCase = {
  name: string;
  facts: CustomerFacts;
  tier?: TierName;
  now?: number;
  businessMedian?: number;
  /** null: the rule must stay silent. `reason` matches a substring or pattern. */
  expected: null | (Partial<Omit<Suggestion, 'reason'>> & { reason?: string | RegExp });
};

/** One table of cases per rule (STYLE.md): each row builds facts and states the outcome. */
export function ruleCases(rule: Rule, cases: readonly RuleCase[]): void {
  it.each(cases)('$name', ({ facts, tier, now, businessMedian, expected }) => {
    const result = rule(ruleFacts(facts, { tier, now, businessMedian }), now ?? NOW);
    if (expected === null) {
      expect(result).toBeNull();
      return;
    }
    const { reason, ...rest } = expected;
    expect(result).toMatchObject(rest);
    if (reason !== undefined) expect(result?.reason).toMatch(reason);
  });
}

/** Berlin wall clock in summer (UTC+2) as an instant. */
export function berlinSummer(month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, month - 1, day, hour - 2, minute);
}
