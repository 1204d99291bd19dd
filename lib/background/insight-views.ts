import { explain, RFM_GROUPS, startOfLocalDay, type BusinessSettings, type CustomerInsight, type Suggestion, type TodayItem } from '../insights/index';
import type { InsightCard, InsightSuggestion, TodayEntry } from '../messaging/messages/insights';
import type { InteractionKind } from '../model/records';

/** What the pages are sent: the engine's results without the evidence maps pages do not read. */

export function toSuggestionView(suggestion: Suggestion, settings: BusinessSettings, now: number): InsightSuggestion {
  const { ruleId, title, reason, channel, dueAt, priority, factsKey } = suggestion;
  return { ruleId, title, reason, channel, dueAt, priority, factsKey, overdue: dueAt < startOfLocalDay(now, settings.businessHours.timeZone) };
}

export function toInsightCard(insight: CustomerInsight, settings: BusinessSettings, now: number, computedAt: number): InsightCard {
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

/**
 * The interaction that doing a suggestion logs. Where a rule waits for a kind of interaction
 * (a thank-you, a survey, a resolution, a referral) it is that kind, so the rule sees it done;
 * everything else is `other`, named by the suggestion, and still resets the keep-in-touch cadence.
 */
const DONE_KINDS: Partial<Record<Suggestion['ruleId'], InteractionKind>> = {
  'thank-first-order': 'thank_you',
  'ask-feedback': 'survey_sent',
  'resolve-complaint': 'complaint_resolved',
  'ask-referral': 'referral',
};

export function doneInteraction(suggestion: Suggestion): { kind: InteractionKind; summary: string } {
  return { kind: DONE_KINDS[suggestion.ruleId] ?? 'other', summary: suggestion.title };
}
