import type { Tier } from '../model/records';
import { emptyColumns, setColumns } from './columns';
import { concentrationOf, type Concentration } from './concentration';
import { businessMedianOfColumns, computeFigures, type CustomerFigures } from './figures';
import { prepareFacts, type PreparedFacts } from './prepare';
import { rfmInOrder, type RfmResult } from './rfm';
import type { Suggestion } from './rules/rule';
import { gapsShrinking, spendTrend, stageFromTrends, type StageResult } from './stage';
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
 * Everything for every customer. Linear in rows apart from sorts (each
 * customer's rows once, the Pareto ranking once, three RFM sorts once): no step compares
 * customers pairwise. Holds are optional so the background can cache the un-held result.
 *
 * At 100,000 customers and a million orders, how often each customer's scattered rows are
 * visited decides the time. So there are two walks over the customers: the first takes
 * everything a customer's own rows give (figures, both stage trends, the tier override) while
 * they are at hand, and packs the figures the business-wide steps rank by into columns
 * (columns.ts); those steps hand results back by position, not in Maps by id. The second,
 * once the business-wide results are known, makes stages, suggestions and the insights.
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
  const spends = new Array<StageResult['spend']>(n);
  const shrinking = new Uint8Array(n);
  const overrides = new Array<Tier | null>(n);
  const columns = emptyColumns(n);
  for (let i = 0; i < n; i++) {
    const p = prepareFacts(all[i] as CustomerFacts, now);
    const f = computeFigures(p, settings.currency, now);
    prepared[i] = p;
    figures[i] = f;
    spends[i] = spendTrend(p, f.currency);
    shrinking[i] = gapsShrinking(p) ? 1 : 0;
    overrides[i] = p.customer.tierOverride;
    setColumns(columns, i, f);
  }
  const tiers = tiersInOrder(figures, columns, (i) => overrides[i] as Tier | null, settings);
  const rfm = rfmInOrder(columns);
  const businessMedian = businessMedianOfColumns(columns);
  const holds = indexHolds(state);
  const customers = new Map<string, CustomerInsight>();
  for (let i = 0; i < n; i++) {
    const p = prepared[i] as PreparedFacts;
    const f = figures[i] as CustomerFigures;
    const id = p.customer.id;
    const tier = tiers[i] as TierResult;
    const stage = stageFromTrends(f, spends[i] as StageResult['spend'], shrinking[i] === 1, businessMedian);
    const suggestions = suggestFromRuleFacts({ prepared: p, figures: f, tier, stage, settings }, now, holdsFor(holds, id));
    customers.set(id, { customerId: id, name: p.customer.name, figures: f, tier, rfm: rfm[i] as RfmResult, stage, suggestions });
  }
  return { customers, concentration: concentrationOf(figures, columns, settings.currency), businessMedianIntervalDays: businessMedian };
}
