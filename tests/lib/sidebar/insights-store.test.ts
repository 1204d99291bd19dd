import { describe, expect, it, vi } from 'vitest';
import type { InsightCard } from '../../../lib/messaging/protocol';
import { createInsightsStore, type InsightsApi } from '../../../lib/sidebar/insights-store';

const card = (customerId: string, title = 'Keep in touch') =>
  ({ customerId, suggestions: [{ title }] }) as unknown as InsightCard;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function api(over: Partial<InsightsApi> = {}): InsightsApi {
  return {
    card: vi.fn(async (id: string) => card(id)),
    done: vi.fn(async (id: string) => card(id, 'Next one')),
    snooze: vi.fn(async (id: string) => card(id)),
    dismiss: vi.fn(async (id: string) => card(id)),
    undo: vi.fn(async (id: string) => card(id)),
    ...over,
  };
}

describe('createInsightsStore', () => {
  it('loads the shown customer and drops a late reply for the one shown before', async () => {
    const slow = deferred<InsightCard>();
    const store = createInsightsStore(api({ card: vi.fn((id: string) => (id === 'a' ? slow.promise : Promise.resolve(card(id)))) }));
    store.show('a');
    expect(store.state.value).toEqual({ kind: 'loading', customerId: 'a' });
    store.show('b');
    await vi.waitFor(() => expect(store.state.value.kind).toBe('ready'));
    slow.resolve(card('a'));
    await Promise.resolve();
    expect(store.state.value).toMatchObject({ kind: 'ready', customerId: 'b' });
  });

  it('keeps the card on screen while a refresh loads, and shows errors', async () => {
    const calls = { n: 0 };
    const store = createInsightsStore(api({ card: vi.fn(async (id: string) => (++calls.n === 1 ? card(id) : Promise.reject(new Error('Gone')))) }));
    store.show('a');
    await vi.waitFor(() => expect(store.state.value.kind).toBe('ready'));
    store.refresh();
    expect(store.state.value.kind).toBe('ready');
    await vi.waitFor(() => expect(store.state.value).toEqual({ kind: 'error', customerId: 'a', message: 'Gone' }));
  });

  it('applies the card an action replies with', async () => {
    const store = createInsightsStore(api());
    store.show('a');
    await vi.waitFor(() => expect(store.state.value.kind).toBe('ready'));
    await store.done('a', 'keep-in-touch');
    expect(store.state.value).toMatchObject({ kind: 'ready', card: { suggestions: [{ title: 'Next one' }] } });
  });
});
