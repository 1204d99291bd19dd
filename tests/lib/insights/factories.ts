import type { Customer, Interaction, InteractionKind, Order } from '../../../lib/model/records';
import { customerDefaults } from '../../../lib/model/records';
import { computeFigures } from '../../../lib/insights/figures';
import { prepareFacts } from '../../../lib/insights/prepare';
import { DEFAULT_PATTERN, predictBuying, summarizeBuying, type BuyingPattern } from '../../../lib/insights/model/buying';
import { computeRfm } from '../../../lib/insights/rfm';
import type { RuleFacts } from '../../../lib/insights/rules/index';
import { computeStage } from '../../../lib/insights/stage';
import type { TierResult } from '../../../lib/insights/tier';
import { DEFAULT_SETTINGS, type BusinessSettings, type CustomerFacts, type TierName } from '../../../lib/insights/types';

export const DAY = 86_400_000;
/** Wednesday 10 June 2026, 12:00 in Berlin (10:00 UTC): inside business hours. */
export const NOW = Date.UTC(2026, 5, 10, 10, 0);

export function daysAgo(days: number, now = NOW): number {
  return now - days * DAY;
}

let seq = 0;
function nextId(prefix: string): string {
  seq += 1;
  return `${prefix}-${String(seq).padStart(6, '0')}`;
}

export function createCustomer(over: Partial<Customer> = {}): Customer {
  return {
    ...customerDefaults(),
    id: nextId('c'),
    name: 'Customer',
    emails: [],
    createdAt: daysAgo(400),
    updatedAt: daysAgo(400),
    ...over,
  };
}

/** `minor` and `currency` are shorthands for `total`. */
export function createOrder(over: Partial<Order> & { minor?: number; currency?: string } = {}): Order {
  const { minor = 10_000, currency = 'EUR', ...rest } = over;
  return {
    id: nextId('o'),
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    customerId: 'c',
    orderedAt: daysAgo(10),
    total: { currency, minor },
    number: null,
    source: null,
    externalId: null,
    status: null,
    ...rest,
  };
}

export function createInteraction(kind: InteractionKind, at: number, over: Partial<Interaction> = {}): Interaction {
  return { id: nextId('i'), createdAt: 0, updatedAt: 0, deletedAt: null, customerId: 'c', kind, at, summary: '', ...over };
}

/**
 * A customer with orders `days ago` (each days, [days], [days, minor] or [days, minor, currency];
 * 100.00 EUR unless given) and
 * interactions [kind, days ago].
 */
export function createFacts(
  spec: {
    customer?: Partial<Customer>;
    orders?: readonly (number | readonly [number] | readonly [number, number] | readonly [number, number, string])[];
    interactions?: readonly (readonly [InteractionKind, number])[];
  } = {},
  now = NOW,
): CustomerFacts {
  const customer = createCustomer(spec.customer);
  const orders = (spec.orders ?? []).map((o) => {
    const [days, minor, currency] = typeof o === 'number' ? [o, 10_000, 'EUR'] : [o[0], o[1] ?? 10_000, o[2] ?? 'EUR'];
    return createOrder({ customerId: customer.id, orderedAt: daysAgo(days, now), minor, currency });
  });
  const interactions = (spec.interactions ?? []).map(([kind, days]) =>
    createInteraction(kind, daysAgo(days, now), { customerId: customer.id }),
  );
  return { customer, orders, interactions };
}

export function tierResult(tier: TierName, over: Partial<TierResult> = {}): TierResult {
  return {
    tier,
    computed: tier,
    overridden: false,
    rank: tier === 'Prospect' ? null : 1,
    revenue12mMinor: 0,
    share: 0,
    cumulativeShareBefore: 0,
    totalMinor: 0,
    tiedUp: false,
    ...over,
  };
}

/**
 * The business pattern rule tests judge customers against: the model's defaults (a visit every
 * two months on average, a quarter of customers dropping out after a visit), so that each case's
 * outcome depends on its own facts only.
 */
export const TEST_PATTERN: BuyingPattern = DEFAULT_PATTERN;

/** RuleFacts for one customer as the engine would build them (a book of one), with the tier given. */
export function ruleFacts(
  facts: CustomerFacts,
  options: { tier?: TierName; now?: number; settings?: BusinessSettings; businessMedian?: number | null; pattern?: BuyingPattern } = {},
): RuleFacts {
  const now = options.now ?? NOW;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const prepared = prepareFacts(facts, now);
  const figures = computeFigures(prepared, settings.currency, now);
  const buying = predictBuying(summarizeBuying(prepared.purchases, settings.currency), options.pattern ?? TEST_PATTERN, now);
  const stage = computeStage(prepared, figures, options.businessMedian ?? null, buying);
  const tier = tierResult(options.tier ?? (figures.orderCount > 0 ? 'A' : 'Prospect'));
  const rfm = computeRfm([figures]).get(facts.customer.id) ?? { group: 'prospects', r: null, f: null, m: null };
  return { prepared, figures, tier, rfm, buying, stage, settings };
}

/** Deterministic pseudo-random numbers (mulberry32) so generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
