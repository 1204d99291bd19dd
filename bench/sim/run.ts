// `npm run sim [-- --seed=N --customers=N]`: the insights engine on a simulated business with
// known truth (bench/sim/generate.ts), judged at four days a quarter apart over the last year:
// Today's size, the value at stake its first 10 hold against an ordering by the true values,
// at-risk precision and recall on recent churners, calibration of "still buying", seasonal
// buyers flagged before their season, next-order date error, concentration, do-not-contact.
// Prints every figure against its target (issue: next actions a person can trust) and exits
// non-zero when a target is missed. Pure Node, a few seconds.
import { DEFAULT_SETTINGS, recomputeAll, type CustomerFacts, type Insights } from '../../lib/insights/index';
import { channelFor } from '../../lib/insights/consent';
import { describeBuying, DEFAULT_PATTERN, summarizeBuying, type BuyingPattern } from '../../lib/insights/model/buying';
import { RULE_BY_ID } from '../../lib/insights/rules/index';
import { AT_RISK_BELOW, LAPSED_BELOW } from '../../lib/insights/stage';
import { planFromInsights, type Plan } from '../../lib/insights/today';
import { DAY, generateBook, YEAR, type SimCustomer } from './generate';
import { idealStillBuying } from './ideal';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SEED = Number(option('seed') ?? 20_261_115);
const COUNT = Number(option('customers') ?? 2_000);
/** The last day the engine is judged on; the simulation runs a year past it for the truth. */
/** A Wednesday at 11:00 in Berlin, as are the three days a quarter apart before it: the shop is open. */
const END = Date.UTC(2026, 10, 18, 10);
const DAYS = [END - 273 * DAY, END - 182 * DAY, END - 91 * DAY, END];
/** Recent churners: repeat buyers who stopped in the last 180 days (against everyone still buying). */
const RECENT_DAYS = 180;

type Counts = { tp: number; fp: number; fn: number };
const settings = DEFAULT_SETTINGS;
const book = generateBook(COUNT, END, SEED);
const started = performance.now();

const model: Counts = { tp: 0, fp: 0, fn: 0 };
const ideal: Counts = { tp: 0, fp: 0, fn: 0 };
const buckets = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, alive: 0 }));
let seasonal = 0;
let seasonalFlagged = 0;
const dateErrors: number[] = [];
let inWindow = 0;
const todaySizes: number[] = [];
const candidates: number[] = [];
const campaignSizes: number[] = [];
const stakeShares: number[] = [];
let dncSuggestions = 0;
let dncCustomers = 0;
let concentration = { trueTop5: 0, shown: 0, flagged: false, owner: false };
let pattern: BuyingPattern = DEFAULT_PATTERN;

for (const day of DAYS) {
  const facts: CustomerFacts[] = book.customers.map((c) => ({
    customer: c.customer,
    orders: c.orders.filter((o) => o.orderedAt <= day),
    interactions: c.interactions.filter((i) => i.at <= day),
  }));
  const insights = recomputeAll(facts, settings, day, undefined, pattern);
  pattern = insights.pattern;
  const plan = planFromInsights(insights, settings, day);
  judgeDay(day, insights, plan, facts);
}

function judgeDay(day: number, insights: Insights, plan: Plan, facts: CustomerFacts[]): void {
  todaySizes.push(Math.min(settings.planSize, plan.items.length));
  candidates.push(plan.items.length);
  campaignSizes.push(plan.campaign.length);
  book.customers.forEach((c, i) => {
    const seen = facts[i] as CustomerFacts;
    if (seen.orders.length === 0) return;
    const insight = insights.customers.get(c.customer.id);
    if (!insight || insight.buying.pAlive === null) return;
    const p = insight.buying.pAlive;
    const alive = isAlive(c, day);
    const bucket = buckets[Math.min(9, Math.floor(p * 10))] as (typeof buckets)[number];
    bucket.n++;
    bucket.predicted += p;
    bucket.alive += alive ? 1 : 0;
    const flagged = insight.stage.stage === 'at_risk' || insight.stage.stage === 'lapsed';
    if (seen.orders.length >= 2) {
      const churnedRecently = !alive && (c.truth.churnAt as number) > day - RECENT_DAYS * DAY;
      if (churnedRecently || alive) {
        count(model, churnedRecently, flagged);
        count(ideal, churnedRecently, idealStillBuying(c, day) < AT_RISK_BELOW);
      }
    }
    if (c.truth.kind === 'seasonal' && alive && seasonsSeen(seen) >= 2 && daysToSeason(c, day) <= 120) {
      seasonal++;
      if (flagged) seasonalFlagged++;
    }
    if (alive) {
      const next = c.orders.find((o) => o.orderedAt > day);
      if (next && next.orderedAt - day < YEAR) {
        const description = describeBuying(insight.buying, summarizeBuying(insight.figures.orderCount > 0 ? seen.orders : [], settings.currency), day);
        if (description.nextVisit) {
          dateErrors.push(Math.abs(description.nextVisit.at - next.orderedAt) / DAY);
          if (next.orderedAt >= description.nextVisit.from && next.orderedAt <= description.nextVisit.to) inWindow++;
        }
      }
    }
    if (c.customer.consent.doNotContact && c.customer.consent.doNotContact.since <= day) {
      dncCustomers++;
      dncSuggestions += insight.suggestions.filter((s) => RULE_BY_ID[s.ruleId].purpose !== 'service').length;
    }
  });
  // Value at stake: the chance they slipped away (the truth: gone or not) × their true 12-month
  // value; only for customers the owner may contact for it (consent), as the plan can hold no others.
  const trueStake = (c: SimCustomer) => (isAlive(c, day) || channelFor('relationship', c.customer) === null ? 0 : c.truth.ordersPerDay * 365 * c.truth.meanOrderMinor);
  const byId = new Map(book.customers.map((c) => [c.customer.id, c]));
  const shown = plan.items.slice(0, 10).reduce((sum, item) => sum + trueStake(byId.get(item.customerId) as SimCustomer), 0);
  const best = book.customers.map(trueStake).sort((x, y) => y - x).slice(0, 10).reduce((sum, x) => sum + x, 0);
  stakeShares.push(best > 0 ? shown / best : 1);
  if (day === END) {
    const revenue = book.customers.map((c) => c.orders.filter((o) => o.orderedAt <= day && o.orderedAt > day - YEAR).reduce((sum, o) => sum + o.total.minor, 0)).sort((x, y) => y - x);
    const total = revenue.reduce((sum, x) => sum + x, 0);
    concentration = { trueTop5: revenue.slice(0, 5).reduce((sum, x) => sum + x, 0) / total, shown: insights.concentration.top5Share, flagged: insights.concentration.top5Flagged || insights.concentration.top1Flagged, owner: plan.owner !== null };
  }
}

function isAlive(c: SimCustomer, day: number): boolean {
  return c.truth.churnAt === null || c.truth.churnAt > day;
}

function count(counts: Counts, positive: boolean, flagged: boolean): void {
  if (positive && flagged) counts.tp++;
  else if (positive) counts.fn++;
  else if (flagged) counts.fp++;
}

function seasonsSeen(facts: CustomerFacts): number {
  let seasons = 0;
  let previous = -Infinity;
  for (const o of facts.orders) {
    if (o.orderedAt - previous >= 182 * DAY) seasons++;
    previous = o.orderedAt;
  }
  return seasons;
}

/** Days from `day` to the start of the customer's next season (three weeks before its peak). */
function daysToSeason(c: SimCustomer, day: number): number {
  const year = new Date(day).getUTCFullYear();
  let start = Date.UTC(year - 1, 0, 1) + ((c.truth.seasonDay ?? 0) - 21) * DAY;
  while (start < day) start += 365 * DAY;
  return (start - day) / DAY;
}

const scores = (c: Counts) => {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
};
const m = scores(model);
const best = scores(ideal);
let calibration = 0;
let judged = 0;
for (const b of buckets) judged += b.n;
for (const b of buckets) if (b.n > 0) calibration += (b.n / judged) * Math.abs(b.predicted / b.n - b.alive / b.n);
dateErrors.sort((x, y) => x - y);
const medianError = dateErrors[dateErrors.length >> 1] ?? NaN;
const fmt = (x: number) => x.toFixed(2);
const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / Math.max(1, xs.length);

type Row = [figure: string, target: string, result: string, pass: boolean | null];
const rows: Row[] = [
  ["Today's size (shown; due before the cap)", '≤ 25 items', `${Math.max(...todaySizes)} (${candidates.join(', ')} due; ${campaignSizes.join(', ')} in the win-back campaign)`, Math.max(...todaySizes) <= 25],
  ["Today's first 10: share of the value at stake the true first 10 hold (mean of the four days)", '≥ 0.50', `${fmt(mean(stakeShares))} (each day: ${stakeShares.map(fmt).join(', ')})`, mean(stakeShares) >= 0.5],
  ['At risk on recent churners: F1', '≥ 0.55', `${fmt(m.f1)} (ideal detector ${fmt(best.f1)})`, m.f1 >= 0.55],
  ['At risk: precision', '≥ 0.50', `${fmt(m.precision)} (ideal ${fmt(best.precision)})`, m.precision >= 0.5],
  ['At risk: recall', '≥ 0.50', `${fmt(m.recall)} (ideal ${fmt(best.recall)})`, m.recall >= 0.5],
  ['Seasonal buyers flagged before their season', '≤ 10 %', `${seasonal > 0 ? ((100 * seasonalFlagged) / seasonal).toFixed(1) : '0'} % (${seasonalFlagged} of ${seasonal})`, seasonal === 0 || seasonalFlagged / seasonal <= 0.1],
  ['Calibration error of "still buying" (10 buckets, weighted)', '≤ 0.10', fmt(calibration), calibration <= 0.1],
  ['Next-order date, median error (customers who ordered within a year)', 'printed', `${medianError.toFixed(1)} days; ${((100 * inWindow) / Math.max(1, dateErrors.length)).toFixed(0)} % inside the predicted middle-half window (${dateErrors.length} orders)`, null],
  ['Concentration: top five share of 12-month revenue', 'detected', `true ${(100 * concentration.trueTop5).toFixed(1)} %, shown ${(100 * concentration.shown).toFixed(1)} %, flagged ${concentration.flagged ? 'yes' : 'no'}, owner action ${concentration.owner ? 'yes' : 'no'}`, concentration.flagged === concentration.trueTop5 > settings.concentrationAlert.top5 && concentration.owner === concentration.flagged],
  ['Suggestions other than service for do-not-contact customers', '0', `${dncSuggestions} (over ${dncCustomers} customer-days)`, dncSuggestions === 0],
];

console.log(`Simulated business: ${COUNT} customers over three years, seed ${SEED}; judged on ${DAYS.map((d) => new Date(d).toISOString().slice(0, 10)).join(', ')}; at risk below ${AT_RISK_BELOW} of the chance after the last order, lapsed below ${LAPSED_BELOW}.`);
console.log(`Calibration buckets (predicted → observed, customers): ${buckets.filter((b) => b.n > 0).map((b) => `${fmt(b.predicted / b.n)}→${fmt(b.alive / b.n)} (${b.n})`).join(', ')}`);
console.log('');
console.log('| Figure | Target | Result | |');
console.log('|---|---|---|---|');
for (const [figure, target, result, pass] of rows) console.log(`| ${figure} | ${target} | ${result} | ${pass === null ? '' : pass ? 'PASS' : 'MISS'} |`);
console.log('');
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = rows.some(([, , , pass]) => pass === false) ? 1 : 0;
