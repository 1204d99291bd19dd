import { z } from 'zod';
import { PLAN_GROUPS } from '../../insights/rules/define';
import { RULE_IDS } from '../../insights/rules/index';
import { Channel, Currency, EpochMs, Id, Money, RFM_GROUPS, STAGES } from '../../model/records';
import { message } from '../define';

/** Relationship insights: a customer's tier, group, stage and next action; today's list; concentration. */

export const TierName = z.enum(['A', 'B', 'C', 'Prospect']);
export const RuleId = z.enum(RULE_IDS);

export const InsightSuggestion = z.object({
  ruleId: RuleId,
  title: z.string(),
  reason: z.string(),
  channel: Channel,
  dueAt: z.number(),
  priority: z.number(),
  /** What a dismissal or snooze is tied to: new facts bring the suggestion back. */
  factsKey: z.string(),
  /** Due before today began (business time zone). */
  overdue: z.boolean(),
});
export type InsightSuggestion = z.infer<typeof InsightSuggestion>;

/** A suggestion the user snoozed or dismissed, listed on the card ("1 snoozed · show") with Undo. */
export const HeldSuggestion = z.object({
  ruleId: RuleId,
  factsKey: z.string(),
  title: z.string(),
  kind: z.enum(['snoozed', 'dismissed']),
  /** Snoozed until; null for a dismissal. */
  until: z.number().nullable(),
});
export type HeldSuggestion = z.infer<typeof HeldSuggestion>;

export const InsightCard = z.object({
  customerId: Id,
  /** When the business-wide figures this card is judged against were computed. */
  computedAt: EpochMs,
  tier: z.object({ tier: TierName, computed: TierName, overridden: z.boolean() }),
  rfm: z.enum(RFM_GROUPS),
  stage: z.enum(STAGES),
  figures: z.object({
    orderCount: z.number().int(),
    medianIntervalDays: z.number().nullable(),
    expectedNextOrderAt: z.number().nullable(),
    daysSinceLastOrder: z.number().int().nullable(),
    daysSinceLastTouch: z.number().int().nullable(),
    /** Trailing 12 months, per currency (never summed across currencies). */
    revenue12m: z.array(Money),
  }),
  /** The buying model's prediction (lib/insights/model/buying.ts), with its ranges. */
  buying: z.object({
    /** Chance they still buy, 0–1; null without an order. */
    pAlive: z.number().min(0).max(1).nullable(),
    /** Their usual gap between orders, the middle half of it, in days. */
    usualGapDays: z.tuple([z.number(), z.number()]).nullable(),
    /** When the next order comes if they still buy: the middle and the middle half (epoch ms). */
    nextOrder: z.object({ at: z.number(), from: z.number(), to: z.number() }).nullable(),
    /** Seasonal buyers: the day of the year their season peaks. */
    seasonDay: z.number().int().min(0).max(365).nullable(),
    expectedOrders12m: z.number().min(0),
    /** Business currency, minor units. */
    expectedValue12mMinor: z.number().min(0),
    atStakeMinor: z.number().min(0),
    currency: Currency,
  }),
  /** The top suggestion first, then up to two alternatives. */
  suggestions: z.array(InsightSuggestion).max(3),
  /** Snoozed and dismissed suggestions that would be shown otherwise. */
  held: z.array(HeldSuggestion).default([]),
  explanation: z.object({
    buying: z.array(z.string()),
    tier: z.array(z.string()),
    rfm: z.array(z.string()),
    stage: z.array(z.string()),
    suggestions: z.array(z.object({ ruleId: RuleId, sentences: z.array(z.string()) })),
  }),
});
export type InsightCard = z.infer<typeof InsightCard>;

export const PlanGroup = z.enum(PLAN_GROUPS);
export type PlanGroup = z.infer<typeof PlanGroup>;

export const TodayEntry = z.object({
  customerId: Id,
  name: z.string(),
  email: z.string().nullable(),
  tier: TierName,
  suggestion: InsightSuggestion,
  /** The plan's group (service, keep, grow, personal, prospects) and what is at stake. */
  group: PlanGroup,
  stakeMinor: z.number().min(0),
});
export type TodayEntry = z.infer<typeof TodayEntry>;

/** The owner's own risk as an action: too much revenue on a few customers. */
export const OwnerAction = z.object({
  kind: z.literal('concentration'),
  title: z.string(),
  reason: z.string(),
  steps: z.array(z.string()),
  customerId: Id.nullable(),
});
export type OwnerAction = z.infer<typeof OwnerAction>;

/** A customer long gone after a single order: the win-back campaign list, not the daily plan. */
export const CampaignEntry = z.object({
  customerId: Id,
  name: z.string(),
  email: z.string().nullable(),
  lastOrderAt: EpochMs,
  lifetimeMinor: z.number(),
  currency: Currency.nullable(),
});
export type CampaignEntry = z.infer<typeof CampaignEntry>;

export const ConcentrationView = z.object({
  computedAt: EpochMs,
  currency: Currency,
  totalMinor: z.number().int(),
  top1Share: z.number(),
  top5Share: z.number(),
  top1Flagged: z.boolean(),
  top5Flagged: z.boolean(),
  top: z.array(z.object({ customerId: Id, name: z.string() })),
});
export type ConcentrationView = z.infer<typeof ConcentrationView>;

const CustomerRule = { customerId: Id, ruleId: RuleId };

export const INSIGHT_MESSAGES = {
  'insights.card': message({ request: z.object({ customerId: Id }), reply: InsightCard, senders: ['page'] }),
  /** Logs the interaction that does the suggestion (a thank-you, a survey, …); replies with the new card. */
  'insights.done': message({ request: z.object(CustomerRule), reply: InsightCard, senders: ['page'] }),
  'insights.snooze': message({
    request: z.object({ ...CustomerRule, factsKey: z.string().min(1).max(500), until: EpochMs }),
    reply: InsightCard,
    senders: ['page'],
  }),
  'insights.dismiss': message({
    request: z.object({ ...CustomerRule, factsKey: z.string().min(1).max(500) }),
    reply: InsightCard,
    senders: ['page'],
  }),
  /** Takes back a Done (and the interaction it logged), a Snooze or a Dismiss; replies with the new card. */
  'insights.undo': message({
    request: z.object({ ...CustomerRule, factsKey: z.string().min(1).max(500) }),
    reply: InsightCard,
    senders: ['page'],
  }),
  /**
   * Today's plan: the relationships due by the end of today, most at stake first (service first),
   * `limit` of them (the owner's plan size when omitted); `total` due, the win-back campaign's
   * size and the owner's own action. The popup and the manager show the same plan.
   */
  'insights.today': message({
    request: z.object({ limit: z.number().int().min(1).max(200).optional() }),
    reply: z.object({
      computedAt: EpochMs.nullable(),
      items: z.array(TodayEntry),
      total: z.number().int().min(0),
      planSize: z.number().int().min(1),
      campaign: z.number().int().min(0),
      owner: OwnerAction.nullable(),
    }),
    senders: ['page'],
  }),
  /** The win-back campaign list (customers long gone after one order), for the manager's export. */
  'insights.campaign': message({
    request: z.object({}),
    reply: z.object({ computedAt: EpochMs.nullable(), entries: z.array(CampaignEntry) }),
    senders: ['page'],
  }),
  'insights.concentration': message({
    request: z.object({}),
    reply: z.object({ concentration: ConcentrationView.nullable() }),
    senders: ['page'],
  }),
  /** A full recompute now (the manager's "Recompute", the bench); replies with what it did. */
  'insights.recompute': message({
    request: z.object({}),
    reply: z.object({
      customers: z.number().int(),
      orders: z.number().int(),
      changed: z.number().int(),
      ms: z.number(),
      phases: z.object({ readMs: z.number(), computeMs: z.number(), writeMs: z.number() }),
    }),
    senders: ['page'],
  }),
} as const;
