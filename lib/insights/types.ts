import type { Customer, Interaction, Order, Tier } from '../model/records';

/**
 * What the engine reads of an order. A full recompute gets these from the compact per-customer
 * order facts (lib/db/orders/fact-rows.ts) instead of a million full order records.
 */
export type OrderFact = Pick<Order, 'id' | 'number' | 'orderedAt' | 'total' | 'status' | 'deletedAt'>;

/**
 * Everything the engine knows about one customer, exactly as stored. Tombstoned rows
 * (`deletedAt !== null`) and rows dated after `now` may be present: every function of the
 * engine drops them itself (see prepare.ts), so callers can pass what they read.
 */
export type CustomerFacts = {
  customer: Customer;
  orders: OrderFact[];
  interactions: Interaction[];
};

/** ABC tiers plus the customers who never bought. */
export type TierName = Tier | 'Prospect';

/** 0 = Sunday … 6 = Saturday, as Date#getDay counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Minutes after local midnight: [open, close), close exclusive. */
export type OpeningSpan = readonly [openMinute: number, closeMinute: number];

export type BusinessHours = {
  /** IANA zone the hours are read in, e.g. "Europe/Berlin". */
  timeZone: string;
  days: Readonly<Record<Weekday, OpeningSpan | null>>;
};

export type BusinessSettings = {
  /** Cumulative revenue shares: A up to `a`, B up to `b`, C the rest (0 < a ≤ b ≤ 1). */
  tierThresholds: { a: number; b: number };
  /** Days without any touch before keep-in-touch fires, per tier. */
  cadenceDays: Readonly<Record<TierName, number>>;
  businessHours: BusinessHours;
  /** ISO 4217 code of the business; only revenue in it is ranked (see figures.ts). */
  currency: string;
  /** How many of today's relationships the plan shows at once (today.ts); "show more" for the next. */
  planSize: number;
  /**
   * Shares of the last 12 months' revenue above which concentration becomes an action for the
   * owner: the largest customer alone, and the five largest together.
   */
  concentrationAlert: { top1: number; top5: number };
};

const NINE_TO_FIVE: OpeningSpan = [9 * 60, 17 * 60];

export const DEFAULT_SETTINGS: BusinessSettings = {
  tierThresholds: { a: 0.8, b: 0.95 },
  cadenceDays: { A: 30, B: 60, C: 120, Prospect: 30 },
  businessHours: {
    timeZone: 'Europe/Berlin',
    days: { 0: null, 1: NINE_TO_FIVE, 2: NINE_TO_FIVE, 3: NINE_TO_FIVE, 4: NINE_TO_FIVE, 5: NINE_TO_FIVE, 6: null },
  },
  currency: 'EUR',
  planSize: 10,
  // Small-business rules of thumb: no single customer above 15 %, the top five not above 30 %.
  concentrationAlert: { top1: 0.15, top5: 0.3 },
};

/**
 * A user's "not now" on a suggestion. Both hold only while `factsKey` is the one the
 * suggestion had when it was put aside: when the facts behind it change (a new order, a new
 * complaint) the suggestion is a different one and comes back.
 * - Dismissal: hidden until the facts change (or until `until`, when given).
 * - Snooze: hidden while `until > now`.
 */
export type SuggestionHold = {
  customerId: string;
  ruleId: string;
  factsKey: string;
  until?: number;
};
export type Dismissal = SuggestionHold;
export type Snooze = SuggestionHold & { until: number };

export type SuggestionState = {
  dismissals: readonly Dismissal[];
  snoozes: readonly Snooze[];
};

export const NO_HOLDS: SuggestionState = { dismissals: [], snoozes: [] };
