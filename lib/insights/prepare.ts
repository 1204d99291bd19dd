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

const VOID_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'canceled', 'voided']);

function isVoid(order: OrderFact): boolean {
  return order.status !== null && VOID_STATUSES.has(order.status.toLowerCase());
}

export function prepareFacts(facts: CustomerFacts, now: number): PreparedFacts {
  // The database hands orders over sorted and mostly clean: then the input arrays are used as
  // they are, which spares a full recompute a million copied rows.
  const orders = facts.orders;
  const interactions = facts.interactions;
  const cleanOrders = isClean(orders, now, (o) => o.orderedAt, (o) => o.total.minor >= 0 && !isVoid(o));
  if (cleanOrders && isClean(interactions, now, (i) => i.at, () => true)) {
    return { customer: facts.customer, purchases: orders, refunds: [], interactions };
  }
  return copyClean(facts, now);
}

/** Live, not future, in order (ties by id, as the sort below would put them) and `keep`. */
function isClean<T extends { id: string; deletedAt: number | null }>(
  rows: readonly T[],
  now: number,
  at: (row: T) => number,
  keep: (row: T) => boolean,
): boolean {
  let previous: T | null = null;
  for (const row of rows) {
    const t = at(row);
    if (row.deletedAt !== null || t > now || !keep(row)) return false;
    if (previous !== null) {
      const p = at(previous);
      if (p > t || (p === t && compareText(previous.id, row.id) > 0)) return false;
    }
    previous = row;
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
