import { customerDefaults, unknownConsent, type Customer, type Interaction, type Order } from '../../lib/model/records';
import { createRandom, type Random } from '../../lib/sample/random';

/**
 * A simulated small business with known truth, for `npm run sim`: about three years of orders
 * from customers of five kinds, each with a hidden buying rhythm, order value and (for most) a
 * moment they stop buying. The engine sees only the orders and interactions up to a day; the
 * truth says who was still buying then, when they ordered next, and what they were worth.
 *
 * The kinds and their ranges were set from what small shops report, before the model was tuned,
 * and are not tuned to it:
 * - one-off (30 %): one order, never again;
 * - occasional (10 %): a gap of 3–12 months on average, irregular (gamma shape 0.8–1.6), buying for
 *   1–4 years on average (exponential lifetime), so many stop after one or two orders;
 * - regular (45 %): every 2–11 weeks on average, fairly regular (shape 2–8), for 1.5–6 years on average;
 * - seasonal (14 %): one to three orders around the same day every year (±3 weeks), leaving after a
 *   season with a chance of 10–25 %; the days fall in the shop's seasons (60 % before Christmas,
 *   25 % in June, 15 % in March);
 * - large accounts (1 %): every 10–21 days, regular, orders about 25 times the usual size, for
 *   8 years on average: some still leave.
 * Churn is a moment in continuous time (Pareto/NBD's story), not a coin after each order (the
 * model's, BG/NBD's), so the model is not judged on data made by its own assumptions.
 */

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;

export type Kind = 'one-off' | 'occasional' | 'regular' | 'seasonal' | 'large';

export type SimCustomer = {
  customer: Customer;
  /** Every order, the future ones too (the engine is given those before its day only). */
  orders: Order[];
  interactions: Interaction[];
  truth: {
    kind: Kind;
    /** When they stopped buying; null if they never do within the simulation. */
    churnAt: number | null;
    /** Orders per day while they buy (seasonal: orders per year / 365). */
    ordersPerDay: number;
    meanOrderMinor: number;
    /** Seasonal customers: the day of the year their season peaks. */
    seasonDay: number | null;
    /** The hidden odds, for the ideal detector the simulation compares with. */
    meanGapDays: number | null;
    gapShape: number | null;
    meanLifeDays: number | null;
    leaveChance: number | null;
  };
};

export type SimBook = { start: number; end: number; customers: SimCustomer[] };

/**
 * The mix of kinds. With 30 % occasional buyers an ideal detector (one that knows each customer's
 * rhythm and churn odds) reaches an F1 of only about 0.45 on recent churners; with this mix it
 * reaches about 0.62–0.64, the ceiling the book the product was judged on showed: the mix is set
 * to that difficulty (run.ts prints the ideal detector's figures beside the model's).
 */
const KINDS: readonly (readonly [Kind, number])[] = [
  ['one-off', 0.3],
  ['occasional', 0.1],
  ['regular', 0.45],
  ['seasonal', 0.14],
  ['large', 0.01],
];

/** `count` customers joining over the three years before `end`, orders simulated to `end` + 1 year. */
export function generateBook(count: number, end: number, seed: number): SimBook {
  const random = createRandom(seed);
  const start = end - 3 * YEAR;
  const horizon = end + YEAR;
  const customers: SimCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(random);
    const joinedAt = start + random.next() * (end - start - 7 * DAY);
    const id = `c${String(i).padStart(5, '0')}`;
    const customer: Customer = {
      ...customerDefaults(),
      id,
      name: `Customer ${i}`,
      emails: [`customer${i}@example.com`],
      createdAt: Math.round(joinedAt),
      updatedAt: Math.round(joinedAt),
      consent: unknownConsent(),
    };
    const sim = simulate(kind, joinedAt, horizon, random);
    const interactions = contacts(id, sim.times, random);
    // A few ask not to be contacted (a logged email saying so), a few opt out of email marketing.
    const roll = random.next();
    if (roll < 0.04) {
      const since = Math.round((sim.times[0] as number) + random.next() * 200 * DAY);
      customer.consent = { doNotContact: { since, reason: 'Wrote: please stop contacting me' }, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: since };
    } else if (roll < 0.09) {
      customer.consent = { doNotContact: null, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: Math.round(joinedAt) };
    }
    const orders = sim.times.map((t, k): Order => {
      const minor = Math.max(100, Math.round(sim.meanOrderMinor * gamma(random, 4) / 4));
      return { id: `${id}-o${k}`, customerId: id, orderedAt: Math.round(t), total: { currency: 'EUR', minor }, number: null, source: 'sim', externalId: null, status: 'paid', createdAt: Math.round(t), updatedAt: Math.round(t), deletedAt: null };
    });
    customers.push({ customer, orders, interactions, truth: { kind, churnAt: sim.churnAt, ordersPerDay: sim.ordersPerDay, meanOrderMinor: sim.meanOrderMinor, seasonDay: sim.seasonDay, meanGapDays: sim.meanGapDays, gapShape: sim.gapShape, meanLifeDays: sim.meanLifeDays, leaveChance: sim.leaveChance } });
  }
  return { start, end, customers };
}

/**
 * Logged contacts: one customer in ten gets a call some time after an order; one in forty
 * complains after an order, and the complaint is resolved (and logged so) within a week half the
 * time, else within two months.
 */
function contacts(customerId: string, times: readonly number[], random: Random): Interaction[] {
  const out: Interaction[] = [];
  const add = (kind: Interaction['kind'], at: number) => {
    const t = Math.round(at);
    out.push({ id: `${customerId}-i${out.length}`, customerId, kind, at: t, summary: '', createdAt: t, updatedAt: t, deletedAt: null });
  };
  const after = () => (times[Math.floor(random.next() * times.length)] as number) + random.int(1, 40) * DAY;
  if (random.next() < 0.1) add('call', after());
  if (random.next() < 0.025) {
    const at = after();
    add('complaint_opened', at);
    add('complaint_resolved', at + (random.next() < 0.5 ? random.int(1, 7) : random.int(8, 60)) * DAY);
  }
  return out.sort((x, y) => x.at - y.at);
}

function pickKind(random: Random): Kind {
  let x = random.next();
  for (const [kind, share] of KINDS) {
    if (x < share) return kind;
    x -= share;
  }
  return 'regular';
}

type Simulated = Omit<SimCustomer['truth'], 'kind'> & { times: number[] };
const NO_ODDS = { meanGapDays: null, gapShape: null, meanLifeDays: null, leaveChance: null };

function simulate(kind: Kind, joinedAt: number, horizon: number, random: Random): Simulated {
  const value = (median: number) => Math.round(median * Math.exp(0.6 * normal(random)));
  switch (kind) {
    case 'one-off':
      return { times: [joinedAt], churnAt: joinedAt + DAY, ordersPerDay: 0, meanOrderMinor: value(6_000), seasonDay: null, ...NO_ODDS };
    case 'occasional':
      return renewal(joinedAt, horizon, uniform(random, 90, 360), uniform(random, 0.8, 1.6), uniform(random, 1, 4) * 365, value(8_000), random);
    case 'regular':
      return renewal(joinedAt, horizon, uniform(random, 14, 75), uniform(random, 2, 8), uniform(random, 1.5, 6) * 365, value(6_000), random);
    case 'large':
      return renewal(joinedAt, horizon, uniform(random, 10, 21), uniform(random, 3, 10), 8 * 365, value(150_000), random);
    case 'seasonal':
      return seasonal(joinedAt, horizon, random, value(12_000));
  }
}

/** Gamma-distributed gaps around `meanGap` days until an exponential lifetime runs out. */
function renewal(joinedAt: number, horizon: number, meanGap: number, shape: number, meanLifeDays: number, meanOrderMinor: number, random: Random): Simulated {
  const churnAt = joinedAt + exponential(random, meanLifeDays) * DAY;
  const times = [joinedAt];
  let t = joinedAt;
  for (;;) {
    t += ((gamma(random, shape) * meanGap) / shape) * DAY;
    if (t >= churnAt || t >= horizon) break;
    times.push(t);
  }
  return { times, churnAt: churnAt < horizon ? churnAt : null, ordersPerDay: 1 / meanGap, meanOrderMinor, seasonDay: null, meanGapDays: meanGap, gapShape: shape, meanLifeDays, leaveChance: null };
}

/** One to three orders within three weeks of the same day each year; may leave after any season. */
function seasonal(joinedAt: number, horizon: number, random: Random, meanOrderMinor: number): Simulated {
  // Most shops share a few seasons: Christmas, summer, spring; each customer keeps their own day in it.
  const x = random.next();
  const peak = x < 0.6 ? 344 : x < 0.85 ? 166 : 79;
  const seasonDay = (peak + random.int(-10, 10) + 365) % 365;
  const perSeason = uniform(random, 1, 3);
  const leave = uniform(random, 0.1, 0.25);
  const times: number[] = [];
  let churnAt: number | null = null;
  const firstYear = new Date(joinedAt).getUTCFullYear();
  for (let year = firstYear; ; year++) {
    const peak = Date.UTC(year, 0, 1) + seasonDay * DAY;
    if (peak < joinedAt) continue;
    if (peak >= horizon) break;
    const orders = Math.max(1, Math.round(perSeason * (0.5 + random.next())));
    const season: number[] = [];
    for (let k = 0; k < orders; k++) season.push(peak + (random.next() * 42 - 21) * DAY);
    season.sort((x, y) => x - y);
    times.push(...season.filter((t) => t < horizon));
    if (random.next() < leave) {
      churnAt = (season[season.length - 1] as number) + 30 * DAY;
      break;
    }
  }
  if (times.length === 0) times.push(joinedAt);
  return { times, churnAt: churnAt !== null && churnAt < horizon ? churnAt : null, ordersPerDay: perSeason / 365, meanOrderMinor, seasonDay, ...NO_ODDS, leaveChance: leave };
}

function uniform(random: Random, low: number, high: number): number {
  return low + random.next() * (high - low);
}

function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random.next()) * mean;
}

function normal(random: Random): number {
  const u = Math.max(1e-12, random.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 by the boost trick). */
function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * Math.pow(Math.max(1e-12, random.next()), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = Math.pow(1 + c * x, 3);
    if (v <= 0) continue;
    const u = random.next();
    if (Math.log(Math.max(1e-300, u)) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
