import { endOfLocalDay, startOfLocalDay } from './business-hours';
import type { Concentration } from './concentration';
import { formatMoney } from './money';
import { compareText } from './prepare';
import { recomputeAll, type CustomerInsight, type Insights } from './recompute';
import type { PlanGroup } from './rules/define';
import { RULE_BY_ID, type Suggestion } from './rules/index';
import { NO_HOLDS, type BusinessSettings, type CustomerFacts, type SuggestionState, type TierName } from './types';
import { percent } from './words';

/**
 * Today is a plan, not a dump: every relationship whose top suggestion is due by the end of today,
 * ranked by what is at stake, of which the owner sees the first few (a setting, 10 by default,
 * "show more" for the next), grouped by kind.
 * - Service first (an open complaint): one bad experience loses the customer.
 * - Then by value at stake: for keeping a customer (check-in, win-back, keep-in-touch) the chance
 *   they slipped away × what they would bring in 12 months if they stay (model/buying.ts); for
 *   growing one (thanks, feedback, referral, upsell, a personal note, a reorder reminder) a tenth
 *   of what they are expected to bring in 12 months, the share a good touch can add.
 * - Customers long gone after a single order (more than a year ago) leave the daily plan for the
 *   win-back campaign list, which the owner exports and works as one campaign.
 * - The owner's own risk, too much revenue on a few customers, is an item of its own (`owner`).
 */

export type TodayItem = {
  customerId: string;
  name: string;
  tier: TierName;
  suggestion: Suggestion;
  /** Due before today began (in the business's time zone). */
  overdue: boolean;
  group: PlanGroup;
  /** What is at stake, business currency, minor units (see above). */
  stakeMinor: number;
};

export type CampaignEntry = { customerId: string; name: string; lastOrderAt: number; lifetimeMinor: number; currency: string | null };

export type OwnerItem = {
  kind: 'concentration';
  title: string;
  reason: string;
  /** What to do about it, each a step in words. */
  steps: string[];
  /** The customer the first step names (the largest account). */
  customerId: string | null;
};

export type Plan = {
  /** Every relationship due today, ranked; the owner sees the first `settings.planSize`. */
  items: TodayItem[];
  campaign: CampaignEntry[];
  owner: OwnerItem | null;
};

/** A touch that grows a relationship is worth this share of the customer's expected year. */
export const GROW_SHARE = 0.1;
/** Single-order customers silent longer than this go to the win-back campaign. */
export const CAMPAIGN_AFTER_DAYS = 365;

/** The plan from a full recompute (holds already applied there). */
export function planFromInsights(insights: Insights, settings: BusinessSettings, now: number): Plan {
  const tz = settings.businessHours.timeZone;
  const startOfToday = startOfLocalDay(now, tz);
  const endOfToday = endOfLocalDay(now, tz);
  const items: TodayItem[] = [];
  const campaign: CampaignEntry[] = [];
  for (const insight of insights.customers.values()) {
    const top = insight.suggestions[0];
    if (!top || top.dueAt >= endOfToday) continue;
    if (inCampaign(insight, top)) {
      const { figures } = insight;
      campaign.push({ customerId: insight.customerId, name: insight.name, lastOrderAt: figures.lastOrderAt ?? 0, lifetimeMinor: figures.lifetimeMinor, currency: figures.currency });
      continue;
    }
    items.push(planItem(insight, top, startOfToday, insights.pattern.orderValueMinor));
  }
  items.sort(compareItems);
  campaign.sort((x, y) => y.lastOrderAt - x.lastOrderAt || compareText(x.customerId, y.customerId));
  return { items, campaign, owner: ownerItem(insights, settings) };
}

/** The plan item of one customer's top suggestion (also for a single update between recomputes). */
export function planItem(insight: CustomerInsight, top: Suggestion, startOfToday: number, averageOrderMinor: number): TodayItem {
  const group = RULE_BY_ID[top.ruleId].group;
  return { customerId: insight.customerId, name: insight.name, tier: insight.tier.tier, suggestion: top, overdue: top.dueAt < startOfToday, group, stakeMinor: stakeOf(insight, group, averageOrderMinor) };
}

export function inCampaign(insight: CustomerInsight, top: Suggestion): boolean {
  const days = insight.figures.daysSinceLastOrder;
  return top.ruleId === 'win-back' && insight.figures.orderCount === 1 && days !== null && days > CAMPAIGN_AFTER_DAYS;
}

function stakeOf(insight: CustomerInsight, group: PlanGroup, averageOrderMinor: number): number {
  const { buying } = insight;
  const stake = group === 'keep' ? buying.atStakeMinor : group === 'prospects' ? GROW_SHARE * averageOrderMinor : GROW_SHARE * buying.expectedValue12mMinor;
  return Number.isFinite(stake) && stake > 0 ? Math.round(stake) : 0;
}

/** What the plan's order reads of an item (an item, or a stored entry of the agenda). */
export type PlanOrder = { customerId: string; group: PlanGroup; stakeMinor: number; suggestion: { priority: number; dueAt: number } };

/**
 * Service first, the longest waiting first; then the value at stake, then priority, due date and
 * customer id (stable).
 */
export function compareItems(x: PlanOrder, y: PlanOrder): number {
  const service = Number(y.group === 'service') - Number(x.group === 'service');
  if (service !== 0) return service;
  if (x.group === 'service' && x.suggestion.dueAt !== y.suggestion.dueAt) return x.suggestion.dueAt - y.suggestion.dueAt;
  return (
    y.stakeMinor - x.stakeMinor ||
    y.suggestion.priority - x.suggestion.priority ||
    x.suggestion.dueAt - y.suggestion.dueAt ||
    compareText(x.customerId, y.customerId)
  );
}

/**
 * Concentration as an action for the owner: when the largest customer or the five largest hold
 * more of the last 12 months' revenue than the owner's limits (settings), broaden: ask the big
 * account for referrals, win back lapsed B-tier customers, find new customers like the best ones.
 */
export function ownerItem(insights: Insights, settings: BusinessSettings): OwnerItem | null {
  const c: Concentration = insights.concentration;
  const { top1, top5 } = settings.concentrationAlert;
  const one = c.top1Flagged;
  if (!(c.top1Flagged || c.top5Flagged) || c.totalMinor <= 0) return null;
  const biggestId = c.topCustomerIds[0] ?? null;
  const biggest = biggestId ? insights.customers.get(biggestId) : undefined;
  const name = biggest?.name.trim() || 'your largest customer';
  let lapsedB = 0;
  for (const insight of insights.customers.values()) {
    if (insight.tier.computed === 'B' && (insight.stage.stage === 'at_risk' || insight.stage.stage === 'lapsed')) lapsedB++;
  }
  const total = formatMoney(c.totalMinor, c.currency);
  const reason = one
    ? `${name} alone brings ${percent(c.top1Share)} of the last 12 months' revenue (${total}); your limit is ${percent(top1)}.`
    : `Your ${Math.min(5, c.topCustomerIds.length)} largest customers bring ${percent(c.top5Share)} of the last 12 months' revenue (${total}); your limit is ${percent(top5)}.`;
  const steps = [
    `Ask ${name} for a referral: happy large customers know others like them.`,
    lapsedB > 0 ? `Win back the ${lapsedB} B-tier customer${lapsedB === 1 ? '' : 's'} who drifted away or lapsed.` : 'Grow your B-tier customers: they are the next large accounts.',
    'Find new customers like your best ones (where did your top customers come from?).',
  ];
  return { kind: 'concentration', title: 'Broaden your customer base', reason, steps, customerId: biggestId };
}

/** Relationships whose top suggestion is due by the end of today, most at stake first. */
export function todayList(all: readonly CustomerFacts[], settings: BusinessSettings, now: number, state: SuggestionState = NO_HOLDS): TodayItem[] {
  return planFromInsights(recomputeAll(all, settings, now, state), settings, now).items;
}

/** The same list from an existing recompute. */
export function todayFromInsights(insights: Insights, settings: BusinessSettings, now: number): TodayItem[] {
  return planFromInsights(insights, settings, now).items;
}
