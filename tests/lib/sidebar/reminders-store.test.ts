import { describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../../lib/model/records';
import { createRemindersStore, reminderTitle, type RemindersApi } from '../../../lib/sidebar/reminders-store';

const NOW = Date.UTC(2026, 10, 27, 12);

function reminder(over: Partial<Reminder> = {}): Reminder {
  return { id: 'r1', customerId: 'a', noteId: 'n1', ruleId: null, title: 'Oak table', dueAt: NOW + 3_600_000, firedAt: null, doneAt: null, createdAt: NOW, updatedAt: NOW, deletedAt: null, ...over };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function api(over: Partial<RemindersApi> = {}): RemindersApi {
  return {
    list: vi.fn(async (customerId: string) => ({ reminders: [reminder({ customerId })] })),
    set: vi.fn(async () => reminder()),
    clear: vi.fn(async () => reminder({ doneAt: NOW })),
    ...over,
  };
}

describe('createRemindersStore', () => {
  it('loads the shown customer’s reminders and drops a late reply for the one shown before', async () => {
    const slow = deferred<{ reminders: Reminder[] }>();
    const store = createRemindersStore(api({ list: vi.fn((id: string) => (id === 'a' ? slow.promise : Promise.resolve({ reminders: [reminder({ customerId: id })] }))) }));
    store.show('a');
    expect(store.state.value).toEqual({ kind: 'loading', customerId: 'a' });
    store.show('b');
    await vi.waitFor(() => expect(store.state.value.kind).toBe('ready'));
    slow.resolve({ reminders: [reminder()] });
    await Promise.resolve();
    expect(store.state.value).toMatchObject({ kind: 'ready', customerId: 'b', reminders: [{ customerId: 'b' }] });
  });

  it('shows a failure to load as an error of that customer', async () => {
    const store = createRemindersStore(api({ list: vi.fn(async () => Promise.reject(new Error('Database closed'))) }));
    store.show('a');
    await vi.waitFor(() => expect(store.state.value).toEqual({ kind: 'error', customerId: 'a', message: 'Database closed' }));
  });

  it('sets a reminder on a note or on a rule, and reloads the list on the push that follows', async () => {
    const calls = api();
    const store = createRemindersStore(calls);
    store.show('a');
    await vi.waitFor(() => expect(store.state.value.kind).toBe('ready'));
    await store.set('a', { noteId: 'n2' }, '  Wants   the oak\ntable  ', NOW + 1000);
    await store.set('a', { ruleId: 'resolve-complaint' }, 'Resolve the open complaint', NOW + 2000);
    expect(calls.set).toHaveBeenNthCalledWith(1, { customerId: 'a', noteId: 'n2', ruleId: null, title: 'Wants the oak table', dueAt: NOW + 1000 });
    expect(calls.set).toHaveBeenNthCalledWith(2, { customerId: 'a', noteId: null, ruleId: 'resolve-complaint', title: 'Resolve the open complaint', dueAt: NOW + 2000 });
    // The writes themselves fetch nothing: the background's push says whose data changed.
    expect(calls.list).toHaveBeenCalledTimes(1);
    store.changed({ type: 'data', customerIds: ['z'], all: false });
    expect(calls.list).toHaveBeenCalledTimes(1);
    store.changed({ type: 'data', customerIds: ['a'], all: false });
    await vi.waitFor(() => expect(calls.list).toHaveBeenCalledTimes(2));
    store.changed({ type: 'data', customerIds: [], all: true });
    await vi.waitFor(() => expect(calls.list).toHaveBeenCalledTimes(3));
  });

  it('rejects a failed set so the control can show why', async () => {
    const store = createRemindersStore(api({ set: vi.fn(async () => Promise.reject(new Error('This note no longer exists.'))) }));
    store.show('a');
    await expect(store.set('a', { noteId: 'gone' }, 'x', NOW)).rejects.toThrow('This note no longer exists.');
  });

  it('clears a reminder and shows the list without it', async () => {
    let open = [reminder()];
    const calls = api({
      list: vi.fn(async () => ({ reminders: open })),
      clear: vi.fn(async () => {
        open = [];
      }),
    });
    const store = createRemindersStore(calls);
    store.show('a');
    await vi.waitFor(() => expect(store.state.value).toMatchObject({ kind: 'ready', reminders: [{ id: 'r1' }] }));
    await store.clear('r1');
    expect(calls.clear).toHaveBeenCalledWith('r1');
    store.changed({ type: 'data', customerIds: ['a'], all: false });
    await vi.waitFor(() => expect(store.state.value).toEqual({ kind: 'ready', customerId: 'a', reminders: [] }));
  });

  it('cuts a long note to the 300 characters a reminder title may have', () => {
    const title = reminderTitle('a'.repeat(400));
    expect(title).toHaveLength(300);
    expect(title.endsWith('…')).toBe(true);
  });
});
