import { explain, RFM_GROUPS, startOfLocalDay, type BusinessSettings, type CustomerInsight, type Suggestion, type TodayItem } from '../insights/index';
import type { HeldSuggestion, InsightCard, InsightSuggestion, TodayEntry } from '../messaging/messages/insights';

/** What the pages are sent: the engine's results without the evidence maps pages do not read. */

export function toSuggestionView(suggestion: Suggestion, settings: BusinessSettings, now: number): InsightSuggestion {
  const { ruleId, title, reason, channel, dueAt, priority, factsKey } = suggestion;
  return { ruleId, title, reason, channel, dueAt, priority, factsKey, overdue: dueAt < startOfLocalDay(now, settings.businessHours.timeZone) };
}

export function toInsightCard(insight: CustomerInsight, settings: BusinessSettings, now: number, computedAt: number, held: HeldSuggestion[] = []): InsightCard {
  const { figures, tier } = insight;
  const explanation = explain(insight, settings);
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
    suggestions: insight.suggestions.map((s) => toSuggestionView(s, settings, now)),
    held,
    explanation: {
      tier: explanation.tier.sentences,
      rfm: explanation.rfm.sentences,
      stage: explanation.stage.sentences,
      suggestions: explanation.suggestions.map((s) => ({ ruleId: s.ruleId, sentences: s.sentences })),
    },
  };
}

export function toTodayEntry(item: TodayItem, email: string | null, settings: BusinessSettings, now: number): TodayEntry {
  return { customerId: item.customerId, name: item.name, email, tier: item.tier, suggestion: toSuggestionView(item.suggestion, settings, now) };
}

export { doneInteraction } from '../insights/done';
