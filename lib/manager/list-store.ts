import { signal } from '@preact/signals';
import type { DashboardSelection } from '../insights/dashboard/segment';
import type { CompanyListPage, CompanyListQueryInput, CompanyListRow, ListPage, ListQueryInput, ListRow } from '../messaging/protocol';

/**
 * A manager list's state on the page: the query, the total, and the rows fetched so far in
 * blocks of BLOCK. The virtual list asks for the range it shows; blocks load on demand, so
 * scrolling through 100,000 customers (or thousands of companies) fetches only what passes the
 * viewport.
 */

export const BLOCK = 200;

export type ListFilters = Required<Pick<ListQueryInput, 'search' | 'tier' | 'stage' | 'tag' | 'sort' | 'descending'>> & {
  /** Only the customers behind a part of the dashboard. */
  selection: DashboardSelection | null;
};

export const DEFAULT_FILTERS: ListFilters = { search: '', tier: null, stage: null, tag: null, sort: 'name', descending: false, selection: null };

export type CompanyFilters = Required<Pick<CompanyListQueryInput, 'search' | 'sort' | 'descending'>>;

export const DEFAULT_COMPANY_FILTERS: CompanyFilters = { search: '', sort: 'name', descending: false };

export type ListStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

type Window = { offset: number; limit: number };

/** The paging shared by both lists; `onPage` sees every page that arrives (the customer tags). */
function createPagedList<F extends object, R, P extends { total: number; rows: R[] }>(defaults: F, fetchPage: (query: F & Window) => Promise<P>, onPage: (page: P) => void = () => undefined) {
  const filters = signal<F>(defaults);
  const total = signal(0);
  const status = signal<ListStatus>({ kind: 'loading' });
  /** Bumped when blocks arrive, so the list re-renders. */
  const version = signal(0);
  let blocks = new Map<number, R[]>();
  let loading = new Set<number>();
  let generation = 0;

  async function loadBlock(block: number, gen: number) {
    if (blocks.has(block) || loading.has(block)) return;
    loading.add(block);
    try {
      const page = await fetchPage({ ...filters.value, offset: block * BLOCK, limit: BLOCK });
      if (gen !== generation) return;
      blocks.set(block, page.rows);
      total.value = page.total;
      onPage(page);
      status.value = { kind: 'ready' };
      version.value += 1;
    } catch (error) {
      if (gen === generation) status.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      loading.delete(block);
    }
  }

  /** Makes sure the rows [from, to) are loaded (or loading). */
  function want(from: number, to: number) {
    for (let b = Math.floor(from / BLOCK); b <= Math.floor(Math.max(from, to - 1) / BLOCK); b++) void loadBlock(b, generation);
  }

  function rowAt(index: number): R | null {
    return blocks.get(Math.floor(index / BLOCK))?.[index % BLOCK] ?? null;
  }

  /** Drops every block and loads the first again (filters changed, or data changed elsewhere). */
  function reload(keepRows = false) {
    generation += 1;
    if (!keepRows) status.value = { kind: 'loading' };
    const old = blocks;
    blocks = new Map();
    loading = new Set();
    if (keepRows) {
      // Keep showing the old rows until fresh ones arrive, so a change elsewhere doesn't flash.
      const gen = generation;
      for (const block of old.keys()) void loadBlock(block, gen);
      if (old.size === 0) void loadBlock(0, gen);
    } else void loadBlock(0, generation);
    version.value += 1;
  }

  function setFilters(patch: Partial<F>) {
    filters.value = { ...filters.value, ...patch };
    reload();
  }

  return { filters, total, status, version, want, rowAt, reload, setFilters };
}

export function createListStore(fetchPage: (query: ListQueryInput) => Promise<ListPage>) {
  const tags = signal<string[]>([]);
  const list = createPagedList<ListFilters, ListRow, ListPage>(DEFAULT_FILTERS, fetchPage, (page) => (tags.value = page.tags));
  return { ...list, tags };
}

export type ListStore = ReturnType<typeof createListStore>;

export function createCompanyListStore(fetchPage: (query: CompanyListQueryInput) => Promise<CompanyListPage>) {
  return createPagedList<CompanyFilters, CompanyListRow, CompanyListPage>(DEFAULT_COMPANY_FILTERS, fetchPage);
}

export type CompanyListStore = ReturnType<typeof createCompanyListStore>;
