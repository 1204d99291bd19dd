import type { Customer, Interaction } from '../model/records';
import type { CustomerFacts, OrderFact } from './types';

/**
 * The facts the engine reasons about: live rows only, nothing from the future, oldest first.
 * - Tombstoned rows (deletedAt !== null) were deleted by the user: they never count. Nor do
 *   orders that never happened (status cancelled / canceled / voided), as in lib/db/stats.ts.
 * - Rows dated after `now` are ignored: a pre-order or a mistyped date must not make a
 *   customer look active today, and results must not change depending on clock skew
 *   between devices. They count once `now` passes them.
 * - Purchases are orders with a total ≥ 0 (zero-total orders, e.g. a free sample or a
 *   100 % voucher, are orders a customer placed). Refunds are orders with a negative total:
 *   they reduce revenue but are not purchases (they never count as an order, a last order
 *   date or an interval).
 */
export type PreparedFacts = {
  customer: Customer;
  purchases: readonly OrderFact[];
  refunds: readonly OrderFact[];
  interactions: readonly Interaction[];
};

/** Shared by every customer without refunds: one empty list rather than 100,000. */
const NO_REFUNDS: readonly OrderFact[] = Object.freeze([]);

const VOID_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'canceled', 'voided']);
/** Lower-casing never shortens a string (nor lengthens one into these ASCII words). */
const VOID_LENGTHS = { min: Math.min(...[...VOID_STATUSES].map((s) => s.length)), max: Math.max(...[...VOID_STATUSES].map((s) => s.length)) };

function isVoid(order: OrderFact): boolean {
  const status = order.status;
  // Only a status as long as a void one can be one: most ("paid") are told apart without
  // lower-casing a million strings in a full recompute.
  if (status === null || status.length < VOID_LENGTHS.min || status.length > VOID_LENGTHS.max) return false;
  return VOID_STATUSES.has(status.toLowerCase());
}

export function prepareFacts(facts: CustomerFacts, now: number): PreparedFacts {
  // The database hands orders over sorted and mostly clean: then the input arrays are used as
  // they are, which spares a full recompute a million copied rows.
  const orders = facts.orders;
  const interactions = facts.interactions;
  if (ordersClean(orders, now) && interactionsClean(interactions, now)) {
    return { customer: facts.customer, purchases: orders, refunds: NO_REFUNDS, interactions };
  }
  return copyClean(facts, now);
}

// The two checks below run over every row of a full recompute: plain loops, no callbacks.

/** Live, not future, purchases only, in order (ties by id, as the sort below would put them). */
function ordersClean(orders: readonly OrderFact[], now: number): boolean {
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i] as OrderFact;
    const t = order.orderedAt;
    if (order.deletedAt !== null || t > now || order.total.minor < 0 || isVoid(order)) return false;
    if (i > 0) {
      const previous = orders[i - 1] as OrderFact;
      if (previous.orderedAt > t || (previous.orderedAt === t && compareText(previous.id, order.id) > 0)) return false;
    }
  }
  return true;
}

/** Live, not future, in order (ties by id). */
function interactionsClean(interactions: readonly Interaction[], now: number): boolean {
  for (let i = 0; i < interactions.length; i++) {
    const item = interactions[i] as Interaction;
    const t = item.at;
    if (item.deletedAt !== null || t > now) return false;
    if (i > 0) {
      const previous = interactions[i - 1] as Interaction;
      if (previous.at > t || (previous.at === t && compareText(previous.id, item.id) > 0)) return false;
    }
  }
  return true;
}

function copyClean(facts: CustomerFacts, now: number): PreparedFacts {
  const purchases: OrderFact[] = [];
  const refunds: OrderFact[] = [];
  for (const order of facts.orders) {
    if (order.deletedAt !== null || order.orderedAt > now || isVoid(order)) continue;
    (order.total.minor < 0 ? refunds : purchases).push(order);
  }
  const interactions = facts.interactions.filter((i) => i.deletedAt === null && i.at <= now);
  purchases.sort(byOrderedAt);
  refunds.sort(byOrderedAt);
  interactions.sort((x, y) => x.at - y.at || compareText(x.id, y.id));
  return { customer: facts.customer, purchases, refunds, interactions };
}

function byOrderedAt(x: OrderFact, y: OrderFact): number {
  return x.orderedAt - y.orderedAt || compareText(x.id, y.id);
}

/** Code-unit order, not locale order: identical on every machine. */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
