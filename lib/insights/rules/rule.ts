import type { Channel } from '../../model/records';
import { nextOpening } from '../business-hours';
import type { CustomerFigures } from '../figures';
import type { PreparedFacts } from '../prepare';
import type { StageResult } from '../stage';
import type { TierResult } from '../tier';
import type { BusinessSettings, TierName } from '../types';

export const RULE_IDS = [
  'resolve-complaint',
  'check-in-at-risk',
  'thank-first-order',
  'reorder-reminder',
  'personal-occasion',
  'win-back',
  'ask-referral',
  'upsell',
  'ask-feedback',
  'follow-up-prospect',
  'keep-in-touch',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Base priority per rule, higher first. An open complaint outranks everything (one bad
 * experience loses the customer); then keeping customers who are drifting, then
 * time-bound personal touches, then growth, then routine contact.
 */
export const PRIORITY: Readonly<Record<RuleId, number>> = {
  'resolve-complaint': 100,
  'check-in-at-risk': 80,
  'thank-first-order': 75,
  'reorder-reminder': 70,
  'personal-occasion': 65,
  'win-back': 55,
  'ask-referral': 50,
  'upsell': 45,
  'ask-feedback': 40,
  'follow-up-prospect': 35,
  'keep-in-touch': 30,
};

/**
 * Added to the base priority so that, across customers (the daily list), the same kind of
 * action for a more valuable customer comes first. Smaller than any gap between base
 * priorities, so it never reorders one customer's own suggestions.
 */
export const TIER_BONUS: Readonly<Record<TierName, number>> = { A: 3, B: 2, C: 1, Prospect: 0 };

/**
 * What a rule sees. `prepared` holds live, non-future rows, oldest first (prepare.ts);
 * figures, tier and stage are derived from the same facts at the same `now`.
 */
export type RuleFacts = {
  prepared: PreparedFacts;
  figures: CustomerFigures;
  tier: TierResult;
  stage: StageResult;
  settings: BusinessSettings;
};

export type Evidence = Readonly<Record<string, number | string | null>>;

export type Suggestion = {
  customerId: string;
  ruleId: RuleId;
  title: string;
  /** Plain words naming the facts, e.g. "Bought 6 times, usually every 35 days; last order 58 days ago." */
  reason: string;
  channel: Channel;
  /** Epoch ms, always inside business hours (moved to the next opening). May be in the past: overdue. */
  dueAt: number;
  priority: number;
  /** Summary of the facts behind it: a dismissal holds until this changes. */
  factsKey: string;
  /** The figures the rule used, for explain(). */
  evidence: Evidence;
  /** Set when the difficult-customer boundary rewrote it (rules/difficult-customer.ts). */
  boundary: 'difficult' | null;
};

export type Rule = (facts: RuleFacts, now: number) => Suggestion | null;

export type Draft = Pick<Suggestion, 'ruleId' | 'title' | 'reason' | 'factsKey' | 'evidence'> & { dueAt: number };

/** Fills in what every rule does the same way: channel, business hours, priority. */
export function suggest(facts: RuleFacts, draft: Draft): Suggestion {
  // Spelled out rather than spread (a full recompute makes 100,000 of these), keys in the
  // order every rule's draft lists them, so stored suggestions serialise as before.
  const customer = facts.prepared.customer;
  return {
    customerId: customer.id,
    ruleId: draft.ruleId,
    title: draft.title,
    reason: draft.reason,
    dueAt: nextOpening(draft.dueAt, facts.settings.businessHours),
    factsKey: draft.factsKey,
    evidence: draft.evidence,
    channel: customer.preferredChannel ?? 'email',
    priority: PRIORITY[draft.ruleId] + TIER_BONUS[facts.tier.tier],
    boundary: null,
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Bought 6 times, usually every 35 days; last order 58 days ago." */
export function rhythm(figures: CustomerFigures): string {
  const times = figures.orderCount === 1 ? 'Bought once' : `Bought ${figures.orderCount} times`;
  const usual = figures.medianIntervalDays !== null ? `, usually every ${plural(Math.round(figures.medianIntervalDays), 'day')}` : '';
  const last = figures.daysSinceLastOrder !== null ? `; last order ${ago(figures.daysSinceLastOrder)}` : '';
  return `${times}${usual}${last}.`;
}

export function ago(days: number): string {
  return days === 0 ? 'today' : `${plural(days, 'day')} ago`;
}

/** User-typed summaries quoted in a reason: one line, short. */
export function quote(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `“${line.slice(0, max - 1)}…”` : `“${line}”`;
}
