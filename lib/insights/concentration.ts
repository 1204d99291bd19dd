import type { CustomerFigures } from './figures';
import { compareText } from './prepare';

export const TOP1_LIMIT = 0.25;
export const TOP5_LIMIT = 0.5;

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

/**
 * How much trailing-12-month revenue (business currency) hangs on the biggest customers.
 * Flagged above 25 % for the top one and 50 % for the top five. A business with five or
 * fewer paying customers is always flagged on the top five: that is the honest answer.
 * Without revenue nothing is flagged.
 */
export function computeConcentration(figures: readonly CustomerFigures[], currency: string): Concentration {
  const paying = figures.filter((f) => f.rankedRevenue12mMinor > 0);
  let totalMinor = 0;
  for (const f of paying) totalMinor += f.rankedRevenue12mMinor;
  const top = topFive(paying);
  const top1Minor = top[0]?.rankedRevenue12mMinor ?? 0;
  let top5Minor = 0;
  for (const f of top) top5Minor += f.rankedRevenue12mMinor;
  const top1Share = totalMinor > 0 ? top1Minor / totalMinor : 0;
  const top5Share = totalMinor > 0 ? top5Minor / totalMinor : 0;
  return {
    currency,
    totalMinor,
    top1Share,
    top5Share,
    top1Flagged: top1Share > TOP1_LIMIT,
    top5Flagged: top5Share > TOP5_LIMIT,
    topCustomerIds: top.map((f) => f.customerId),
  };
}

/** A linear pass instead of a sort: this runs over every customer on each recompute. */
function topFive(paying: readonly CustomerFigures[]): CustomerFigures[] {
  const top: CustomerFigures[] = [];
  const better = (x: CustomerFigures, y: CustomerFigures) =>
    x.rankedRevenue12mMinor > y.rankedRevenue12mMinor ||
    (x.rankedRevenue12mMinor === y.rankedRevenue12mMinor && compareText(x.customerId, y.customerId) < 0);
  for (const f of paying) {
    let i = top.length;
    while (i > 0 && better(f, top[i - 1] as CustomerFigures)) i--;
    if (i < 5) {
      top.splice(i, 0, f);
      if (top.length > 5) top.pop();
    }
  }
  return top;
}
