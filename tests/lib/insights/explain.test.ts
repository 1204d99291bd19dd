import { describe, expect, it } from 'vitest';
import { explain } from '../../../lib/insights/explain';
import { recomputeAll } from '../../../lib/insights/recompute';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { NOW, createFacts } from './factories';

describe('explain', () => {
  const book = [
    createFacts({ customer: { id: 'big' }, orders: [[70, 60_000], [40, 60_000], [10, 60_000]] }),
    createFacts({ customer: { id: 'mid' }, orders: [[130, 10_000], [100, 10_000], [70, 10_000], [46, 10_000]] }),
    createFacts({ customer: { id: 'small', tierOverride: 'A' }, orders: [[20, 2_500]] }),
    createFacts({ customer: { id: 'lead' } }),
  ];
  const insights = recomputeAll(book, DEFAULT_SETTINGS, NOW);
  const of = (id: string) => explain(insights.customers.get(id)!, DEFAULT_SETTINGS);

  it('gives the rank, share and thresholds behind a computed tier', () => {
    const { facts, sentences } = of('mid').tier;
    expect(facts).toMatchObject({ tier: 'B', computed: 'B', overridden: false, rank: 2, revenue12mMinor: 40_000, totalMinor: 222_500, thresholdA: 0.8, thresholdB: 0.95 });
    expect(facts.share).toBeCloseTo(40_000 / 222_500);
    expect(facts.cumulativeShareBefore).toBeCloseTo(180_000 / 222_500);
    expect(sentences).toEqual([
      'Ranked 2 by revenue over the last 12 months: €400.00, 18.0 % of €2,225.00.',
      'Customers ranked above make 80.9 %; tier A runs to 80.0 %, B to 95.0 %, so tier B.',
    ]);
  });

  it('says when a tier was set by hand', () => {
    expect(of('small').tier.facts).toMatchObject({ tier: 'A', computed: 'C', overridden: true });
    expect(of('small').tier.sentences.at(-1)).toBe('Set to tier A by hand; the figures alone give C.');
  });

  it('explains a prospect', () => {
    expect(of('lead').tier.sentences).toEqual(['No purchase yet, so a prospect.']);
    expect(of('lead').rfm.sentences).toEqual(['No purchase yet: Prospects.']);
  });

  it('gives each suggestion the figures the rule used, its reason and when the rule fires', () => {
    const insight = insights.customers.get('mid')!;
    const [first] = of('mid').suggestions;
    const top = insight.suggestions[0]!;
    expect(first).toMatchObject({ ruleId: top.ruleId, facts: top.evidence });
    expect(first?.sentences[0]).toBe(top.reason);
    expect(first?.sentences[1]).toMatch(/^When: /);
    expect(of('mid').stage.sentences[0]).toMatch(/^Last order 7 weeks ago, (over 99|under 1|\d+) % likely still buying \((over 99|\d+) % just after it\)\./);
  });

  it("tells the buying model's figures with their uncertainty in plain words", () => {
    const sentences = explain(insights.customers.get('mid')!, DEFAULT_SETTINGS, NOW).buying.sentences;
    expect(sentences[0]).toMatch(/^Usually orders every \d+(–\d+)? (weeks|days|months) \(half their gaps fall in that range; from their own orders\)\.$/);
    expect(sentences[1]).toMatch(/^(Over 99|Under 1|\d+) % likely still buying: it was (over 99|\d+) % just after their last order/);
    expect(sentences.some((s) => /^Next 12 months: about \d+\.\d orders worth €[\d,.]+, counting the chance they leave\.$/.test(s))).toBe(true);
    expect(sentences.join(' ')).not.toMatch(/NaN|Infinity|undefined/);
    expect(explain(insights.customers.get('lead')!, DEFAULT_SETTINGS, NOW).buying.sentences).toEqual(['No order yet: nothing to predict.']);
  });
});
