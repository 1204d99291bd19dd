import { STAGES } from '../../model/records';
import type { ConcentrationLimits } from '../concentration';
import { compareText } from '../prepare';
import type { Stage } from '../stage';
import type { TierName } from '../types';
import { BOOK_RFM_GROUPS, BOOK_TIERS } from './book';
import type { Scope } from './filters';
import { RFM_BANDS, type RfmBand } from './segment';
import { needs, ok, type Status } from './status';

/** Where revenue comes from: the Pareto curve, tiers, the RFM grid and the life-cycle stages. */

/** Below this many paying customers a Pareto curve is a few steps, not a curve. */
export const MIN_CURVE_CUSTOMERS = 10;
/** RFM scores are quintiles: with fewer buyers the grid says little. */
export const MIN_RFM_BUYERS = 5;
const CURVE_POINTS = 200;

export type Concentration = {
  status: Status;
  payers: number;
  totalMinor: number;
  /** Share of paying customers (x) against their cumulative share of revenue (y), biggest first, from (0, 0). */
  curve: { x: number; y: number }[];
  /** How many of the biggest payers make 80 % of the revenue. */
  at80: { customers: number; share: number } | null;
  top1Share: number | null;
  top5Share: number | null;
  top1Flagged: boolean;
  top5Flagged: boolean;
  /** The biggest 1 and 5 payers and the top 10, 20 and 50 % of them, with their share of revenue: the curve in words. */
  steps: { customers: number; customerShare: number; revenueShare: number }[];
};

const STEP_SHARES = [0.1, 0.2, 0.5];

/** Paying customers (net revenue > 0 in the period and currency), biggest first, then by id. */
export function rankPayers(scope: Scope): number[] {
  const { customers, revenue, book } = scope;
  const payers: number[] = [];
  for (let k = 0; k < customers.length; k++) if ((revenue[customers[k] as number] as number) > 0) payers.push(customers[k] as number);
  payers.sort((x, y) => (revenue[y] as number) - (revenue[x] as number) || compareText(book.ids[x] as string, book.ids[y] as string));
  return payers;
}

export function concentration(scope: Scope, ranked: readonly number[], limits: ConcentrationLimits): Concentration {
  const { revenue } = scope;
  const payers = ranked.length;
  let totalMinor = 0;
  for (const c of ranked) totalMinor += revenue[c] as number;
  const empty: Concentration = { status: ok(), payers, totalMinor, curve: [], at80: null, top1Share: null, top5Share: null, top1Flagged: false, top5Flagged: false, steps: [] };
  if (scope.currency === null) return { ...empty, status: needs('It needs orders in this period: import your orders or add them to a customer.') };
  if (payers === 0) return { ...empty, status: needs(`It needs customers who paid in ${scope.currency} in this period; none did.`) };
  const cumulative = new Float64Array(payers + 1);
  for (let k = 0; k < payers; k++) cumulative[k + 1] = (cumulative[k] as number) + (revenue[ranked[k] as number] as number);
  let at80 = payers;
  for (let k = 1; k <= payers; k++) {
    if ((cumulative[k] as number) >= 0.8 * totalMinor * (1 - 1e-12)) {
      at80 = k;
      break;
    }
  }
  const top1Share = (cumulative[1] as number) / totalMinor;
  const top5Share = (cumulative[Math.min(5, payers)] as number) / totalMinor;
  const counts = [...new Set([1, Math.min(5, payers), ...STEP_SHARES.map((f) => Math.max(1, Math.round(f * payers)))])].sort((x, y) => x - y);
  const steps = counts.map((k) => ({ customers: k, customerShare: k / payers, revenueShare: (cumulative[k] as number) / totalMinor }));
  // Flagged as the card's concentration action is (lib/insights/concentration.ts): the owner's limits, the top five from two payers.
  const shares = { top1Share, top5Share, top1Flagged: top1Share > limits.top1, top5Flagged: payers > 1 && top5Share > limits.top5, steps };
  if (payers < MIN_CURVE_CUSTOMERS) {
    return {
      ...empty,
      ...shares,
      status: needs(`The curve needs at least ${MIN_CURVE_CUSTOMERS} customers who paid in ${scope.currency} in this period; ${payers === 1 ? '1 did' : `${payers} did`}.`),
    };
  }
  const curve: { x: number; y: number }[] = [];
  const step = Math.max(1, payers / CURVE_POINTS);
  let last = -1;
  for (let j = 0; j <= CURVE_POINTS; j++) {
    const k = Math.min(payers, Math.round(j * step));
    if (k === last) continue;
    curve.push({ x: k / payers, y: (cumulative[k] as number) / totalMinor });
    last = k;
    if (k === payers) break;
  }
  if (last !== payers) curve.push({ x: 1, y: 1 });
  return { ...empty, ...shares, curve, at80: { customers: at80, share: at80 / payers } };
}

export type TierRow = { tier: TierName; customers: number; revenueMinor: number; share: number | null };

export function tiers(scope: Scope): { status: Status; rows: TierRow[] } {
  const counts = new Array<number>(BOOK_TIERS.length).fill(0);
  const sums = new Array<number>(BOOK_TIERS.length).fill(0);
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    const t = scope.book.tier[c] as number;
    counts[t] = (counts[t] as number) + 1;
    sums[t] = (sums[t] as number) + (scope.revenue[c] as number);
  }
  const total = sums.reduce((x, y) => x + y, 0);
  const rows = BOOK_TIERS.map((tier, i) => ({ tier, customers: counts[i] as number, revenueMinor: sums[i] as number, share: total > 0 ? (sums[i] as number) / total : null }));
  if (scope.customers.length === 0) return { status: needs('It needs customers: none match these filters.'), rows };
  return { status: ok(), rows };
}

export function bandOf(f: number, m: number): RfmBand {
  const fm = (f + m) / 2;
  return fm <= 2 ? 'low' : fm <= 3.5 ? 'mid' : 'high';
}

export type RfmCell = { r: number; band: RfmBand; group: string | null; customers: number; revenueMinor: number };

/**
 * The RFM grid as Shopify draws it: recency (R 1–5) against frequency and spend together
 * (FM = (F + M) / 2 in three bands, as lib/insights/rfm-grid.ts reads them). Each cell carries
 * the group most of its customers are in (with Shopify's grid that is the only one).
 */
export function rfmGrid(scope: Scope): { status: Status; cells: RfmCell[]; prospects: number; buyers: number } {
  const { book } = scope;
  const cells: RfmCell[] = [];
  const groups: number[][] = [];
  for (let r = 5; r >= 1; r--) {
    for (const band of RFM_BANDS) {
      cells.push({ r, band, group: null, customers: 0, revenueMinor: 0 });
      groups.push(new Array<number>(BOOK_RFM_GROUPS.length).fill(0));
    }
  }
  let prospects = 0;
  for (let k = 0; k < scope.customers.length; k++) {
    const c = scope.customers[k] as number;
    const r = book.r[c] as number;
    if (r === 0) {
      prospects++;
      continue;
    }
    const i = cellIndex(r, bandOf(book.f[c] as number, book.m[c] as number));
    const cell = cells[i] as RfmCell;
    cell.customers++;
    cell.revenueMinor += scope.revenue[c] as number;
    const g = groups[i] as number[];
    g[book.rfm[c] as number] = (g[book.rfm[c] as number] as number) + 1;
  }
  let buyers = 0;
  cells.forEach((cell, i) => {
    buyers += cell.customers;
    const g = groups[i] as number[];
    let best = -1;
    for (let j = 0; j < g.length; j++) if ((g[j] as number) > 0 && (best < 0 || (g[j] as number) > (g[best] as number))) best = j;
    cell.group = best < 0 ? null : (BOOK_RFM_GROUPS[best] as string);
  });
  const status = buyers < MIN_RFM_BUYERS ? needs(`The grid needs at least ${MIN_RFM_BUYERS} customers who bought; ${buyers === 1 ? '1 did' : `${buyers} did`}.`) : ok();
  return { status, cells, prospects, buyers };
}

export function cellIndex(r: number, band: RfmBand): number {
  return (5 - r) * RFM_BANDS.length + RFM_BANDS.indexOf(band);
}

export function stages(scope: Scope): { status: Status; rows: { stage: Stage; customers: number }[] } {
  const counts = new Array<number>(STAGES.length).fill(0);
  for (let k = 0; k < scope.customers.length; k++) {
    const s = scope.book.stage[scope.customers[k] as number] as number;
    counts[s] = (counts[s] as number) + 1;
  }
  const rows = STAGES.map((stage, i) => ({ stage, customers: counts[i] as number }));
  return { status: scope.customers.length === 0 ? needs('It needs customers: none match these filters.') : ok(), rows };
}
