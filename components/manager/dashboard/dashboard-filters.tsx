import type { DashboardData } from '../../../lib/insights/dashboard/dashboard';
import { PERIOD_LABELS, PERIODS, type DashboardFilters } from '../../../lib/insights/dashboard/filters';
import { formatMoney } from '../../../lib/format';

const TIERS = ['A', 'B', 'C', 'Prospect'] as const;

/** Period, tier, tag and currency, and the one-click printed report. */
export function DashboardFilterBar(props: { filters: DashboardFilters; data: DashboardData | null; onFilters(patch: Partial<DashboardFilters>): void; onPrint(): void }) {
  const { filters, data } = props;
  const currencies = data?.currencies ?? [];
  const tags = data?.tags ?? [];
  const shown = data?.currency ?? null;
  return (
    <form class="filters dashboard__filters" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Period{' '}
        <select value={filters.period} onChange={(e) => props.onFilters({ period: e.currentTarget.value as DashboardFilters['period'] })}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tier{' '}
        <select value={filters.tier ?? ''} onChange={(e) => props.onFilters({ tier: (e.currentTarget.value || null) as DashboardFilters['tier'] })}>
          <option value="">Any</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {t === 'Prospect' ? 'Prospects' : t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag{' '}
        <select value={filters.tag ?? ''} onChange={(e) => props.onFilters({ tag: e.currentTarget.value || null })}>
          <option value="">Any</option>
          {filters.tag !== null && !tags.includes(filters.tag) && <option value={filters.tag}>{filters.tag}</option>}
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Currency{' '}
        <select value={filters.currency ?? ''} onChange={(e) => props.onFilters({ currency: e.currentTarget.value || null })}>
          <option value="">{shown === null || filters.currency !== null ? 'Main' : `Main (${shown})`}</option>
          {currencies.map((c) => (
            <option key={c.currency} value={c.currency}>
              {c.currency} · {formatMoney(c.minor, c.currency)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="secondary dashboard__print" onClick={props.onPrint}>
        Print report
      </button>
    </form>
  );
}
