import type { Tier } from '../model/records';
import { businessMedianOfColumns, columnsUpTo, emptyColumns, setColumns, widerColumns } from './columns';
import { concentrationOf, type Concentration } from './concentration';
import { computeFigures, type CustomerFigures } from './figures';
import { DEFAULT_PATTERN, predictBuying, summarizeBuying, type BuyingPattern, type BuyingPrediction, type BuyingSummary } from './model/buying';
import { fitBuyingPattern } from './model/fit';
import { prepareFacts, type PreparedFacts } from './prepare';
import { rfmInOrder, type RfmResult } from './rfm';
import type { Suggestion } from './rules/index';
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
  /** The buying model's prediction: chance still buying, expected orders and value, what is at stake. */
  buying: BuyingPrediction;
  /** What the model read of their orders (for the ranges a card shows). */
  summary: BuyingSummary;
  /** Ranked: the top suggestion and up to two alternatives. */
  suggestions: Suggestion[];
};

export type Insights = {
  customers: Map<string, CustomerInsight>;
  concentration: Concentration;
  businessMedianIntervalDays: number | null;
  /** The business's buying pattern the predictions lean on (fitted on its customers). */
  pattern: BuyingPattern;
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
  previous: BuyingPattern = DEFAULT_PATTERN,
): Insights {
  const recompute = startRecompute(settings, now, all.length, previous);
  for (let i = 0; i < all.length; i++) recompute.add(all[i] as CustomerFacts);
  return recompute.finish(state);
}

/** recomputeAll fed one customer at a time: `add` is the first walk, `finish` the rest. */
export type Recompute = {
  /** Takes one customer's facts (the first walk); the result lists customers in this order. */
  add(facts: CustomerFacts): void;
  /** The business-wide steps and the second walk, once every customer was added. Once only. */
  finish(state?: SuggestionState): Insights;
};

/**
 * recomputeAll in two steps, so a caller that reads the customers in pages can do each one's
 * own part while the next page is being read (lib/db/insights.ts readFactsInPages), and the
 * business-wide part once the last page is in. Gives exactly recomputeAll's result for the
 * customers added, in the order they were added. `expected` sizes the buffers (they grow past it).
 */
export function startRecompute(settings: BusinessSettings, now: number, expected = 1_024, previous: BuyingPattern = DEFAULT_PATTERN): Recompute {
  let capacity = Math.max(16, expected);
  let n = 0;
  const prepared: PreparedFacts[] = [];
  const figures: CustomerFigures[] = [];
  const spends: StageResult['spend'][] = [];
  const overrides: (Tier | null)[] = [];
  const summaries: BuyingSummary[] = [];
  let shrinking = new Uint8Array(capacity);
  let columns = emptyColumns(capacity);
  let finished = false;

  function grow(): void {
    capacity *= 2;
    const wider = new Uint8Array(capacity);
    wider.set(shrinking);
    shrinking = wider;
    columns = widerColumns(columns, capacity);
  }

  return {
    add(facts: CustomerFacts): void {
      if (finished) throw new Error('This recompute is finished.');
      if (n === capacity) grow();
      const p = prepareFacts(facts, now);
      const f = computeFigures(p, settings.currency, now);
      prepared.push(p);
      figures.push(f);
      spends.push(spendTrend(p, f.currency));
      shrinking[n] = gapsShrinking(p) ? 1 : 0;
      overrides.push(p.customer.tierOverride);
      summaries.push(summarizeBuying(p.purchases, settings.currency));
      setColumns(columns, n, f);
      n++;
    },

    finish(state: SuggestionState = NO_HOLDS): Insights {
      if (finished) throw new Error('This recompute is finished.');
      finished = true;
      const used = n === capacity ? columns : columnsUpTo(columns, n);
      const tiers = tiersInOrder(figures, used, (i) => overrides[i] as Tier | null, settings);
      const rfm = rfmInOrder(used);
      const businessMedian = businessMedianOfColumns(used);
      // The business-wide buying pattern, warm-started from the last one.
      const pattern = fitBuyingPattern(summaries, now, previous);
      const holds = indexHolds(state);
      const customers = new Map<string, CustomerInsight>();
      for (let i = 0; i < n; i++) {
        const p = prepared[i] as PreparedFacts;
        const f = figures[i] as CustomerFigures;
        const id = p.customer.id;
        const tier = tiers[i] as TierResult;
        const buying = predictBuying(summaries[i] as BuyingSummary, pattern, now);
        const stage = stageFromTrends(f, spends[i] as StageResult['spend'], shrinking[i] === 1, businessMedian, buying);
        const r = rfm[i] as RfmResult;
        const suggestions = suggestFromRuleFacts({ prepared: p, figures: f, tier, rfm: r, buying, stage, settings }, now, holdsFor(holds, id));
        customers.set(id, { customerId: id, name: p.customer.name, figures: f, tier, rfm: r, stage, buying, summary: summaries[i] as BuyingSummary, suggestions });
      }
      return { customers, concentration: concentrationOf(figures, used, settings.currency, settings.concentrationAlert), businessMedianIntervalDays: businessMedian, pattern };
    },
  };
}
