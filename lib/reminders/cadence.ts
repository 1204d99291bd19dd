import type { TierName } from '../insights/types';
import type { Customer } from '../model/records';

/**
 * Keep-in-touch: every tier has a cadence in days, and *any* contact (an order or any logged
 * interaction, i.e. the customer's cached `stats.lastTouchAt`) starts it again. Pure.
 */

const DAY_MS = 86_400_000;

/**
 * The tier the cadence is read for: the owner's override first (the cached classification may
 * predate it by a recompute), then the insights engine's cached tier, else C (the tier most
 * customers are in, and the longest cadence, so an unclassified customer is not nagged early).
 */
export function cadenceTier(customer: Customer): TierName {
  return customer.tierOverride ?? customer.insights?.tier ?? 'C';
}

export interface KeepInTouchItem {
  customerId: string;
  name: string;
  email: string | null;
  tier: TierName;
  cadenceDays: number;
  /** The last order or interaction; null if there never was one (counted from creation). */
  lastTouchAt: number | null;
  dueAt: number;
  overdue: boolean;
  /** Whole days past due (0 when due today or not yet due). */
  daysOverdue: number;
}

/** When a customer is next due for contact; never-touched customers count from their creation. */
export function keepInTouchDue(customer: Customer, cadenceDays: Readonly<Record<TierName, number>>): { tier: TierName; cadence: number; dueAt: number } {
  const tier = cadenceTier(customer);
  const cadence = cadenceDays[tier];
  const since = customer.stats.lastTouchAt ?? customer.createdAt;
  return { tier, cadence, dueAt: since + cadence * DAY_MS };
}

/**
 * Live customers due for contact within `horizonDays` of `now`, the one due longest ago first
 * (ties by name so the list is stable); those already past due are marked overdue. `limit`
 * keeps the popup short.
 */
export function overdueList(
  customers: Iterable<Customer>,
  cadenceDays: Readonly<Record<TierName, number>>,
  now: number,
  { horizonDays = 7, limit = 50 }: { horizonDays?: number; limit?: number } = {},
): KeepInTouchItem[] {
  const items: KeepInTouchItem[] = [];
  for (const customer of customers) {
    if (customer.deletedAt !== null) continue;
    const { tier, cadence, dueAt } = keepInTouchDue(customer, cadenceDays);
    if (dueAt > now + horizonDays * DAY_MS) continue;
    items.push({
      customerId: customer.id,
      name: customer.name.trim() || customer.emails[0] || 'Unnamed customer',
      email: customer.emails[0] ?? null,
      tier,
      cadenceDays: cadence,
      lastTouchAt: customer.stats.lastTouchAt,
      dueAt,
      overdue: dueAt <= now,
      daysOverdue: Math.max(0, Math.floor((now - dueAt) / DAY_MS)),
    });
  }
  items.sort((a, b) => a.dueAt - b.dueAt || a.name.localeCompare(b.name) || a.customerId.localeCompare(b.customerId));
  return items.slice(0, limit);
}
