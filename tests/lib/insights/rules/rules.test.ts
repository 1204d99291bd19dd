import { describe, expect, it } from 'vitest';
import type { RuleCase, RuleDefinition } from '../../../../lib/insights/rules/define';
import { RULE_IDS, RULES, type RuleId } from '../../../../lib/insights/rules/index';
import { applyRule } from '../../../../lib/insights/suggest';
import { createFacts, NOW, ruleFacts } from '../factories';

/**
 * Every registered rule's own table of cases (in its file, lib/insights/rules/*.ts), run as the
 * engine runs the rule: with its channel from the customer's consent, business hours and priority.
 */
describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it.each(rule.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const now = c.now ?? NOW;
    const result = applyRule(rule as RuleDefinition<RuleId>, ruleFacts(createFacts(c.given, now), { tier: c.tier, now }), now);
    if (c.expect === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    const { reason, factsKeyIncludes, ...exact } = c.expect;
    expect(result).toMatchObject(exact);
    if (reason !== undefined) expect(result?.reason).toMatch(reason);
    if (factsKeyIncludes !== undefined) expect(result?.factsKey).toContain(factsKeyIncludes);
  });
});

/** Every file of the folder that exports a rule must be registered; every rule must show both sides. */
describe('rule registry', () => {
  const modules = import.meta.glob<Record<string, unknown>>('../../../../lib/insights/rules/*.ts', { eager: true });
  const isRule = (value: unknown): value is RuleDefinition => typeof value === 'object' && value !== null && 'suggest' in value && 'cases' in value && 'id' in value;

  it('registers every rule the folder defines', () => {
    const defined = Object.values(modules).flatMap((exports) => Object.values(exports).filter(isRule));
    expect(defined.length).toBeGreaterThan(0);
    for (const rule of defined) expect(RULES, `${rule.id} is defined but not in rules/index.ts`).toContain(rule);
  });

  it('gives every rule a unique id, a unique priority and cases where it fires and where it stays silent', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    expect(new Set(RULES.map((r) => r.priority)).size).toBe(RULES.length);
    for (const rule of RULES) {
      const cases: readonly RuleCase[] = rule.cases;
      expect(cases.some((c) => c.expect !== null), `${rule.id} has no case where it fires`).toBe(true);
      expect(cases.some((c) => c.expect === null), `${rule.id} has no case where it stays silent`).toBe(true);
      expect(rule.conditions.length, `${rule.id} describes its conditions`).toBeGreaterThan(20);
    }
  });
});
