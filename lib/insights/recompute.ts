import type { Tier } from '../model/records';
import { computeConcentration, type Concentration } from './concentration';
import { businessMedianIntervalDays, computeFigures, type CustomerFigures } from './figures';
import { prepareFacts } from './prepare';
import { computeRfm, type RfmResult } from './rfm';
import type { Suggestion } from './rules/rule';
import { computeStage, type StageResult } from './stage';
import { holdsFor, indexHolds, suggestFromRuleFacts } from './suggest';
import { tiersFromFigures, type TierResult } from './tier';
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
 */
export function recomputeAll(
  all: readonly CustomerFacts[],
  settings: BusinessSettings,
  now: number,
  state: SuggestionState = NO_HOLDS,
): Insights {
  const prepared = all.map((facts) => prepareFacts(facts, now));
  const figures = prepared.map((p) => computeFigures(p, settings.currency, now));
  const overrides = new Map<string, Tier | null>(all.map((f) => [f.customer.id, f.customer.tierOverride]));
  const tiers = tiersFromFigures(figures, overrides, settings);
  const rfm = computeRfm(figures);
  const businessMedian = businessMedianIntervalDays(figures);
  const holds = indexHolds(state);
  const customers = new Map<string, CustomerInsight>();
  prepared.forEach((p, i) => {
    const f = figures[i] as CustomerFigures;
    const id = p.customer.id;
    const tier = tiers.get(id) as TierResult;
    const stage = computeStage(p, f, businessMedian);
    const suggestions = suggestFromRuleFacts({ prepared: p, figures: f, tier, stage, settings }, now, holdsFor(holds, id));
    customers.set(id, { customerId: id, name: p.customer.name, figures: f, tier, rfm: rfm.get(id) as RfmResult, stage, suggestions });
  });
  return { customers, concentration: computeConcentration(figures, settings.currency), businessMedianIntervalDays: businessMedian };
}
