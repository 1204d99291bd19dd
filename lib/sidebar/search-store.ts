import { signal, type Signal } from '@preact/signals';
import type { CustomerChoice } from '../messaging/protocol';

/**
 * The sidebar's customer search: what it falls back to when a page yields nobody (or the user
 * wants someone the page does not show). Typing is debounced; only the newest query's answer is
 * shown, so a slow answer for "ma" never replaces the one for "maria".
 */

export interface CustomerSearchApi {
  /** Customers whose name, address or company contains the query. */
  search(query: string): Promise<CustomerChoice[]>;
}

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'loading'; query: string }
  | { kind: 'results'; query: string; results: CustomerChoice[] }
  | { kind: 'error'; query: string; message: string };

/** Quiet time after the last keystroke before the background is asked. */
export const SEARCH_DEBOUNCE_MS = 150;

export function createCustomerSearch(api: CustomerSearchApi, debounceMs = SEARCH_DEBOUNCE_MS) {
  const state: Signal<SearchState> = signal({ kind: 'idle' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  async function run(query: string, gen: number) {
    try {
      const results = await api.search(query);
      if (gen === generation) state.value = { kind: 'results', query, results };
    } catch (error) {
      if (gen === generation) state.value = { kind: 'error', query, message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    state,
    /** The text in the box changed. */
    setQuery(raw: string) {
      const query = raw.trim();
      const gen = ++generation;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (query === '') {
        state.value = { kind: 'idle' };
        return;
      }
      state.value = { kind: 'loading', query };
      timer = setTimeout(() => {
        timer = null;
        void run(query, gen);
      }, debounceMs);
    },
    clear() {
      generation += 1;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      state.value = { kind: 'idle' };
    },
  };
}

export type CustomerSearchStore = ReturnType<typeof createCustomerSearch>;
