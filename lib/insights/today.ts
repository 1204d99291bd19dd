import { endOfLocalDay, startOfLocalDay } from './business-hours';
import { compareText } from './prepare';
import { recomputeAll, type Insights } from './recompute';
import type { Suggestion } from './rules/rule';
import { compareSuggestions } from './suggest';
import { NO_HOLDS, type BusinessSettings, type CustomerFacts, type SuggestionState, type TierName } from './types';

export type TodayItem = {
  customerId: string;
  name: string;
  tier: TierName;
  suggestion: Suggestion;
  /** Due before today began (in the business's time zone). */
  overdue: boolean;
};

/** Relationships whose top suggestion is due by the end of today, most important first. */
export function todayList(
  all: readonly CustomerFacts[],
  settings: BusinessSettings,
  now: number,
  state: SuggestionState = NO_HOLDS,
): TodayItem[] {
  return todayFromInsights(recomputeAll(all, settings, now, state), settings, now);
}

/** The same list from an existing recompute (holds already applied there). */
export function todayFromInsights(insights: Insights, settings: BusinessSettings, now: number): TodayItem[] {
  const tz = settings.businessHours.timeZone;
  const startOfToday = startOfLocalDay(now, tz);
  const endOfToday = endOfLocalDay(now, tz);
  const items: TodayItem[] = [];
  for (const insight of insights.customers.values()) {
    const top = insight.suggestions[0];
    if (!top || top.dueAt >= endOfToday) continue;
    items.push({ customerId: insight.customerId, name: insight.name, tier: insight.tier.tier, suggestion: top, overdue: top.dueAt < startOfToday });
  }
  items.sort((x, y) => compareSuggestions(x.suggestion, y.suggestion) || compareText(x.customerId, y.customerId));
  return items;
}
