import { describe, expect, it, vi } from 'vitest';
import type { TodayEntry } from '../../../lib/messaging/protocol';
import { createPlanStore } from '../../../lib/plan/store';

const entry = (id: string) => ({ customerId: id, name: id, email: null, tier: 'B', group: 'keep', stakeMinor: 100, suggestion: { title: 't' } }) as unknown as TodayEntry;

describe('plan store', () => {
  it("loads the owner's plan size, then the next as many on Show more", async () => {
    const today = vi.fn(async (limit?: number) => {
      const n = limit ?? 2;
      return { computedAt: 1, items: Array.from({ length: n }, (_, i) => entry(`c${i}`)), total: 5, planSize: 2, campaign: 3, owner: null };
    });
    const store = createPlanStore({ today });
    await store.load();
    expect(today).toHaveBeenLastCalledWith(undefined);
    expect(store.plan.value).toMatchObject({ kind: 'ready', value: { total: 5, planSize: 2, campaign: 3 } });
    await store.showMore();
    expect(today).toHaveBeenLastCalledWith(4);
    expect(store.plan.value.kind === 'ready' && store.plan.value.value.items.length).toBe(4);
  });

  it('shows why the plan failed', async () => {
    const store = createPlanStore({ today: async () => Promise.reject(new Error('Insights are not available here.')) });
    await store.load();
    expect(store.plan.value).toEqual({ kind: 'error', message: 'Insights are not available here.' });
  });
});
