import { INTERACTION_KINDS, STAGES, type InteractionKind } from '../../model/records';
import { prepareFacts } from '../prepare';
import type { CustomerInsight } from '../recompute';
import { RFM_GROUPS, type RfmGroup } from '../rfm';
import type { CustomerFacts, TierName } from '../types';
import { localDay } from './calendar';

/**
 * The dashboard's copy of the book: every live customer's classification and their orders and
 * interactions reduced to numbers, in parallel typed arrays (columns). The background builds it
 * during a full recompute, from the facts that recompute reads anyway, and keeps it beside the
 * database; every figure of the dashboard is then a few passes over these arrays (about a
 * million orders take tens of milliseconds), for any filter, without reading the database.
 *
 * Customer i's orders are `orderStart[i]` up to `orderStart[i + 1]`, the same for interactions
 * and tags. Orders are the engine's (lib/insights/prepare.ts): live, not cancelled, not in the
 * future as of `builtAt`; a refund is an order with a negative amount (it lowers revenue but is
 * not a purchase). Days are the business's local days (./calendar.ts).
 */
export type DashboardBook = {
  builtAt: number;
  timeZone: string;
  businessCurrency: string;
  ids: string[];
  /** Index into BOOK_TIERS: the tier in effect (the owner's override first). */
  tier: Uint8Array;
  /** Index into STAGES. */
  stage: Uint8Array;
  /** Index into BOOK_RFM_GROUPS. */
  rfm: Uint8Array;
  /** RFM scores 1–5; 0 for prospects. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** When keep-in-touch counts from: the last order or interaction, else when the customer was added (lib/reminders/cadence.ts). */
  touchSince: Float64Array;
  /** First and last purchase day; NO_DAY without purchases. */
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  tags: string[];
  tagStart: Uint32Array;
  tagIds: Uint32Array;
  currencies: string[];
  orderStart: Uint32Array;
  orderDay: Int32Array;
  orderMinor: Float64Array;
  orderCurrency: Uint16Array;
  interactionStart: Uint32Array;
  interactionDay: Int32Array;
  /** Index into INTERACTION_KINDS; each customer's in time order. */
  interactionKind: Uint8Array;
};

export const BOOK_TIERS: readonly TierName[] = ['A', 'B', 'C', 'Prospect'];
export const BOOK_RFM_GROUPS = Object.keys(RFM_GROUPS) as RfmGroup[];
export const NO_DAY = -2_147_483_648;

const TIER_INDEX = new Map(BOOK_TIERS.map((t, i) => [t, i]));
const STAGE_INDEX = new Map(STAGES.map((s, i) => [s, i]));
const RFM_INDEX = new Map(BOOK_RFM_GROUPS.map((g, i) => [g, i]));
const KIND_INDEX = new Map<InteractionKind, number>(INTERACTION_KINDS.map((k, i) => [k, i]));

/** A growable column. */
class Column<T extends Int32Array | Float64Array | Uint32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const wider = this.make(this.data.length * 2);
      wider.set(this.data as ArrayLike<number> & T);
      this.data = wider;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const int32 = (n: number) => new Int32Array(n);
const float64 = (n: number) => new Float64Array(n);
const uint32 = (n: number) => new Uint32Array(n);
const uint16 = (n: number) => new Uint16Array(n);
const uint8 = (n: number) => new Uint8Array(n);

export type BookBuilder = {
  /** One customer's facts, in the order the recompute adds them. */
  add(facts: CustomerFacts): void;
  /** The classifications of the finished recompute; customers it does not know are left out. */
  finish(insights: ReadonlyMap<string, CustomerInsight>): DashboardBook;
};

/** Collects a book while a recompute reads the customers (lib/background/insights.ts). */
export function startBook(settings: { currency: string; businessHours: { timeZone: string } }, now: number, expected = 1_024): BookBuilder {
  const timeZone = settings.businessHours.timeZone;
  const size = Math.max(16, expected);
  const ids: string[] = [];
  const touch = new Column(float64(size), float64);
  const firstPurchase = new Column(int32(size), int32);
  const lastPurchase = new Column(int32(size), int32);
  const tagStart = new Column(uint32(size + 1), uint32);
  const tagIds = new Column(uint32(size), uint32);
  const orderStart = new Column(uint32(size + 1), uint32);
  const orderDay = new Column(int32(size * 8), int32);
  const orderMinor = new Column(float64(size * 8), float64);
  const orderCurrency = new Column(uint16(size * 8), uint16);
  const interactionStart = new Column(uint32(size + 1), uint32);
  const interactionDay = new Column(int32(size), int32);
  const interactionKind = new Column(uint8(size), uint8);
  const tags: string[] = [];
  const tagIndex = new Map<string, number>();
  const currencies: string[] = [];
  const currencyIndex = new Map<string, number>();
  tagStart.push(0);
  orderStart.push(0);
  interactionStart.push(0);

  const indexOf = (map: Map<string, number>, list: string[], value: string) => {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  };

  return {
    add(facts) {
      const p = prepareFacts(facts, now);
      const customer = p.customer;
      ids.push(customer.id);
      let first = NO_DAY;
      let last = NO_DAY;
      let lastTouch = customer.createdAt;
      let touched = false;
      for (const list of [p.purchases, p.refunds]) {
        for (let i = 0; i < list.length; i++) {
          const order = list[i] as (typeof list)[number];
          const day = localDay(order.orderedAt, timeZone);
          orderDay.push(day);
          orderMinor.push(order.total.minor);
          orderCurrency.push(indexOf(currencyIndex, currencies, order.total.currency));
          if (order.total.minor >= 0) {
            if (first === NO_DAY || day < first) first = day;
            if (last === NO_DAY || day > last) last = day;
            if (!touched || order.orderedAt > lastTouch) lastTouch = order.orderedAt;
            touched = true;
          }
        }
      }
      for (let i = 0; i < p.interactions.length; i++) {
        const item = p.interactions[i] as (typeof p.interactions)[number];
        interactionDay.push(localDay(item.at, timeZone));
        interactionKind.push(KIND_INDEX.get(item.kind) ?? KIND_INDEX.get('other')!);
        if (!touched || item.at > lastTouch) lastTouch = item.at;
        touched = true;
      }
      for (const tag of new Set(customer.tags)) tagIds.push(indexOf(tagIndex, tags, tag));
      touch.push(lastTouch);
      firstPurchase.push(first);
      lastPurchase.push(last);
      tagStart.push(tagIds.length);
      orderStart.push(orderDay.length);
      interactionStart.push(interactionDay.length);
    },

    finish(insights) {
      const n = ids.length;
      const tier = new Uint8Array(n);
      const stage = new Uint8Array(n);
      const rfm = new Uint8Array(n);
      const r = new Uint8Array(n);
      const f = new Uint8Array(n);
      const m = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const insight = insights.get(ids[i] as string);
        // Added but not classified cannot happen within one recompute; a prospect is the safe reading.
        tier[i] = TIER_INDEX.get(insight?.tier.tier ?? 'Prospect') ?? 3;
        stage[i] = STAGE_INDEX.get(insight?.stage.stage ?? 'prospect') ?? 0;
        const result = insight?.rfm;
        rfm[i] = RFM_INDEX.get(result?.group ?? 'prospects') ?? 0;
        r[i] = result?.r ?? 0;
        f[i] = result?.f ?? 0;
        m[i] = result?.m ?? 0;
      }
      return {
        builtAt: now,
        timeZone,
        businessCurrency: settings.currency,
        ids,
        tier,
        stage,
        rfm,
        r,
        f,
        m,
        touchSince: touch.done(),
        firstPurchase: firstPurchase.done(),
        lastPurchase: lastPurchase.done(),
        tags,
        tagStart: tagStart.done(),
        tagIds: tagIds.done(),
        currencies,
        orderStart: orderStart.done(),
        orderDay: orderDay.done(),
        orderMinor: orderMinor.done(),
        orderCurrency: orderCurrency.done(),
        interactionStart: interactionStart.done(),
        interactionDay: interactionDay.done(),
        interactionKind: interactionKind.done(),
      };
    },
  };
}

/** A book of the given facts and insights in one call (tests, and small books). */
export function buildBook(
  all: readonly CustomerFacts[],
  insights: ReadonlyMap<string, CustomerInsight>,
  settings: { currency: string; businessHours: { timeZone: string } },
  now: number,
): DashboardBook {
  const builder = startBook(settings, now, all.length);
  for (const facts of all) builder.add(facts);
  return builder.finish(insights);
}
