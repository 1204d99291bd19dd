import { describe, expect, it, vi } from 'vitest';
import type { ReminderView, TodayEntry } from '../../../lib/messaging/protocol';
import { createPopupStore, type PopupApi } from '../../../lib/popup/store';

const entry = { customerId: 'c1', name: 'Sabine', email: 'sabine@example.com', tier: 'B', suggestion: { title: 'Resolve the open complaint' } } as unknown as TodayEntry;

function api(over: Partial<PopupApi> = {}): PopupApi {
  return {
    candidates: vi.fn(async () => ({ onTab: [], recent: [], matches: [] })),
    save: vi.fn(async () => undefined),
    draft: vi.fn(async () => null),
    createCustomer: vi.fn(async () => ({ customerId: 'x' })),
    reminders: vi.fn(async () => ({ reminders: [] })),
    doneReminder: vi.fn(async () => undefined),
    snoozeReminder: vi.fn(async () => undefined),
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

describe('popup store: reminders', () => {
  it('snoozes a reminder and reloads the list, where it shows at its new time', async () => {
    const before = { customerName: 'Maria', reminder: { id: 'r1', dueAt: 1000 } } as unknown as ReminderView;
    const after = { customerName: 'Maria', reminder: { id: 'r1', dueAt: 3_601_000 } } as unknown as ReminderView;
    const reminders = vi.fn(async () => ({ reminders: [before] }));
    const calls = api({ reminders });
    const store = createPopupStore(calls);
    await store.refresh();
    expect(store.reminders.value).toEqual({ kind: 'ready', value: [before] });
    reminders.mockImplementation(async () => ({ reminders: [after] }));
    await store.snoozeReminder('r1', 'hour');
    expect(calls.snoozeReminder).toHaveBeenCalledWith('r1', 'hour');
    expect(store.reminders.value).toEqual({ kind: 'ready', value: [after] });
  });
});
