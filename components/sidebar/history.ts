import type { CustomerCard } from '../../lib/messaging/protocol';
import type { InteractionKind } from '../../lib/model/records';
import { formatMoney } from '../format';

export type HistoryKind = 'order' | InteractionKind;

export interface HistoryEntry {
  /** Unique across kinds: records of different tables may share an id. */
  key: string;
  kind: HistoryKind;
  at: number;
  title: string;
  detail: string | null;
}

// A Record over every kind, so a kind added to the model fails the type check here.
const INTERACTION_TITLES: Record<InteractionKind, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  survey_sent: 'Survey sent',
  feedback_positive: 'Positive feedback',
  feedback_negative: 'Negative feedback',
  complaint_opened: 'Complaint opened',
  complaint_resolved: 'Complaint resolved',
  referral: 'Referral',
  thank_you: 'Thank-you sent',
  other: 'Interaction',
};

function orderTitle(number: string | null, total: string): string {
  if (!number) return `Order · ${total}`;
  // Stores differ: some numbers already carry the "#".
  return `Order ${number.startsWith('#') ? number : `#${number}`} · ${total}`;
}

/**
 * Orders and interactions of a card as one timeline, newest first (notes have their own
 * section, so they are not repeated here). Tombstoned rows
 * are left out even if a reply carries them. Ties keep a stable order (by key) so the list
 * does not jump between refreshes.
 */
export function buildHistory(card: CustomerCard, locale?: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const order of card.orders) {
    if (order.deletedAt !== null) continue;
    entries.push({
      key: `order:${order.id}`,
      kind: 'order',
      at: order.orderedAt,
      title: orderTitle(order.number, formatMoney(order.total.minor, order.total.currency, locale)),
      detail: order.status,
    });
  }
  for (const interaction of card.interactions) {
    if (interaction.deletedAt !== null) continue;
    entries.push({
      key: `interaction:${interaction.id}`,
      kind: interaction.kind,
      at: interaction.at,
      title: INTERACTION_TITLES[interaction.kind],
      detail: interaction.summary || null,
    });
  }
  return entries.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
