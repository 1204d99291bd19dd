import type { OrderFact } from '../types';
import { betaRegularized, gammaRegularized, inverseTrigamma, lnGamma } from './special';

/**
 * A model of each customer's buying, from their own orders, shrunk toward the business's
 * pattern while they have few (empirical Bayes). It is the BG/NBD family's story (Fader, Hardie
 * & Lee 2005: customers buy at their own rate while active and may drop out after any purchase;
 * rates and drop-out odds vary across customers as gamma and beta distributions whose parameters
 * are fitted on the business's own customers) with one change from the literature on timing
 * regularity (Platzer & Reutterer 2016, Pareto/GGG): the time between purchases is gamma
 * distributed with a regularity k per customer instead of exponential, so someone who ordered
 * like clockwork every three weeks and has been silent for ten months reads as gone, while
 * someone who orders at random intervals does not.
 *
 * For a customer with n purchase visits, gaps g₁…g_m (m = n − 1, total G) and the open gap s since
 * the last visit:
 * - gaps ~ Gamma(k, rate kλ) (mean 1/λ); λ ~ Gamma(r, α) across customers, so λ | gaps ~
 *   Gamma(r + km, α + kG): few gaps lean on the business, many on the customer;
 * - after each visit the customer drops out with probability p; p ~ Beta(a, b) across customers;
 * - P(still buying) = (b + n − 1) S / ((b + n − 1) S + a), where S = P(next gap > s) under the
 *   posterior (the compound gamma–gamma, a scaled beta-prime: S = 1 − I_z(k, r + km),
 *   z = sk / (α + kG + sk)).
 * k comes from the spread of the customer's log-gaps (Var ln g = ψ'(k) for a gamma), shrunk toward
 * the business's typical spread.
 *
 * Seasonal and yearly buyers: when the purchases cluster at one time of year over at least two
 * years, the model reads one visit per season (the first purchase of each cluster), so a
 * December buyer is judged by a gap of about a year, not by the month between two December
 * orders, and is not flagged before December; their regularity comes from how tightly their
 * orders gather at that time of year, so their next order is expected in their season.
 *
 * Everything is pure arithmetic on numbers a full recompute has at hand; the two quantile
 * figures (the usual gap and the next order's window) need an inverse and are worked out only for
 * the one customer a card shows (`describeBuying`).
 */

export const DAY = 86_400_000;
export const HORIZON_DAYS = 365;
/** At most this many of the latest visits are read: buying habits drift, and it bounds the work. */
export const MAX_VISITS = 100;
/** Purchases closer than a day are one visit (a forgotten item), as for the median interval. */
const SAME_VISIT_MS = DAY;
/** Seasonal: clusters at least half a year apart, each the start of a season's buying. */
const SEASON_BREAK_DAYS = 182;
const SEASONAL_MIN_CONCENTRATION = 0.75;
const SEASONAL_GAP_DAYS: readonly [number, number] = [300, 430];
const YEAR_DAYS = 365.2425;
/** Orders within this many days of a customer's first are one season's buying, if they buy by season. */
export const BURST_DAYS = 45;
/** A seasonal buyer's next season: about a year, give or take a few weeks (gamma shape). */
const SEASON_GAP_SHAPE = 40;
/** Regularity is kept within what a few gaps can tell apart. */
const K_RANGE: readonly [number, number] = [0.5, 12];
/**
 * A seasonal buyer's regularity comes from how tightly their orders gather at their time of year:
 * the gap from one season to the next varies by about √2 × that spread (never read tighter than
 * SEASON_MIN_GAP_SD_DAYS), so a buyer of every early December is expected in early December, not
 * "in 10–14 months".
 */
const SEASON_MIN_GAP_SD_DAYS = 10;
const SEASON_K_MAX = 1_000;
/** How many gaps' worth of weight the business's typical spread of gaps has. */
export const SPREAD_PRIOR_WEIGHT = 3;
/** How many orders' worth of weight the business's average order value has. */
export const VALUE_PRIOR_WEIGHT = 1;

/** The business's pattern: what a customer with no history of their own is expected to do. */
export type BuyingPattern = {
  /** λ ~ Gamma(r, alpha): visits per day across customers (mean r / alpha). */
  r: number;
  alpha: number;
  /** p ~ Beta(a, b): drop-out after a visit (mean a / (a + b)). */
  a: number;
  b: number;
  /** Typical variance of a customer's log-gaps (ψ'(k) of the typical k). */
  logGapVariance: number;
  /**
   * Per week of the year (52), the chance that a customer whose orders so far are one burst
   * starting that week buys by season (comes back about a year later); null when the business
   * shows no seasonal buyers.
   */
  seasonalByWeek: number[] | null;
  /** Average order value in the business currency, minor units. */
  orderValueMinor: number;
  /** Customers the pattern was fitted on. */
  fittedOn: number;
};

export const DEFAULT_PATTERN: BuyingPattern = { r: 1, alpha: 60, a: 1, b: 3, logGapVariance: 0.6, seasonalByWeek: null, orderValueMinor: 0, fittedOn: 0 };

/** What the model reads of one customer's purchases (sufficient statistics), in days. */
export type BuyingSummary = {
  /** Visits read (≤ MAX_VISITS); 0 without a purchase. */
  visits: number;
  /** Sum of the gaps between the visits read, days. */
  gapDays: number;
  /** Sum and sum of squares of the log-gaps. */
  sumLogGap: number;
  sumLogGap2: number;
  /** The first and last visit read (epoch ms); null without a purchase. */
  firstVisitAt: number | null;
  lastVisitAt: number | null;
  /** Purchases per visit (seasonal customers may place several orders in their season). */
  ordersPerVisit: number;
  /** Purchases in the business currency and their total (minor units). */
  valuedOrders: number;
  valueMinor: number;
  /** The middle of their buying season (day of the year, 0–364) when seasonal, else null. */
  seasonDay: number | null;
  /** When seasonal: how widely their orders spread around that day (circular standard deviation, days). */
  seasonSpreadDays: number | null;
  /**
   * When every order so far lies within BURST_DAYS of the first (and they are not seasonal): the
   * week of the year (0–51) of the first, when they may be a seasonal buyer in their first season.
   */
  burstWeek: number | null;
  /** Orders so far (purchases, before grouping into visits). */
  orders: number;
};

export const NO_PURCHASES: BuyingSummary = {
  visits: 0,
  gapDays: 0,
  sumLogGap: 0,
  sumLogGap2: 0,
  firstVisitAt: null,
  lastVisitAt: null,
  ordersPerVisit: 0,
  valuedOrders: 0,
  valueMinor: 0,
  seasonDay: null,
  seasonSpreadDays: null,
  burstWeek: null,
  orders: 0,
};

/** A scratch list of visit times shared by every customer of a recompute (only used synchronously). */
const visitTimes: number[] = [];

/** The summary of `purchases` (live, oldest first, as prepare.ts gives them). */
export function summarizeBuying(purchases: readonly OrderFact[], currency: string): BuyingSummary {
  const count = purchases.length;
  if (count === 0) return NO_PURCHASES;
  let valuedOrders = 0;
  let valueMinor = 0;
  let visits = 0;
  let previous = -Infinity;
  for (let i = 0; i < count; i++) {
    const order = purchases[i] as OrderFact;
    if (order.total.currency === currency) {
      valuedOrders++;
      valueMinor += order.total.minor;
    }
    const t = order.orderedAt;
    if (t - previous >= SAME_VISIT_MS) {
      visitTimes[visits++] = t;
      previous = t;
    }
  }
  const first = (purchases[0] as OrderFact).orderedAt;
  const last = (purchases[count - 1] as OrderFact).orderedAt;
  let seasonDay: number | null = null;
  let seasonSpreadDays: number | null = null;
  // Only a history spanning most of a year can be seasonal: the others skip the trigonometry.
  if (last - first >= SEASONAL_GAP_DAYS[0] * DAY) {
    let cos = 0;
    let sin = 0;
    for (let i = 0; i < count; i++) {
      const angle = (2 * Math.PI * dayOfYear((purchases[i] as OrderFact).orderedAt)) / YEAR_DAYS;
      cos += Math.cos(angle);
      sin += Math.sin(angle);
    }
    const concentration = Math.hypot(cos, sin) / count;
    if (concentration >= SEASONAL_MIN_CONCENTRATION) {
      // Cluster the visits into seasons; seasonal only if the seasons come about a year apart.
      let seasons = 0;
      let start = -Infinity;
      const all = visits;
      const kept = visitTimes.slice(0, all);
      for (let i = 0; i < all; i++) {
        const t = kept[i] as number;
        if (t - start >= SEASON_BREAK_DAYS * DAY) {
          visitTimes[seasons++] = t;
          start = t;
        }
      }
      const gap = seasons >= 2 ? medianSeasonGap(seasons) : 0;
      if (gap >= SEASONAL_GAP_DAYS[0] && gap <= SEASONAL_GAP_DAYS[1]) {
        visits = seasons;
        const mean = Math.atan2(sin, cos);
        seasonDay = Math.round((((mean < 0 ? mean + 2 * Math.PI : mean) * YEAR_DAYS) / (2 * Math.PI)) % 365);
        seasonSpreadDays = (Math.sqrt(-2 * Math.log(Math.min(1, concentration))) * YEAR_DAYS) / (2 * Math.PI);
      } else {
        // Not seasonal after all: the visits again.
        for (let i = 0; i < all; i++) visitTimes[i] = kept[i] as number;
      }
    }
  }
  const from = Math.max(0, visits - MAX_VISITS);
  let gapDays = 0;
  let sumLogGap = 0;
  let sumLogGap2 = 0;
  for (let i = from + 1; i < visits; i++) {
    const gap = ((visitTimes[i] as number) - (visitTimes[i - 1] as number)) / DAY;
    const log = Math.log(gap);
    gapDays += gap;
    sumLogGap += log;
    sumLogGap2 += log * log;
  }
  return {
    visits: visits - from,
    gapDays,
    sumLogGap,
    sumLogGap2,
    firstVisitAt: visitTimes[from] as number,
    lastVisitAt: visitTimes[visits - 1] as number,
    ordersPerVisit: count / visits,
    valuedOrders,
    valueMinor,
    seasonDay,
    seasonSpreadDays,
    burstWeek: seasonDay === null && last - first <= BURST_DAYS * DAY ? weekOfYear(first) : null,
    orders: count,
  };
}

function medianSeasonGap(seasons: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < seasons; i++) gaps.push(((visitTimes[i] as number) - (visitTimes[i - 1] as number)) / DAY);
  gaps.sort((x, y) => x - y);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
}

export function weekOfYear(t: number): number {
  return Math.min(51, Math.floor(dayOfYear(t) / 7));
}

/**
 * The day of the year (0 ≤ day < 365.24) as the phase of the solar year since 1 January 1970: within
 * a day of the calendar's, without building a Date for each of a million orders.
 */
function dayOfYear(t: number): number {
  const days = t / DAY;
  return ((days % YEAR_DAYS) + YEAR_DAYS) % YEAR_DAYS;
}

/** The customer's regularity k: their log-gap spread shrunk toward the business's, as a gamma shape. */
export function regularityOf(summary: BuyingSummary, pattern: BuyingPattern): number {
  if (summary.seasonSpreadDays !== null) {
    const sd = Math.max(SEASON_MIN_GAP_SD_DAYS, Math.SQRT2 * summary.seasonSpreadDays);
    return clamp((YEAR_DAYS / sd) ** 2, K_RANGE[0], SEASON_K_MAX);
  }
  const gaps = summary.visits - 1;
  let variance = pattern.logGapVariance;
  if (gaps >= 2) {
    const mean = summary.sumLogGap / gaps;
    const own = Math.max(0, (summary.sumLogGap2 - gaps * mean * mean) / (gaps - 1));
    variance = (SPREAD_PRIOR_WEIGHT * pattern.logGapVariance + (gaps - 1) * own) / (SPREAD_PRIOR_WEIGHT + gaps - 1);
  }
  return clamp(inverseTrigamma(Math.max(variance, 1e-3)), K_RANGE[0], K_RANGE[1]);
}

/**
 * One reading of the customer's gaps, with its weight given their orders: regularity k and the
 * posterior of their rate, λ ~ Gamma(shape, rate) per day; or, for the seasonal reading, a fixed
 * gap of about a year counted from the first order of their season (`fromFirst`).
 */
export type GapComponent = { weight: number; k: number; shape: number; rate: number; fromFirst: boolean; ordersPerVisit: number };

/**
 * The readings of a customer's gaps: their own rhythm (regularity shrunk toward the business's),
 * and, when all their orders so far are one burst at a time of year when this business's
 * seasonal buyers buy, a seasonal one (back in about a year). Weighted by the business's share of
 * seasonal buyers for that week and by how well each explains the gaps seen: two orders a few
 * days apart are unlikely for someone who orders every six weeks like clockwork, and ordinary
 * within a season's shopping.
 */
export function gapComponents(summary: BuyingSummary, pattern: BuyingPattern): GapComponent[] {
  return readGaps(summary, pattern).components;
}

/** gapComponents, with the log of the closed gaps' marginal likelihood (for the fit). */
export function readGaps(summary: BuyingSummary, pattern: BuyingPattern): { components: GapComponent[]; lnGaps: number } {
  const k = regularityOf(summary, pattern);
  const m = Math.max(0, summary.visits - 1);
  const { r, alpha } = pattern;
  const own: GapComponent = { weight: 1, k, shape: r + k * m, rate: alpha + k * summary.gapDays, fromFirst: false, ordersPerVisit: summary.ordersPerVisit };
  const prior = summary.burstWeek !== null && pattern.seasonalByWeek ? (pattern.seasonalByWeek[summary.burstWeek] ?? 0) : 0;
  // Under their own rhythm: the gamma–gamma marginal density of the closed gaps.
  const lnOwn = m > 0 ? (k - 1) * summary.sumLogGap + m * (k * Math.log(k) - lnGamma(k)) + r * Math.log(alpha) - lnGamma(r) + lnGamma(own.shape) - own.shape * Math.log(own.rate) : 0;
  const comps: GapComponent[] = [own];
  if (!(prior > 0)) return { components: comps, lnGaps: lnOwn };
  const seasonal: GapComponent = { weight: 0, k: SEASON_GAP_SHAPE, shape: Infinity, rate: YEAR_DAYS, fromFirst: true, ordersPerVisit: summary.orders };
  // In a season, the closed gaps fall on any day of it.
  const lnSeason = -m * Math.log(BURST_DAYS);
  const top = Math.max(lnOwn, lnSeason);
  const ownPart = (1 - prior) * Math.exp(lnOwn - top);
  const seasonPart = prior * Math.exp(lnSeason - top);
  seasonal.weight = seasonPart / (ownPart + seasonPart);
  for (const c of comps) c.weight *= 1 - seasonal.weight;
  return { components: [...comps, seasonal], lnGaps: top + Math.log(ownPart + seasonPart) };
}

/**
 * P(next gap > days) under one reading: 1 − I_z(k, shape), z = dk / (rate + dk); the seasonal
 * reading's gap is Gamma(k, mean `rate` days) with its mean known.
 */
export function componentSurvival(days: number, c: Omit<GapComponent, 'weight'>): number {
  if (!(days > 0)) return 1;
  if (c.shape === Infinity) return 1 - gammaRegularized(c.k, (c.k * days) / c.rate);
  const x = days * c.k;
  return 1 - betaRegularized(x / (c.rate + x), c.k, c.shape);
}

function mixtureSurvival(days: number, components: readonly GapComponent[]): number {
  let total = 0;
  for (const c of components) if (c.weight > 1e-6) total += c.weight * componentSurvival(days, c);
  return total;
}

/** Expected visits per day under one reading. */
function visitRate(c: GapComponent): number {
  return c.shape === Infinity ? 1 / c.rate : c.shape / c.rate;
}

export type BuyingPrediction = {
  /** Chance they are still buying, 0–1; null without a purchase. */
  pAlive: number | null;
  /** The chance just after their last visit (only drop-out, no silence yet). */
  pAliveAfterLastOrder: number | null;
  /** Their gaps' readings, weighted given that they are still buying (for describeBuying). */
  components: GapComponent[];
  /** Days since the last visit. */
  openGapDays: number;
  /** Expected orders and value (business currency) over the next 12 months, drop-out included. */
  expectedOrders12m: number;
  expectedValue12mMinor: number;
  /** What the next 12 months bring if they stay: the value a lapse would lose. */
  valueIfRetained12mMinor: number;
  /** Chance they slipped away × what they would bring in 12 months. */
  atStakeMinor: number;
  seasonDay: number | null;
};

/** One customer's prediction against the business's pattern at `now`. */
export function predictBuying(summary: BuyingSummary, pattern: BuyingPattern, now: number): BuyingPrediction {
  const components = gapComponents(summary, pattern);
  if (summary.visits === 0 || summary.lastVisitAt === null) {
    return { pAlive: null, pAliveAfterLastOrder: null, components, openGapDays: 0, expectedOrders12m: 0, expectedValue12mMinor: 0, valueIfRetained12mMinor: 0, atStakeMinor: 0, seasonDay: null };
  }
  const n = summary.visits;
  const s = Math.max(0, (now - summary.lastVisitAt) / DAY);
  const sinceFirst = Math.max(0, (now - (summary.firstVisitAt ?? summary.lastVisitAt)) / DAY);
  // Given the open gap, the readings weigh by how well each explains it.
  let survive = 0;
  const given: GapComponent[] = [];
  for (const c of components) {
    const part = c.weight * componentSurvival(c.fromFirst ? sinceFirst : s, c);
    survive += part;
    given.push({ ...c, weight: part });
  }
  for (const c of given) c.weight = survive > 0 ? c.weight / survive : c === given[0] ? 1 : 0;
  const stay = (pattern.b + n - 1) * survive;
  const pAlive = stay / (stay + pattern.a);
  // Expected visits in a year if they stay (the posterior mean rate); with drop-out after each visit.
  const dropOut = pattern.a / (pattern.a + pattern.b + n);
  let ordersIfStaying = 0;
  let ordersWithDropOut = 0;
  for (const c of given) {
    const visits = HORIZON_DAYS * visitRate(c);
    ordersIfStaying += c.weight * visits * c.ordersPerVisit;
    ordersWithDropOut += c.weight * (dropOut > 0 ? (1 - Math.pow(1 - dropOut, visits)) / dropOut : visits) * c.ordersPerVisit;
  }
  const orderValue = (VALUE_PRIOR_WEIGHT * pattern.orderValueMinor + summary.valueMinor) / (VALUE_PRIOR_WEIGHT + summary.valuedOrders);
  const valueIfRetained = Math.max(0, ordersIfStaying * orderValue);
  const expectedOrders = pAlive * ordersWithDropOut;
  return {
    pAlive,
    pAliveAfterLastOrder: (pattern.b + n - 1) / (pattern.b + n - 1 + pattern.a),
    components: given,
    openGapDays: s,
    expectedOrders12m: expectedOrders,
    expectedValue12mMinor: Math.max(0, expectedOrders * orderValue),
    valueIfRetained12mMinor: valueIfRetained,
    atStakeMinor: (1 - pAlive) * valueIfRetained,
    seasonDay: summary.seasonDay,
  };
}

/** The gap (days) that a share `q` of gaps stays under, for the weighted readings (bisection). */
export function gapQuantile(q: number, components: readonly GapComponent[]): number {
  let low = 0;
  let high = 1;
  while (mixtureSurvival(high, components) > 1 - q) {
    high *= 2;
    if (high > 1e6) return Infinity;
  }
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (mixtureSurvival(mid, components) > 1 - q) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** For a card: their usual gap (middle half of their gaps) and the next visit's window if they stay. */
export type BuyingDescription = {
  usualGapDays: readonly [low: number, high: number];
  /** Epoch ms: the middle and the middle 50 % of when the next visit comes, if they are still buying. */
  nextVisit: { at: number; from: number; to: number } | null;
};

export function describeBuying(prediction: BuyingPrediction, summary: BuyingSummary, now: number): BuyingDescription {
  const { components } = prediction;
  const last = summary.lastVisitAt ?? now;
  const first = summary.firstVisitAt ?? last;
  // Their usual gap is their own rhythm's.
  const rhythm = [{ ...(components[0] as GapComponent), weight: 1 }];
  const usualGapDays = [gapQuantile(0.25, rhythm), gapQuantile(0.75, rhythm)] as const;
  // When the next visit comes if they stay: P(next by t | no visit yet) over the weighted readings,
  // each reading counting from its own start (the last visit, or the first order of the season).
  const survivalAt = (t: number) => {
    let total = 0;
    for (const c of components) {
      if (c.weight < 1e-6) continue;
      const start = c.fromFirst ? first : last;
      const already = componentSurvival((now - start) / DAY, c);
      total += already > 1e-12 ? (c.weight * componentSurvival((t - start) / DAY, c)) / already : 0;
    }
    return total;
  };
  const when = (share: number) => {
    let low = now;
    let high = now + DAY;
    while (survivalAt(high) > 1 - share) {
      high = now + (high - now) * 2;
      if (high - now > 50 * HORIZON_DAYS * DAY) return Infinity;
    }
    for (let i = 0; i < 50; i++) {
      const mid = (low + high) / 2;
      if (survivalAt(mid) > 1 - share) low = mid;
      else high = mid;
    }
    return (low + high) / 2;
  };
  const at = when(0.5);
  const from = when(0.25);
  const to = when(0.75);
  if (!Number.isFinite(at) || !Number.isFinite(from) || !Number.isFinite(to)) return { usualGapDays, nextVisit: null };
  return { usualGapDays, nextVisit: { at, from, to } };
}

function clamp(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}
