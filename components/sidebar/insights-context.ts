import { createContext } from 'preact';
import type { InsightSuggestion } from '../../lib/messaging/protocol';
import type { InsightsState } from '../../lib/sidebar/insights-store';

type RuleId = InsightSuggestion['ruleId'];

/**
 * The selected customer's insights and what can be done with them, handed down by context so
 * the sidebar's layers in between need not pass them along. The entrypoint provides it; a card
 * without a provider (tests, other pages) simply shows no insights.
 */
export interface InsightsSlot {
  state: InsightsState;
  onDone: (customerId: string, ruleId: RuleId) => Promise<void>;
  onSnooze: (customerId: string, ruleId: RuleId, factsKey: string, until: number) => Promise<void>;
  onDismiss: (customerId: string, ruleId: RuleId, factsKey: string) => Promise<void>;
  onUndo: (customerId: string, ruleId: RuleId, factsKey: string) => Promise<void>;
}

export const InsightsContext = createContext<InsightsSlot | null>(null);
