import { columnsOf, type FigureColumns } from './columns';
import type { CustomerFigures } from './figures';

export const RFM_GROUPS = {
  champions: 'Champions',
  loyal: 'Loyal',
  active: 'Active',
  promising: 'Promising',
  new: 'New',
  needs_attention: 'Needs attention',
  at_risk: 'At risk',
  previously_loyal: 'Previously loyal',
  almost_lost: 'Almost lost',
  dormant: 'Dormant',
  prospects: 'Prospects',
} as const;
export type RfmGroup = keyof typeof RFM_GROUPS;

export type Score = 1 | 2 | 3 | 4 | 5;
type Range = readonly [min: Score, max: Score];
export type RfmCell = { group: Exclude<RfmGroup, 'prospects'>; r: Range; f: Range; m: Range };

const ALL: Range = [1, 5];

/**
 * Recency × frequency grid in the style of Shopify's customer segments; monetary only splits
 * the lapsed regulars (did they spend a lot?). The boxes are disjoint and cover all 125
 * (R, F, M) cells — tests/lib/insights/rfm.test.ts checks both exhaustively.
 *
 *            F1            F2               F3               F4          F5
 *   R5   New           Active           Loyal            Champions   Champions
 *   R4   Promising     Active           Loyal            Loyal       Loyal
 *   R3   Active        Needs attention  Needs attention  Loyal       Loyal
 *   R2   Almost lost   Almost lost      At risk (M3-5) / Previously loyal (M1-2) …
 *   R1   Dormant       Dormant          At risk (M3-5) / Previously loyal (M1-2) …
 *
 * Customers without a purchase are Prospects, outside the grid.
 */
export const RFM_TABLE: readonly RfmCell[] = [
  { group: 'champions', r: [5, 5], f: [4, 5], m: ALL },
  { group: 'loyal', r: [5, 5], f: [3, 3], m: ALL },
  { group: 'loyal', r: [4, 4], f: [3, 5], m: ALL },
  { group: 'loyal', r: [3, 3], f: [4, 5], m: ALL },
  { group: 'new', r: [5, 5], f: [1, 1], m: ALL },
  { group: 'promising', r: [4, 4], f: [1, 1], m: ALL },
  { group: 'active', r: [3, 3], f: [1, 1], m: ALL },
  { group: 'active', r: [4, 5], f: [2, 2], m: ALL },
  { group: 'needs_attention', r: [3, 3], f: [2, 3], m: ALL },
  { group: 'at_risk', r: [1, 2], f: [3, 5], m: [3, 5] },
  { group: 'previously_loyal', r: [1, 2], f: [3, 5], m: [1, 2] },
  { group: 'almost_lost', r: [2, 2], f: [1, 2], m: ALL },
  { group: 'dormant', r: [1, 1], f: [1, 2], m: ALL },
];

export function cellsMatching(r: Score, f: Score, m: Score): RfmCell[] {
  const inside = (v: Score, [min, max]: Range) => v >= min && v <= max;
  return RFM_TABLE.filter((cell) => inside(r, cell.r) && inside(f, cell.f) && inside(m, cell.m));
}

/** The table resolved once into 125 slots: a recompute looks a group up per customer. */
const LOOKUP: readonly (Exclude<RfmGroup, 'prospects'> | undefined)[] = Array.from({ length: 125 }, (_, i) => {
  const score = (n: number) => ((n % 5) + 1) as Score;
  return cellsMatching(score(Math.floor(i / 25)), score(Math.floor(i / 5)), score(i))[0]?.group;
});

export function rfmGroupFor(r: Score, f: Score, m: Score): Exclude<RfmGroup, 'prospects'> {
  const group = LOOKUP[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
  // The table covers every cell (tested); this only guards against a broken edit.
  if (!group) throw new Error(`RFM table has no cell for R${r} F${f} M${m}`);
  return group;
}

export type RfmResult =
  | { group: 'prospects'; r: null; f: null; m: null }
  | { group: Exclude<RfmGroup, 'prospects'>; r: Score; f: Score; m: Score };

/**
 * Scores are relative to this business's own customers with purchases, so they work from the
 * first two customers: each value's mid-rank percentile p = (below + equal / 2) / n gives
 * score 1 + ⌊5p⌋ (quintiles when n is large; equal values share a score; a lone customer
 * sits in the middle, 3). R ranks the last order date, F the number of purchases, M lifetime
 * revenue in the business currency (see figures.ts).
 * One exception: a single purchase is always F1 — one order is not a habit, however many
 * other one-time buyers there are.
 */
export function computeRfm(figures: readonly CustomerFigures[]): Map<string, RfmResult> {
  const inOrder = rfmInOrder(columnsOf(figures));
  // Buyers first, then prospects, each in input order.
  const results = new Map<string, RfmResult>();
  figures.forEach((x, i) => {
    const rfm = inOrder[i] as RfmResult;
    if (rfm.group !== 'prospects') results.set(x.customerId, rfm);
  });
  figures.forEach((x, i) => {
    if (!results.has(x.customerId)) results.set(x.customerId, inOrder[i] as RfmResult);
  });
  return results;
}

/** computeRfm by position, from the figures' columns (columns.ts): no Map of 100,000 ids. */
export function rfmInOrder(columns: FigureColumns): RfmResult[] {
  const { orderCount, lastOrderAt, rankedLifetimeMinor } = columns;
  const count = orderCount.length;
  const buyers: number[] = [];
  for (let i = 0; i < count; i++) {
    // A null last order is NaN in the column.
    if ((orderCount[i] as number) > 0 && !Number.isNaN(lastOrderAt[i])) buyers.push(i);
  }
  const valuesOf = (column: Float64Array) => {
    const values = new Float64Array(buyers.length);
    for (let k = 0; k < buyers.length; k++) values[k] = column[buyers[k] as number] as number;
    return values;
  };
  const r = scoresOf(valuesOf(lastOrderAt));
  const f = scoresOf(valuesOf(orderCount));
  const m = scoresOf(valuesOf(rankedLifetimeMinor));
  const results = new Array<RfmResult | undefined>(count).fill(undefined);
  for (let k = 0; k < buyers.length; k++) {
    const i = buyers[k] as number;
    const rs = r[k] as Score;
    const fs = orderCount[i] === 1 ? 1 : (f[k] as Score);
    const ms = m[k] as Score;
    results[i] = { group: rfmGroupFor(rs, fs, ms), r: rs, f: fs, m: ms };
  }
  for (let i = 0; i < count; i++) {
    if (results[i] === undefined) results[i] = { group: 'prospects', r: null, f: null, m: null };
  }
  return results as RfmResult[];
}

/** Higher value → higher score. O(n log n): see scoresOf. */
export function percentileScores(values: readonly number[]): Score[] {
  return Array.from(scoresOf(Float64Array.from(values)), (score) => score as Score);
}

/**
 * The scores of `values`, from a sorted copy (a Float64Array sorts natively, numerically,
 * without a comparator): each run of equal values gets its score once, and each value finds
 * its run by binary search.
 */
function scoresOf(values: Float64Array): Uint8Array {
  const n = values.length;
  const sorted = values.slice().sort();
  // The score of a run, stored at the run's first position (where the binary search lands).
  const runScores = new Uint8Array(n);
  let start = 0;
  while (start < n) {
    const value = sorted[start] as number;
    let end = start;
    while (end < n && sorted[end] === value) end++;
    const p = (start + (end - start) / 2) / n;
    runScores[start] = Math.min(5, 1 + Math.floor(p * 5));
    start = end;
  }
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) scores[i] = runScores[firstNotBelow(sorted, values[i] as number)] as number;
  return scores;
}

/** The first position in ascending `sorted` whose value is not below `value`. */
function firstNotBelow(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
