import { columnsOf, type FigureColumns } from './columns';
import type { CustomerFigures } from './figures';

import { PROSPECTS, RFM_GRID } from './rfm-grid';

type GridCell = (typeof RFM_GRID)[number];
export type RfmGroup = GridCell['group'] | 'prospects';
type GroupName<K extends RfmGroup> = Extract<GridCell | typeof PROSPECTS, { group: K }>['name'];

/** Each group's name as the card shows it (Shopify's). */
export const RFM_GROUPS = Object.fromEntries([...RFM_GRID, PROSPECTS].map((cell) => [cell.group, cell.name])) as { [K in RfmGroup]: GroupName<K> };

/** Shopify's words for each group, for Explain. */
export const RFM_MEANINGS = Object.fromEntries([...RFM_GRID, PROSPECTS].map((cell) => [cell.group, cell.meaning])) as Record<RfmGroup, string>;

export type Score = 1 | 2 | 3 | 4 | 5;

/** FM = (F + M) / 2, as Shopify reads the grid. */
export function fmScore(f: Score, m: Score): number {
  return (f + m) / 2;
}

/** The grid's cells that hold (R, F, M): exactly one (tested). */
export function cellsMatching(r: Score, f: Score, m: Score): GridCell[] {
  const fm = fmScore(f, m);
  return RFM_GRID.filter((cell) => r >= cell.r[0] && r <= cell.r[1] && fm >= cell.fm[0] && fm <= cell.fm[1]);
}

/** The grid resolved once into 125 slots: a recompute looks a group up per customer. */
const LOOKUP: readonly (Exclude<RfmGroup, 'prospects'> | undefined)[] = Array.from({ length: 125 }, (_, i) => {
  const score = (n: number) => ((n % 5) + 1) as Score;
  return cellsMatching(score(Math.floor(i / 25)), score(Math.floor(i / 5)), score(i))[0]?.group;
});

export function rfmGroupFor(r: Score, f: Score, m: Score): Exclude<RfmGroup, 'prospects'> {
  const group = LOOKUP[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
  // The grid covers every cell (tested); this only guards against a broken edit.
  if (!group) throw new Error(`RFM grid has no cell for R${r} F${f} M${m}`);
  return group;
}

export type RfmResult =
  | { group: 'prospects'; r: null; f: null; m: null }
  | { group: Exclude<RfmGroup, 'prospects'>; r: Score; f: Score; m: Score };

/**
 * Scores are relative to this business's own customers with purchases (Shopify scores by quintile
 * within the store too), so they work from the
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
