import { askFeedback } from './ask-feedback';
import { askReferral } from './ask-referral';
import { checkInAtRisk } from './check-in-at-risk';
import type { RuleDefinition } from './define';
import { followUpProspect } from './follow-up-prospect';
import { inviteLoyalty } from './invite-loyalty';
import { keepInTouch } from './keep-in-touch';
import { personalOccasion } from './personal-occasion';
import { reorderReminder } from './reorder-reminder';
import { resolveComplaint } from './resolve-complaint';
import type { Suggestion as AnySuggestion } from './rule';
import { thankFirstOrder } from './thank-first-order';
import { upsell } from './upsell';
import { winBack } from './win-back';

/**
 * Every next-action rule: each file of this folder describes one (./define.ts). Among one
 * customer's suggestions the priority decides: an open complaint outranks everything (one bad
 * experience loses the customer); then keeping customers who are drifting, then time-bound
 * personal touches, then growth, then routine contact. The order of this list does not matter.
 */
export const RULES = [
  resolveComplaint,
  checkInAtRisk,
  thankFirstOrder,
  reorderReminder,
  personalOccasion,
  winBack,
  askReferral,
  inviteLoyalty,
  upsell,
  askFeedback,
  followUpProspect,
  keepInTouch,
] as const;

export type RuleId = (typeof RULES)[number]['id'];
export const RULE_IDS = RULES.map((rule) => rule.id) as [RuleId, ...RuleId[]];
export const RULE_BY_ID = Object.fromEntries(RULES.map((rule) => [rule.id, rule])) as Readonly<Record<RuleId, RuleDefinition<RuleId>>>;

export type Suggestion = AnySuggestion<RuleId>;
export type { Draft, Evidence, RuleFacts } from './rule';
