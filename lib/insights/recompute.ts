import { computeConcentration, type Concentration } from './concentration';
import { businessMedianIntervalDays, computeFigures, type CustomerFigures } from './figures';
import { prepareFacts, type PreparedFacts } from './prepare';
import { rfmInOrder, type RfmResult } from './rfm';
import type { Suggestion } from './rules/rule';
import { computeStage, type StageResult } from './stage';
import { holdsFor, indexHolds, suggestFromRuleFacts } from './suggest';
import { tiersInOrder, type TierResult } from './tier';
import { NO_HOLDS, type BusinessSettings, type CustomerFacts, type SuggestionState } from './types';

export type CustomerInsight = {
  customerId: string;
  name: string;
  figures: CustomerFigures;
  tier: TierResult;
  rfm: RfmResult;
  stage: StageResult;
  /** Ranked: the top suggestion and up to two alternatives. */
  suggestions: Suggestion[];
};

export type Insights = {
  customers: Map<string, CustomerInsight>;
  concentration: Concentration;
  businessMedianIntervalDays: number | null;
};

/**
 * Everything for every customer in one pass. Linear in rows apart from sorts (each
 * customer's rows once, the Pareto ranking once, three RFM sorts once): no step compares
 * customers pairwise. Holds are optional so the background can cache the un-held result.
 * At 100,000 customers every step counts: the business-wide steps hand results back by
 * position (arrays, not Maps by id), and per-customer work avoids callbacks and copies.
 */
export function recomputeAll(
  all: readonly CustomerFacts[],
  settings: BusinessSettings,
  now: number,
  state: SuggestionState = NO_HOLDS,
): Insights {
  const n = all.length;
  const prepared = new Array<PreparedFacts>(n);
  const figures = new Array<CustomerFigures>(n);
  for (let i = 0; i < n; i++) {
    const p = prepareFacts(all[i] as CustomerFacts, now);
    prepared[i] = p;
    figures[i] = computeFigures(p, settings.currency, now);
  }
  const tiers = tiersInOrder(figures, (i) => (all[i] as CustomerFacts).customer.tierOverride, settings);
  const rfm = rfmInOrder(figures);
  const businessMedian = businessMedianIntervalDays(figures);
  const holds = indexHolds(state);
  const customers = new Map<string, CustomerInsight>();
  for (let i = 0; i < n; i++) {
    const p = prepared[i] as PreparedFacts;
    const f = figures[i] as CustomerFigures;
    const id = p.customer.id;
    const tier = tiers[i] as TierResult;
    const stage = computeStage(p, f, businessMedian);
    const suggestions = suggestFromRuleFacts({ prepared: p, figures: f, tier, stage, settings }, now, holdsFor(holds, id));
    customers.set(id, { customerId: id, name: p.customer.name, figures: f, tier, rfm: rfm[i] as RfmResult, stage, suggestions });
  }
  return { customers, concentration: computeConcentration(figures, settings.currency), businessMedianIntervalDays: businessMedian };
}
