import { describe, expect, it } from 'vitest';
import { generateBook } from '../../../bench/sim/generate';
import { DEFAULT_PATTERN, describeBuying, predictBuying, summarizeBuying, type BuyingPattern } from '../../../lib/insights/model/buying';
import { fitBuyingPattern } from '../../../lib/insights/model/fit';
import { betaRegularized, gammaRegularized, inverseTrigamma, lnGamma, trigamma } from '../../../lib/insights/model/special';
import { prepareFacts } from '../../../lib/insights/prepare';
import { recomputeAll } from '../../../lib/insights/recompute';
import { planFromInsights } from '../../../lib/insights/today';
import { DEFAULT_SETTINGS, type CustomerFacts } from '../../../lib/insights/types';
import { DAY, NOW, createFacts } from './factories';

/** The customer's prediction against `pattern` at `now`, from orders `days ago`. */
function predict(orders: readonly number[], pattern: BuyingPattern = DEFAULT_PATTERN, now = NOW) {
  const summary = summarizeBuying(prepareFacts(createFacts({ orders }, now), now).purchases, 'EUR');
  return { summary, prediction: predictBuying(summary, pattern, now) };
}

describe('special functions', () => {
  it('agree with closed forms', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(betaRegularized(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    // I_x(1, b) = 1 − (1 − x)^b
    expect(betaRegularized(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    // P(1, x) = 1 − e^−x
    expect(gammaRegularized(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 8);
    expect(inverseTrigamma(trigamma(3))).toBeCloseTo(3, 6);
  });
});

describe('the buying model', () => {
  it('reads a clockwork buyer\'s silence as more telling than an irregular buyer\'s', () => {
    // Both buy every 30 days on average; both silent for 120 days.
    const clockwork = predict([270, 240, 210, 180, 150, 120]).prediction;
    const irregular = predict([310, 300, 230, 222, 130, 120]).prediction;
    expect(clockwork.pAlive!).toBeLessThan(irregular.pAlive!);
    expect(clockwork.pAlive!).toBeLessThan(0.2);
  });

  it('leans on the business while a customer has one order, and on their own orders once they have many', () => {
    const one = predict([10]);
    const many = predict(Array.from({ length: 20 }, (_, i) => 10 + 7 * i));
    // One order: their rate is the business's prior (r / alpha).
    const c = one.prediction.components[0]!;
    expect(c.shape / c.rate).toBeCloseTo(DEFAULT_PATTERN.r / DEFAULT_PATTERN.alpha, 10);
    // Weekly for twenty weeks: about 52 orders a year, not the business's 6.
    expect(many.prediction.valueIfRetained12mMinor).toBeGreaterThan(35 * 10_000);
    const { usualGapDays } = describeBuying(many.prediction, many.summary, NOW);
    expect(usualGapDays[0]).toBeGreaterThan(5);
    expect(usualGapDays[1]).toBeLessThan(10);
  });

  it('recognizes a December buyer and does not count November against them', () => {
    // Orders each early December for three years; "now" is mid-November.
    const now = Date.UTC(2026, 10, 15, 10);
    const decembers = [Date.UTC(2023, 11, 5), Date.UTC(2023, 11, 12), Date.UTC(2024, 11, 3), Date.UTC(2025, 11, 6), Date.UTC(2025, 11, 9)].map((t) => (now - t) / DAY);
    const { summary, prediction } = predict(decembers, DEFAULT_PATTERN, now);
    expect(summary.seasonDay).not.toBeNull();
    expect(Math.abs(summary.seasonDay! - 340)).toBeLessThan(12);
    expect(prediction.pAlive! / prediction.pAliveAfterLastOrder!).toBeGreaterThan(0.7);
    const next = describeBuying(prediction, summary, now).nextVisit!;
    expect(new Date(next.at).getUTCMonth()).toBe(11);
    // Stages read the same chance: not at risk before their season.
    const insights = recomputeAll([createFacts({ customer: { id: 'december' }, orders: decembers }, now)], DEFAULT_SETTINGS, now);
    expect(insights.customers.get('december')!.stage.stage).not.toMatch(/at_risk|lapsed/);
  });
});

describe('the fit and its calibration on a simulated business with known truth', () => {
  // The simulation of `npm run sim`, smaller and on one day: 800 customers over three years.
  const END = Date.UTC(2026, 10, 18, 10);
  const book = generateBook(800, END, 4242);
  const facts: CustomerFacts[] = book.customers.map((c) => ({ customer: c.customer, orders: c.orders.filter((o) => o.orderedAt <= END), interactions: c.interactions.filter((i) => i.at <= END) }));
  const insights = recomputeAll(facts, DEFAULT_SETTINGS, END);

  it('fits a pattern of its own rather than keeping the defaults', () => {
    const { pattern } = insights;
    expect(pattern.fittedOn).toBeGreaterThan(100);
    expect([pattern.r, pattern.alpha, pattern.a, pattern.b]).not.toEqual([DEFAULT_PATTERN.r, DEFAULT_PATTERN.alpha, DEFAULT_PATTERN.a, DEFAULT_PATTERN.b]);
    expect(pattern.seasonalByWeek).not.toBeNull();
    // A refit started from its own result stays where it is.
    const summaries = facts.map((f) => summarizeBuying(prepareFacts(f, END).purchases, 'EUR'));
    const again = fitBuyingPattern(summaries, END, pattern);
    expect(again.r / again.alpha).toBeCloseTo(pattern.r / pattern.alpha, 3);
    expect(again.a / (again.a + again.b)).toBeCloseTo(pattern.a / (pattern.a + pattern.b), 2);
  });

  it('says "still buying" with a chance that matches how many still buy (calibration error ≤ 0.1)', () => {
    const buckets = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, alive: 0 }));
    for (const c of book.customers) {
      const p = insights.customers.get(c.customer.id)?.buying.pAlive;
      if (p === null || p === undefined) continue;
      const bucket = buckets[Math.min(9, Math.floor(p * 10))]!;
      bucket.n++;
      bucket.predicted += p;
      bucket.alive += c.truth.churnAt === null || c.truth.churnAt > END ? 1 : 0;
    }
    const judged = buckets.reduce((sum, b) => sum + b.n, 0);
    const error = buckets.reduce((sum, b) => sum + (b.n > 0 ? (b.n / judged) * Math.abs(b.predicted / b.n - b.alive / b.n) : 0), 0);
    expect(judged).toBeGreaterThan(600);
    expect(error).toBeLessThanOrEqual(0.1);
    // Not a constant: the chances spread over the range.
    expect(buckets.filter((b) => b.n >= 20).length).toBeGreaterThanOrEqual(4);
  });

  it('moves the one-time buyers long gone out of Today into the win-back campaign', () => {
    const plan = planFromInsights(insights, DEFAULT_SETTINGS, END);
    expect(plan.campaign.length).toBeGreaterThan(50);
    for (const entry of plan.campaign) expect(END - entry.lastOrderAt).toBeGreaterThan(365 * DAY);
    const campaign = new Set(plan.campaign.map((c) => c.customerId));
    for (const item of plan.items) expect(campaign.has(item.customerId)).toBe(false);
  });
});
