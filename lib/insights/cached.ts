import type { CustomerInsights } from '../model/records';
import type { CustomerInsight } from './recompute';
import { RFM_GROUPS } from './rfm';

/**
 * The classification cached on the customer record (records.ts CustomerInsights). `tier` is
 * the computed tier: the override already lives on the customer (`tierOverride`) and wins
 * wherever the two are read together.
 */
export function toCustomerInsights(insight: CustomerInsight, now: number): CustomerInsights {
  return {
    tier: insight.tier.computed,
    tierOverridden: insight.tier.overridden,
    rfm: RFM_GROUPS[insight.rfm.group],
    stage: insight.stage.stage,
    computedAt: now,
  };
}
