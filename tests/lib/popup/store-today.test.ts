import { describe, expect, it, vi } from 'vitest';
import type { TodayEntry } from '../../../lib/messaging/protocol';
import { createPopupStore, type PopupApi } from '../../../lib/popup/store';

const entry = { customerId: 'c1', name: 'Sabine', email: 'sabine@example.com', tier: 'B', suggestion: { title: 'Resolve the open complaint' } } as unknown as TodayEntry;

function api(over: Partial<PopupApi> = {}): PopupApi {
  return {
    candidates: vi.fn(async () => ({ onTab: [], recent: [], matches: [] })),
    save: vi.fn(async () => undefined),
    draft: vi.fn(async () => null),
    createCustomer: vi.fn(async () => ({ customerId: 'x' })),
    keepInTouch: vi.fn(async () => ({ items: [] })),
    reminders: vi.fn(async () => ({ reminders: [] })),
    doneReminder: vi.fn(async () => undefined),
    ...over,
  };
}

describe('popup store: today and concentration', () => {
  it("loads today's list and the concentration with the other lists", async () => {
    const store = createPopupStore(api({ today: async () => ({ items: [entry] }), concentration: async () => ({ concentration: null }) }));
    await store.refresh();
    expect(store.today.value).toEqual({ kind: 'ready', value: [entry] });
    expect(store.concentration.value).toBeNull();
  });

  it("shows why today's list failed, without failing the other lists", async () => {
    const store = createPopupStore(api({ today: async () => Promise.reject(new Error('Insights are not available here.')) }));
    await store.refresh();
    expect(store.today.value).toEqual({ kind: 'error', message: 'Insights are not available here.' });
    expect(store.reminders.value).toEqual({ kind: 'ready', value: [] });
  });
});
