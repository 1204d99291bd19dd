import { signal, type Signal } from '@preact/signals';
import type { InsightCard, InsightSuggestion } from '../messaging/protocol';

type RuleId = InsightSuggestion['ruleId'];

/** What the sidebar's next-action card needs from the extension (see insights.* messages). */
export interface InsightsApi {
  card(customerId: string): Promise<InsightCard>;
  done(customerId: string, ruleId: RuleId): Promise<InsightCard>;
  snooze(customerId: string, ruleId: RuleId, factsKey: string, until: number): Promise<InsightCard>;
  dismiss(customerId: string, ruleId: RuleId, factsKey: string): Promise<InsightCard>;
}

export type InsightsState =
  | { kind: 'none' }
  | { kind: 'loading'; customerId: string }
  | { kind: 'error'; customerId: string; message: string }
  | { kind: 'ready'; customerId: string; card: InsightCard };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The insights of the customer the sidebar shows. Kept apart from the card's own state: the
 * card paints first and the tier and next action follow, and a failure here never hides the
 * customer. Replies for a customer who is no longer shown are dropped.
 */
export function createInsightsStore(api: InsightsApi) {
  const state: Signal<InsightsState> = signal({ kind: 'none' });
  let shown: string | null = null;
  let generation = 0;

  async function load(customerId: string, quiet: boolean) {
    const gen = ++generation;
    const current = state.value;
    if (!quiet || current.kind === 'none' || current.customerId !== customerId) state.value = { kind: 'loading', customerId };
    try {
      const card = await api.card(customerId);
      if (gen === generation) state.value = { kind: 'ready', customerId, card };
    } catch (error) {
      if (gen === generation) state.value = { kind: 'error', customerId, message: message(error) };
    }
  }

  /** Applies the card an action replied with; rejects (for the button to show) on failure. */
  async function act(customerId: string, work: () => Promise<InsightCard>) {
    const card = await work();
    if (shown === customerId) {
      generation++;
      state.value = { kind: 'ready', customerId, card };
    }
  }

  return {
    state,
    /** Follows the selected customer; the same one again is not reloaded. */
    show(customerId: string | null) {
      if (customerId === shown) return;
      shown = customerId;
      if (customerId === null) {
        generation++;
        state.value = { kind: 'none' };
      } else void load(customerId, false);
    },
    /** After a change anywhere: reload, keeping what is shown until the answer arrives. */
    refresh() {
      if (shown !== null) void load(shown, true);
    },
    done: (customerId: string, ruleId: RuleId) => act(customerId, () => api.done(customerId, ruleId)),
    snooze: (customerId: string, ruleId: RuleId, factsKey: string, until: number) =>
      act(customerId, () => api.snooze(customerId, ruleId, factsKey, until)),
    dismiss: (customerId: string, ruleId: RuleId, factsKey: string) => act(customerId, () => api.dismiss(customerId, ruleId, factsKey)),
  };
}

export type InsightsStore = ReturnType<typeof createInsightsStore>;
