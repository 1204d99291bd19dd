import { columnsOf, type FigureColumns } from './columns';
import type { CustomerFigures } from './figures';
import { compareText } from './prepare';


export type Concentration = {
  currency: string;
  totalMinor: number;
  top1Share: number;
  top5Share: number;
  top1Flagged: boolean;
  top5Flagged: boolean;
  /** The five biggest customers, biggest first. */
  topCustomerIds: string[];
};

export type ConcentrationLimits = { top1: number; top5: number };

/**
 * How much trailing-12-month revenue (business currency) hangs on the biggest customers.
 * Flagged above the owner's limits (settings; 15 % for the top one and 30 % for the top five by
 * default). A business with a single paying customer is flagged on the top one; the top five
 * needs at least two. Without revenue nothing is flagged.
 */
export function computeConcentration(figures: readonly CustomerFigures[], currency: string, limits: ConcentrationLimits): Concentration {
  return concentrationOf(figures, columnsOf(figures), currency, limits);
}

/** computeConcentration reading revenue from the figures' columns (columns.ts). */
export function concentrationOf(figures: readonly CustomerFigures[], columns: FigureColumns, currency: string, limits: ConcentrationLimits): Concentration {
  const revenue = columns.rankedRevenue12mMinor;
  let totalMinor = 0;
  for (let i = 0; i < revenue.length; i++) if ((revenue[i] as number) > 0) totalMinor += revenue[i] as number;
  const top = topFive(figures, revenue);
  const top1Minor = top.length > 0 ? (revenue[top[0] as number] as number) : 0;
  let top5Minor = 0;
  for (const i of top) top5Minor += revenue[i] as number;
  const top1Share = totalMinor > 0 ? top1Minor / totalMinor : 0;
  const top5Share = totalMinor > 0 ? top5Minor / totalMinor : 0;
  return {
    currency,
    totalMinor,
    top1Share,
    top5Share,
    top1Flagged: top1Share > limits.top1,
    top5Flagged: top.length > 1 && top5Share > limits.top5,
    topCustomerIds: top.map((i) => (figures[i] as CustomerFigures).customerId),
  };
}

/** Positions of the five biggest payers. A linear pass instead of a sort: this runs over every customer on each recompute. */
function topFive(figures: readonly CustomerFigures[], revenue: Float64Array): number[] {
  const top: number[] = [];
  const idOf = (i: number) => (figures[i] as CustomerFigures).customerId;
  const better = (x: number, y: number) =>
    (revenue[x] as number) > (revenue[y] as number) ||
    (revenue[x] === revenue[y] && compareText(idOf(x), idOf(y)) < 0);
  for (let f = 0; f < revenue.length; f++) {
    if (!((revenue[f] as number) > 0)) continue;
    let i = top.length;
    while (i > 0 && better(f, top[i - 1] as number)) i--;
    if (i < 5) {
      top.splice(i, 0, f);
      if (top.length > 5) top.pop();
    }
  }
  return top;
}
