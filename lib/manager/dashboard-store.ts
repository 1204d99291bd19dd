import { signal } from '@preact/signals';
import { toCsv } from '../export/csv';
import type { DashboardData } from '../insights/dashboard/dashboard';
import { DEFAULT_FILTERS, type DashboardFilters } from '../insights/dashboard/filters';
import { tableRows, type Table } from '../insights/dashboard/tables';
import { dateStamp, saveBlob } from './download';

/**
 * The dashboard's state on the manager page: the filters, the figures for them (computed by
 * the background), and the CSV of a chart's numbers. It reloads when shown after the data
 * changed; the manager shows it again after each change while it is the open section.
 */

export type DashboardState = { kind: 'loading' } | { kind: 'ready'; data: DashboardData; refreshing: boolean } | { kind: 'error'; message: string };

export function createDashboardStore(fetchData: (filters: DashboardFilters) => Promise<DashboardData>, now: () => number = Date.now) {
  const filters = signal<DashboardFilters>(DEFAULT_FILTERS);
  const state = signal<DashboardState>({ kind: 'loading' });
  let generation = 0;
  let stale = true;

  async function load() {
    const gen = ++generation;
    stale = false;
    const current = state.value;
    state.value = current.kind === 'ready' ? { ...current, refreshing: true } : { kind: 'loading' };
    try {
      const data = await fetchData(filters.value);
      if (gen === generation) state.value = { kind: 'ready', data, refreshing: false };
    } catch (error) {
      if (gen === generation) state.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    filters,
    state,
    load,
    /** The section was opened: fetch if anything changed since it was last shown. */
    show() {
      if (stale || state.value.kind !== 'ready') void load();
    },
    setFilters(patch: Partial<DashboardFilters>) {
      filters.value = { ...filters.value, ...patch };
      void load();
    },
    /** The book changed: the figures are fetched again the next time the section is shown (./manager-store.ts shows it again after the new status). */
    onDataChanged() {
      stale = true;
    },
    /** One chart's numbers as a CSV file. */
    downloadCsv(table: Table, currency: string | null) {
      const csv = '\uFEFF' + toCsv(tableRows(table, currency));
      saveBlob(new Blob([csv], { type: 'text/csv' }), `dashboard-${table.id}-${dateStamp(now())}.csv`);
    },
  };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
