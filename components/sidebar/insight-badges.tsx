import type { InsightCard } from '../../lib/messaging/protocol';
import type { InsightsState } from '../../lib/sidebar/insights-store';

export const STAGE_LABELS: Record<InsightCard['stage'], string> = {
  prospect: 'Prospect',
  new: 'New',
  active: 'Active',
  growing: 'Growing',
  at_risk: 'At risk',
  lapsed: 'Lapsed',
};

/** Tier badge, RFM group and life-cycle stage for the card header. Nothing until known. */
export function InsightBadges({ state }: { state: InsightsState }) {
  if (state.kind === 'loading') return <p class="insight-badges insight-badges--loading muted">Tier…</p>;
  if (state.kind !== 'ready') return null;
  const { tier, rfm, stage } = state.card;
  const tierText = tier.tier === 'Prospect' ? 'Prospect' : `Tier ${tier.tier}`;
  return (
    <ul class="insight-badges" aria-label="Classification">
      <li class={`tier-badge tier-badge--${tier.tier.toLowerCase()}`} title={tier.overridden ? `Set by hand; the figures give ${tier.computed}` : undefined}>
        {tierText}
        {tier.overridden && <span class="tier-badge__mark"> · set by hand</span>}
      </li>
      <li class="insight-chip" title="RFM group">
        {rfm}
      </li>
      <li class="insight-chip insight-chip--stage" title="Life-cycle stage">
        {STAGE_LABELS[stage]}
      </li>
    </ul>
  );
}
