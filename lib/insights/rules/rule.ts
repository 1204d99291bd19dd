import type { Channel } from '../../model/records';
import type { CustomerFigures } from '../figures';
import type { BuyingPrediction } from '../model/buying';
import type { PreparedFacts } from '../prepare';
import type { RfmResult } from '../rfm';
import type { StageResult } from '../stage';
import type { TierResult } from '../tier';
import type { BusinessSettings } from '../types';
import { aboutDuration, every, percent, timeOfYear } from '../words';

/**
 * What a rule sees. `prepared` holds live, non-future rows, oldest first (prepare.ts);
 * figures, tier, RFM group, the buying model's prediction and stage are derived from the same
 * facts at the same `now`.
 */
export type RuleFacts = {
  prepared: PreparedFacts;
  figures: CustomerFigures;
  tier: TierResult;
  rfm: RfmResult;
  buying: BuyingPrediction;
  stage: StageResult;
  settings: BusinessSettings;
};

export type Evidence = Readonly<Record<string, number | string | null>>;

/** What a rule returns; the engine adds the channel, business hours and priority (suggest.ts). */
export type Draft = {
  /** A more precise title than the rule's usual one, when the facts call for it. */
  title?: string;
  /** Plain words naming the facts, e.g. "Hasn't ordered for 8 months; usually every 3." */
  reason: string;
  /** Epoch ms; moved to the next opening. May be in the past: overdue. */
  dueAt: number;
  /** Summary of the facts behind it: a dismissal holds until this changes. */
  factsKey: string;
  /** The figures the rule used, for explain(). */
  evidence: Evidence;
};

export type Suggestion<Id extends string = string> = {
  customerId: string;
  ruleId: Id;
  title: string;
  reason: string;
  channel: Channel;
  /** Epoch ms, always inside business hours (moved to the next opening). May be in the past: overdue. */
  dueAt: number;
  priority: number;
  factsKey: string;
  evidence: Evidence;
  /** Set when the difficult-customer boundary rewrote it (difficult-customer.ts). */
  boundary: 'difficult' | null;
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function ago(days: number): string {
  return days === 0 ? 'today' : `${plural(days, 'day')} ago`;
}

/** User-typed summaries quoted in a reason: one line, short. */
export function quote(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `“${line.slice(0, max - 1)}…”` : `“${line}”`;
}

/**
 * The customer's buying in plain words: "Hasn't ordered for 8 months; usually every 3 weeks." /
 * "Buys around mid-December each year; last order 11 months ago." / "One order, 5 months ago."
 */
export function buyingWords(facts: RuleFacts): string {
  const { figures, buying } = facts;
  const since = figures.daysSinceLastOrder;
  if (figures.orderCount === 0 || since === null) return 'No order yet.';
  const last = since < 1 ? 'last order today' : `last order ${aboutDuration(since)} ago`;
  if (buying.seasonDay !== null) return `Buys around ${timeOfYear(buying.seasonDay)} each year; ${last}.`;
  if (figures.orderCount === 1) return since < 1 ? 'One order, today.' : `One order, ${aboutDuration(since)} ago.`;
  const interval = figures.medianIntervalDays;
  if (interval === null) return `Ordered ${figures.orderCount} times; ${last}.`;
  // Within their rhythm: how they buy; past it: how long it has been.
  if (since <= interval * 1.2) return `Orders ${every(interval)}; ${last}.`;
  return `Hasn't ordered for ${aboutDuration(since)}; usually ${every(interval)}.`;
}

/** "About 35 % likely still buying." from the model; nothing without a prediction. */
export function stillBuyingWords(facts: RuleFacts): string {
  const p = facts.buying.pAlive;
  if (p === null || !Number.isFinite(p)) return '';
  return p < 0.01 || p > 0.99 ? ` ${capitalize(percent(p))} likely still buying.` : ` About ${percent(p)} likely still buying.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the owner noted about family and interests, for a personal touch; empty when nothing. */
export function personalHint(facts: RuleFacts): string {
  const { family, interests } = facts.prepared.customer;
  const parts: string[] = [];
  if (interests.trim()) parts.push(`interests ${quote(interests, 60)}`);
  if (family.trim()) parts.push(`family ${quote(family, 60)}`);
  return parts.length > 0 ? ` You noted: ${parts.join('; ')}.` : '';
}

/**
 * The latest logged contact (any interaction) after `since`, if within `days` of now: a call,
 * email, meeting or message resets check-in, win-back and keep-in-touch for that long.
 */
export function contactSince(facts: RuleFacts, since: number, days: number, now: number): number | null {
  const interactions = facts.prepared.interactions;
  const last = interactions[interactions.length - 1];
  if (!last || last.at < since) return null;
  return now - last.at < days * 86_400_000 ? last.at : null;
}
