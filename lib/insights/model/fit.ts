import { componentSurvival, DAY, DEFAULT_PATTERN, readGaps, weekOfYear, type BuyingPattern, type BuyingSummary } from './buying';
import { lnGamma } from './special';

/**
 * Fits the business's buying pattern (buying.ts) on its own customers: the parameters of the
 * rate and drop-out distributions by maximum marginal likelihood (as BG/NBD is fitted), the
 * typical spread of gaps and the average order value directly. A large book is fitted on an
 * even sample of its buyers (FIT_SAMPLE), which moves the parameters very little and keeps a full
 * recompute fast; the search starts from the last fit, so a day's refit takes a few steps.
 */

export const FIT_SAMPLE = 600;
const MAX_EVALUATIONS = 200;

type Row = { n: number; m: number; openDays: number; sinceFirstDays: number; summary: BuyingSummary };

export function fitBuyingPattern(summaries: readonly BuyingSummary[], now: number, start: BuyingPattern = DEFAULT_PATTERN): BuyingPattern {
  const buyers: BuyingSummary[] = [];
  for (const s of summaries) if (s.visits > 0 && s.lastVisitAt !== null) buyers.push(s);
  if (buyers.length === 0) return { ...DEFAULT_PATTERN };
  const step = Math.max(1, buyers.length / FIT_SAMPLE);
  const sample: BuyingSummary[] = [];
  for (let i = 0; i < buyers.length; i += step) sample.push(buyers[Math.floor(i)] as BuyingSummary);

  const logGapVariance = start.fittedOn > 0 ? start.logGapVariance : typicalSpread(sample);
  let orders = 0;
  let value = 0;
  for (const s of sample) {
    orders += s.valuedOrders;
    value += s.valueMinor;
  }
  const base: BuyingPattern = { ...start, logGapVariance, seasonalByWeek: seasonalByWeek(buyers, now), orderValueMinor: orders > 0 ? Math.max(0, value / orders) : 0, fittedOn: sample.length };
  const rows: Row[] = sample.map((s) => ({
    n: s.visits,
    m: s.visits - 1,
    openDays: Math.max(0, (now - (s.lastVisitAt as number)) / DAY),
    sinceFirstDays: Math.max(0, (now - (s.firstVisitAt as number)) / DAY),
    summary: s,
  }));
  // Nobody has come back yet: nothing tells rates or drop-out apart; keep the starting values.
  if (!rows.some((row) => row.m > 0)) return base;
  const startAt = [start.r, start.alpha, start.a, start.b, logGapVariance].map((x) => Math.log(clampParameter(x)));
  const best = nelderMead((x) => -logLikelihood(rows, x, base), startAt, MAX_EVALUATIONS);
  return patternAt(best, base);
}

/** The median of the log-gap variances of customers with at least three gaps (or the default). */
function typicalSpread(sample: readonly BuyingSummary[]): number {
  const variances: number[] = [];
  for (const s of sample) {
    const gaps = s.visits - 1;
    if (gaps < 3) continue;
    const mean = s.sumLogGap / gaps;
    variances.push(Math.max(0, (s.sumLogGap2 - gaps * mean * mean) / (gaps - 1)));
  }
  if (variances.length < 5) return DEFAULT_PATTERN.logGapVariance;
  variances.sort((x, y) => x - y);
  return Math.max(0.02, variances[variances.length >> 1] as number);
}

/** The pattern at a point of the search: x = ln(r, alpha, a, b, typical log-gap variance). */
function patternAt(x: readonly number[], base: BuyingPattern): BuyingPattern {
  const [r, alpha, a, b, variance] = x.map((v) => clampParameter(Math.exp(v))) as [number, number, number, number, number];
  return { ...base, r, alpha, a, b, logGapVariance: variance };
}

/**
 * Per week of the year, the share of customers who started buying that week (at least 13 months
 * ago, so a second season could show) and turned out to buy by season: the prior chance that a
 * new customer's burst that week is their first season. Weeks are pooled two either side. Null
 * when fewer than 1 % of those customers are seasonal.
 */
function seasonalByWeek(buyers: readonly BuyingSummary[], now: number): number[] | null {
  const seasonal = new Array<number>(52).fill(0);
  const started = new Array<number>(52).fill(0);
  let seasonalCount = 0;
  let startedCount = 0;
  for (const s of buyers) {
    const first = s.firstVisitAt;
    if (first === null) continue;
    if (s.seasonDay !== null) {
      seasonal[Math.min(51, Math.floor(s.seasonDay / 7))]! += 1;
      seasonalCount++;
    }
    if (now - first >= 395 * DAY) {
      started[weekOfYear(first)]! += 1;
      startedCount++;
    }
  }
  if (startedCount === 0 || seasonalCount < Math.max(3, 0.01 * startedCount)) return null;
  const weeks = new Array<number>(52);
  for (let w = 0; w < 52; w++) {
    let inSeason = 0;
    let all = 0;
    for (let d = -2; d <= 2; d++) {
      inSeason += seasonal[(w + d + 52) % 52] as number;
      all += started[(w + d + 52) % 52] as number;
    }
    weeks[w] = Math.min(0.95, inSeason / (all + 1));
  }
  return weeks;
}

/**
 * Σ log P(customer's data) over the sample. The typical regularity is fitted too: customers with
 * one or two gaps lean on it, and estimating it from customers with many gaps (mostly the regular
 * ones) would bias it. Per customer, for each reading of their gaps (buying.ts readGaps): prior ×
 * marginal likelihood of the closed gaps × B(a, b + n − 1) / B(a, b) · ((b + n − 1) S + a) /
 * (a + b + n − 1) for the open gap.
 */
function logLikelihood(rows: readonly Row[], x: readonly number[], base: BuyingPattern): number {
  const pattern = patternAt(x, base);
  const { a, b } = pattern;
  const lnGammaAB = lnGamma(a + b);
  const lnGammaB = lnGamma(b);
  let total = 0;
  for (const { n, openDays, sinceFirstDays, summary } of rows) {
    const { components, lnGaps } = readGaps(summary, pattern);
    let survive = 0;
    for (const c of components) survive += c.weight * componentSurvival(c.fromFirst ? sinceFirstDays : openDays, c);
    const lnStay = n > 1 ? lnGamma(b + n - 1) + lnGammaAB - lnGamma(a + b + n - 1) - lnGammaB : 0;
    const mix = ((b + n - 1) * survive + a) / (a + b + n - 1);
    total += lnGaps + lnStay + Math.log(Math.max(mix, 1e-300));
  }
  return Number.isFinite(total) ? total : -Infinity;
}

function clampParameter(x: number): number {
  return Math.min(1e5, Math.max(1e-3, Number.isFinite(x) ? x : 1));
}

/** Nelder–Mead minimisation (standard coefficients), from `start`, at most `limit` evaluations. */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], limit: number): number[] {
  const dim = start.length;
  const value = (x: number[]) => {
    const y = f(x);
    return Number.isFinite(y) ? y : Infinity;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < dim; i++) {
    const point = start.slice();
    point[i] = (point[i] as number) + 0.5;
    simplex.push(point);
  }
  let values = simplex.map(value);
  let evaluations = simplex.length;
  while (evaluations < limit) {
    const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const bestValue = values[0] as number;
    const worstValue = values[dim] as number;
    if (Math.abs(worstValue - bestValue) <= 1e-7 * (Math.abs(bestValue) + 1e-9)) break;
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j] = (centroid[j] as number) + (simplex[i] as number[])[j]! / dim;
    const toward = (t: number) => centroid.map((c, j) => c + t * ((simplex[dim] as number[])[j]! - c));
    const reflected = toward(-1);
    const reflectedValue = value(reflected);
    evaluations++;
    if (reflectedValue < bestValue) {
      const expanded = toward(-2);
      const expandedValue = value(expanded);
      evaluations++;
      if (expandedValue < reflectedValue) {
        simplex[dim] = expanded;
        values[dim] = expandedValue;
      } else {
        simplex[dim] = reflected;
        values[dim] = reflectedValue;
      }
    } else if (reflectedValue < (values[dim - 1] as number)) {
      simplex[dim] = reflected;
      values[dim] = reflectedValue;
    } else {
      const contracted = reflectedValue < worstValue ? toward(-0.5) : toward(0.5);
      const contractedValue = value(contracted);
      evaluations++;
      if (contractedValue < Math.min(reflectedValue, worstValue)) {
        simplex[dim] = contracted;
        values[dim] = contractedValue;
      } else {
        const best = simplex[0] as number[];
        for (let i = 1; i <= dim; i++) {
          simplex[i] = (simplex[i] as number[]).map((v, j) => best[j]! + 0.5 * (v - best[j]!));
          values[i] = value(simplex[i] as number[]);
          evaluations++;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) < (values[best] as number)) best = i;
  return simplex[best] as number[];
}
