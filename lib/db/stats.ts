import type { CustomerStats, Interaction, Money, Order } from '../model/records';

/**
 * Statuses of orders that never happened. Other statuses (paid, shipped, refunded, …) still
 * count; a refund is recorded as its own negative order so the revenue nets out.
 */
const VOID_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'canceled', 'voided']);

/** The parts of an order and an interaction the figures depend on (imports keep only these). */
export type StatsOrder = Pick<Order, 'deletedAt' | 'status' | 'total' | 'orderedAt'>;
export type StatsInteraction = Pick<Interaction, 'deletedAt' | 'at'>;

/**
 * A customer's cached figures from their orders and interactions. Pure, so the repository can
 * run it inside a transaction and a background job can run it over everything.
 *
 * - Tombstoned rows and void orders are left out.
 * - A row with a negative total is a refund: it lowers revenue in its currency but is not an
 *   order (no order count, no first/last order, no touch). A zero total (free replacement,
 *   sample) is an order.
 * - Revenue stays per currency, sorted by amount, largest first (ties by code, for stable
 *   output). The main currency is the one with most revenue among currencies with an order; the
 *   average order is that revenue over the orders in that currency, rounded to a minor unit.
 * - Future-dated rows count. This function takes no clock on purpose: the figures are cached
 *   and only recomputed on writes, so anything that depended on "now" would go stale silently.
 * - lastTouchAt is the latest order or logged interaction of any kind (DESIGN.md: any
 *   interaction resets the keep-in-touch cadence). Notes are not touches: writing a note about
 *   someone is not contact with them.
 */
export function computeStats(orders: readonly StatsOrder[], interactions: readonly StatsInteraction[]): CustomerStats {
  const revenue = new Map<string, number>();
  const orderCountByCurrency = new Map<string, number>();
  let orderCount = 0;
  let firstOrderAt: number | null = null;
  let lastOrderAt: number | null = null;

  for (const order of orders) {
    if (order.deletedAt !== null || (order.status !== null && VOID_STATUSES.has(order.status.toLowerCase()))) continue;
    const { currency, minor } = order.total;
    revenue.set(currency, (revenue.get(currency) ?? 0) + minor);
    if (minor < 0) continue;
    orderCount += 1;
    orderCountByCurrency.set(currency, (orderCountByCurrency.get(currency) ?? 0) + 1);
    firstOrderAt = firstOrderAt === null ? order.orderedAt : Math.min(firstOrderAt, order.orderedAt);
    lastOrderAt = lastOrderAt === null ? order.orderedAt : Math.max(lastOrderAt, order.orderedAt);
  }

  let lastInteractionAt: number | null = null;
  for (const interaction of interactions) {
    if (interaction.deletedAt !== null) continue;
    lastInteractionAt = lastInteractionAt === null ? interaction.at : Math.max(lastInteractionAt, interaction.at);
  }

  const sortedRevenue: Money[] = [...revenue]
    .map(([currency, minor]) => ({ currency, minor }))
    .sort((a, b) => b.minor - a.minor || a.currency.localeCompare(b.currency));
  const main = sortedRevenue.find((money) => (orderCountByCurrency.get(money.currency) ?? 0) > 0) ?? null;
  const mainOrders = main === null ? 0 : (orderCountByCurrency.get(main.currency) ?? 0);

  return {
    orderCount,
    revenue: sortedRevenue,
    currency: main?.currency ?? null,
    averageOrderMinor: main === null || mainOrders === 0 ? null : Math.round(main.minor / mainOrders),
    firstOrderAt,
    lastOrderAt,
    lastTouchAt: latest(lastOrderAt, lastInteractionAt),
  };
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
