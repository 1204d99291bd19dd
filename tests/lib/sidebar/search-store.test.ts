import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerChoice } from '../../../lib/messaging/protocol';
import { createCustomerSearch, SEARCH_DEBOUNCE_MS } from '../../../lib/sidebar/search-store';

const choice = (name: string): CustomerChoice => ({ customerId: name, name, email: null, companyId: null, companyName: null });

describe('createCustomerSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once after typing pauses, with the last text', async () => {
    const search = vi.fn(async (query: string) => [choice(query)]);
    const store = createCustomerSearch({ search });
    store.setQuery('m');
    store.setQuery('ma');
    store.setQuery(' mar ');
    expect(store.state.value).toEqual({ kind: 'loading', query: 'mar' });
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search).toHaveBeenCalledWith('mar');
    expect(store.state.value).toEqual({ kind: 'results', query: 'mar', results: [choice('mar')] });
  });

  it('never shows a slow answer for an older query over the newer one', async () => {
    let releaseOld!: (list: CustomerChoice[]) => void;
    const search = vi
      .fn<(query: string) => Promise<CustomerChoice[]>>()
      .mockImplementationOnce(() => new Promise((resolve) => (releaseOld = resolve)))
      .mockImplementationOnce(async () => [choice('maria')]);
    const store = createCustomerSearch({ search });
    store.setQuery('ma');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    store.setQuery('maria');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    releaseOld([choice('old')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.state.value).toEqual({ kind: 'results', query: 'maria', results: [choice('maria')] });
  });

  it('goes idle for an empty box without asking, and reports a failure', async () => {
    const search = vi.fn(async () => {
      throw new Error('The extension did not answer.');
    });
    const store = createCustomerSearch({ search });
    store.setQuery('   ');
    expect(store.state.value).toEqual({ kind: 'idle' });
    store.setQuery('x');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.state.value).toEqual({ kind: 'error', query: 'x', message: 'The extension did not answer.' });
    store.clear();
    expect(store.state.value).toEqual({ kind: 'idle' });
  });
});
