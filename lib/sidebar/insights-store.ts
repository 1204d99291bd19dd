import type { InsightCard, InsightSuggestion, PushEvent } from '../messaging/protocol';
import { followCustomer, type Followed } from './follow-customer';

type RuleId = InsightSuggestion['ruleId'];

/** What the sidebar's next-action card needs from the extension (see insights.* messages). */
export interface InsightsApi {
  card(customerId: string): Promise<InsightCard>;
  done(customerId: string, ruleId: RuleId): Promise<InsightCard>;
  snooze(customerId: string, ruleId: RuleId, factsKey: string, until: number): Promise<InsightCard>;
  dismiss(customerId: string, ruleId: RuleId, factsKey: string): Promise<InsightCard>;
  /** Takes back a Done, Snooze or Dismiss of these facts. */
  undo(customerId: string, ruleId: RuleId, factsKey: string): Promise<InsightCard>;
}

export type InsightsState = Followed<{ kind: 'ready'; customerId: string; card: InsightCard }>;

/**
 * The insights of the customer the sidebar shows (see followCustomer): the card paints first
 * and the tier and next action follow.
 */
export function createInsightsStore(api: InsightsApi) {
  const followed = followCustomer(api.card, (customerId, card: InsightCard) => ({ kind: 'ready' as const, customerId, card }));

  /** Applies the card an action replied with; rejects (for the button to show) on failure. */
  async function act(customerId: string, work: () => Promise<InsightCard>) {
    followed.apply(customerId, await work());
  }

  return {
    state: followed.state,
    show: followed.show,
    /** Reloads, keeping what is shown until the answer arrives. */
    refresh: () => void followed.reload(),
    /** A data push: reloads when it concerns the customer shown. */
    changed: (event: PushEvent & { type: 'data' }) => void followed.changed(event),
    done: (customerId: string, ruleId: RuleId) => act(customerId, () => api.done(customerId, ruleId)),
    snooze: (customerId: string, ruleId: RuleId, factsKey: string, until: number) =>
      act(customerId, () => api.snooze(customerId, ruleId, factsKey, until)),
    dismiss: (customerId: string, ruleId: RuleId, factsKey: string) => act(customerId, () => api.dismiss(customerId, ruleId, factsKey)),
    undo: (customerId: string, ruleId: RuleId, factsKey: string) => act(customerId, () => api.undo(customerId, ruleId, factsKey)),
  };
}

export type InsightsStore = ReturnType<typeof createInsightsStore>;
