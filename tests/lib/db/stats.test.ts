import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../lib/db/stats';
import { EMPTY_STATS } from '../../../lib/model/records';
import { DAY, NOW, makeInteraction, makeOrder } from './factories';

const customerId = 'c1';
const eur = (minor: number) => ({ currency: 'EUR', minor });
const usd = (minor: number) => ({ currency: 'USD', minor });

describe('computeStats', () => {
  it('returns empty figures when there are no rows', () => {
    expect(computeStats([], [])).toEqual(EMPTY_STATS);
  });

  it('sums revenue, counts orders and averages when orders share a currency', () => {
    const stats = computeStats(
      [
        makeOrder({ customerId, total: eur(10_000), orderedAt: NOW - 30 * DAY }),
        makeOrder({ customerId, total: eur(5_001), orderedAt: NOW - 60 * DAY }),
        makeOrder({ customerId, total: eur(3_000), orderedAt: NOW - 5 * DAY }),
      ],
      [],
    );
    expect(stats).toEqual({
      orderCount: 3,
      revenue: [eur(18_001)],
      currency: 'EUR',
      averageOrderMinor: 6_000,
      firstOrderAt: NOW - 60 * DAY,
      lastOrderAt: NOW - 5 * DAY,
      lastTouchAt: NOW - 5 * DAY,
    });
  });

  it('keeps currencies apart and picks the one with most revenue as main when several are used', () => {
    const stats = computeStats(
      [
        makeOrder({ customerId, total: usd(50_000) }),
        makeOrder({ customerId, total: eur(10_000) }),
        makeOrder({ customerId, total: eur(20_000) }),
      ],
      [],
    );
    expect(stats.revenue).toEqual([usd(50_000), eur(30_000)]);
    expect(stats.currency).toBe('USD');
    expect(stats.averageOrderMinor).toBe(50_000);
    expect(stats.orderCount).toBe(3);
  });

  it('nets a refund against revenue without counting it as an order or a touch', () => {
    const stats = computeStats(
      [
        makeOrder({ customerId, total: eur(10_000), orderedAt: NOW - 20 * DAY }),
        makeOrder({ customerId, total: eur(-4_000), orderedAt: NOW - 2 * DAY }),
      ],
      [],
    );
    expect(stats.revenue).toEqual([eur(6_000)]);
    expect(stats.orderCount).toBe(1);
    expect(stats.lastOrderAt).toBe(NOW - 20 * DAY);
    expect(stats.lastTouchAt).toBe(NOW - 20 * DAY);
  });

  it('counts a zero-total order as an order when it is a free replacement', () => {
    const stats = computeStats([makeOrder({ customerId, total: eur(10_000) }), makeOrder({ customerId, total: eur(0) })], []);
    expect(stats.orderCount).toBe(2);
    expect(stats.averageOrderMinor).toBe(5_000);
  });

  it('gives no main currency when there are only refunds', () => {
    const stats = computeStats([makeOrder({ customerId, total: eur(-1_000) })], []);
    expect(stats).toMatchObject({ orderCount: 0, revenue: [eur(-1_000)], currency: null, averageOrderMinor: null, lastOrderAt: null });
  });

  it('leaves out tombstoned and cancelled orders and tombstoned interactions', () => {
    const stats = computeStats(
      [
        makeOrder({ customerId, total: eur(10_000), orderedAt: NOW - 50 * DAY }),
        makeOrder({ customerId, total: eur(99_000), deletedAt: NOW, orderedAt: NOW - DAY }),
        makeOrder({ customerId, total: eur(77_000), status: 'Cancelled', orderedAt: NOW - DAY }),
      ],
      [makeInteraction({ customerId, at: NOW, deletedAt: NOW })],
    );
    expect(stats).toMatchObject({ orderCount: 1, revenue: [eur(10_000)], lastOrderAt: NOW - 50 * DAY, lastTouchAt: NOW - 50 * DAY });
  });

  it('counts future-dated orders when an order is scheduled ahead', () => {
    const stats = computeStats([makeOrder({ customerId, orderedAt: NOW + 7 * DAY })], []);
    expect(stats.lastOrderAt).toBe(NOW + 7 * DAY);
    expect(stats.orderCount).toBe(1);
  });

  it('takes lastTouchAt from the latest interaction when it is after the last order', () => {
    const stats = computeStats(
      [makeOrder({ customerId, orderedAt: NOW - 30 * DAY })],
      [makeInteraction({ customerId, at: NOW - 3 * DAY }), makeInteraction({ customerId, kind: 'email', at: NOW - 9 * DAY })],
    );
    expect(stats.lastTouchAt).toBe(NOW - 3 * DAY);
    expect(stats.lastOrderAt).toBe(NOW - 30 * DAY);
  });
});
