import type { InsightCard } from '../../lib/messaging/protocol';
import type { InsightsState } from '../../lib/sidebar/insights-store';

/** The tier as a shop owner says it. */
const TIER_WORDS: Record<InsightCard['tier']['tier'], string> = {
  A: 'Top customer',
  B: 'Regular customer',
  C: 'Occasional customer',
  Prospect: 'Prospect',
};

/** What the stage adds to the tier, in a word; nothing where it would only repeat it. */
const STAGE_WORDS: Record<InsightCard['stage'], string | null> = {
  prospect: null,
  new: 'new',
  active: null,
  growing: 'growing',
  at_risk: 'slipping',
  lapsed: 'lapsed',
};

/**
 * One status in words for the card: "Top customer · slipping", "Prospect", "Occasional
 * customer · new". The RFM group and the figures behind it are in Explain.
 */
export function statusWords(card: Pick<InsightCard, 'tier' | 'stage'>): { tier: string; stage: string | null } {
  return { tier: TIER_WORDS[card.tier.tier], stage: card.tier.tier === 'Prospect' ? null : STAGE_WORDS[card.stage] };
}

/** The card's status line under the name. Nothing until known. */
export function InsightBadges({ state }: { state: InsightsState }) {
  if (state.kind === 'loading') return <p class="insight-badges insight-badges--loading muted">…</p>;
  if (state.kind !== 'ready') return null;
  const { tier } = state.card;
  const words = statusWords(state.card);
  return (
    <p class="insight-badges" aria-label="Status">
      <span class={`tier-badge tier-badge--${tier.tier.toLowerCase()}`} title={tier.overridden ? `Set by hand; the figures say: ${TIER_WORDS[tier.computed].toLowerCase()}` : undefined}>
        {words.tier}
        {tier.overridden && <span class="tier-badge__mark"> (set by hand)</span>}
      </span>
      {words.stage && <span class="insight-status__stage"> · {words.stage}</span>}
    </p>
  );
}
