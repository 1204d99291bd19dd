import { explain, RFM_GROUPS, startOfLocalDay, type BusinessSettings, type CustomerInsight, type Suggestion, type TodayItem } from '../insights/index';
import type { HeldSuggestion, InsightCard, InsightSuggestion, TodayEntry } from '../messaging/messages/insights';

/** A finite, non-negative number for the pages (the model's figures are checked here once more). */
const safe = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);

/** What the pages are sent: the engine's results without the evidence maps pages do not read. */

export function toSuggestionView(suggestion: Suggestion, settings: BusinessSettings, now: number): InsightSuggestion {
  const { ruleId, title, reason, channel, dueAt, priority, factsKey } = suggestion;
  return { ruleId, title, reason, channel, dueAt, priority, factsKey, overdue: dueAt < startOfLocalDay(now, settings.businessHours.timeZone) };
}

export function toInsightCard(insight: CustomerInsight, settings: BusinessSettings, now: number, computedAt: number, held: HeldSuggestion[] = []): InsightCard {
  const { figures, tier, buying } = insight;
  const explanation = explain(insight, settings, now);
  const description = explanation.buying.description;
  return {
    customerId: insight.customerId,
    computedAt,
    tier: { tier: tier.tier, computed: tier.computed, overridden: tier.overridden },
    rfm: RFM_GROUPS[insight.rfm.group],
    stage: insight.stage.stage,
    figures: {
      orderCount: figures.orderCount,
      medianIntervalDays: figures.medianIntervalDays,
      expectedNextOrderAt: figures.expectedNextOrderAt,
      daysSinceLastOrder: figures.daysSinceLastOrder,
      daysSinceLastTouch: figures.daysSinceLastTouch,
      revenue12m: figures.revenue12m,
    },
    buying: {
      pAlive: buying.pAlive === null || !Number.isFinite(buying.pAlive) ? null : Math.min(1, Math.max(0, buying.pAlive)),
      usualGapDays: description && description.usualGapDays.every(Number.isFinite) ? [description.usualGapDays[0], description.usualGapDays[1]] : null,
      nextOrder: description?.nextVisit && [description.nextVisit.at, description.nextVisit.from, description.nextVisit.to].every(Number.isFinite) ? description.nextVisit : null,
      seasonDay: buying.seasonDay,
      expectedOrders12m: safe(buying.expectedOrders12m),
      expectedValue12mMinor: Math.round(safe(buying.expectedValue12mMinor)),
      atStakeMinor: Math.round(safe(buying.atStakeMinor)),
      currency: settings.currency,
    },
    suggestions: insight.suggestions.map((s) => toSuggestionView(s, settings, now)),
    held,
    explanation: {
      buying: explanation.buying.sentences,
      tier: explanation.tier.sentences,
      rfm: explanation.rfm.sentences,
      stage: explanation.stage.sentences,
      suggestions: explanation.suggestions.map((s) => ({ ruleId: s.ruleId, sentences: s.sentences })),
    },
  };
}

export function toTodayEntry(item: TodayItem, email: string | null, settings: BusinessSettings, now: number): TodayEntry {
  return { customerId: item.customerId, name: item.name, email, tier: item.tier, suggestion: toSuggestionView(item.suggestion, settings, now), group: item.group, stakeMinor: Math.round(safe(item.stakeMinor)) };
}

/** What the plan's order reads of a stored entry (lib/insights/today.ts compareItems). */
export function todayItemOf(entry: TodayEntry) {
  return { customerId: entry.customerId, group: entry.group, stakeMinor: entry.stakeMinor, suggestion: entry.suggestion };
}

export { doneInteraction } from '../insights/done';
