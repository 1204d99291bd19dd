import { STAGES } from '../../lib/model/records';
import type { ListFilters, ListStatus } from '../../lib/manager/list-store';
import type { ListRow } from '../../lib/messaging/protocol';
import { countOf, formatDate, formatMoney } from '../../lib/format';
import { VirtualRowList } from './virtual-row-list';
import { ROW_HEIGHT, useVirtualRows } from './virtual-rows';

export { ROW_HEIGHT } from './virtual-rows';

export interface CustomerListProps {
  filters: ListFilters;
  tags: string[];
  total: number;
  status: ListStatus;
  /** Changes whenever rows arrive (the list reads rows through rowAt). */
  version: number;
  rowAt(index: number): ListRow | null;
  onRange(from: number, to: number): void;
  onFilters(patch: Partial<ListFilters>): void;
  onOpen(customerId: string): void;
}

const STAGE_LABELS: Record<(typeof STAGES)[number], string> = { prospect: 'Prospect', new: 'New', active: 'Active', growing: 'Growing', at_risk: 'At risk', lapsed: 'Lapsed' };

/** The customer list, virtualized: only the rows in view (plus a few) are in the DOM. */
export function CustomerList(props: CustomerListProps) {
  const { filters, total, status } = props;
  const { viewport, first, last, onScroll } = useVirtualRows(total, props.onRange);

  const cells = (row: NonNullable<ReturnType<typeof props.rowAt>>) => (
    <>
      <span class="list__cell list__cell--name" role="cell">
        <button type="button" class="link" onClick={() => props.onOpen(row.id)}>
          {row.name || row.email || 'Unnamed'}
        </button>
      </span>
      <span class="list__cell" role="cell">{row.email ?? ''}</span>
      <span class="list__cell" role="cell">{row.companyName ?? ''}</span>
      <span class="list__cell list__cell--small" role="cell">{row.tier ?? '–'}</span>
      <span class="list__cell list__cell--num" role="cell">{row.revenue ? formatMoney(row.revenue.minor, row.revenue.currency) : '–'}</span>
      <span class="list__cell list__cell--num" role="cell">{row.lastOrderAt === null ? '–' : formatDate(row.lastOrderAt)}</span>
    </>
  );

  return (
    <section class="customers" aria-label="Customers">
      {filters.selection !== null && (
        <p class="banner banner--ok narrowed" role="status">
          From the dashboard: {filters.selection.label}.{' '}
          <a href="#dashboard">Back to the dashboard</a>
          {' · '}
          <button type="button" class="link" onClick={() => props.onFilters({ selection: null })}>
            Show every customer
          </button>
        </p>
      )}
      <div class="filters">
        <input type="search" aria-label="Search customers" placeholder="Search name, email, company…" value={filters.search} onInput={(e) => props.onFilters({ search: e.currentTarget.value })} />
        <label>
          Tier{' '}
          <select value={filters.tier ?? ''} onChange={(e) => props.onFilters({ tier: (e.currentTarget.value || null) as ListFilters['tier'] })}>
            <option value="">Any</option>
            {['A', 'B', 'C', 'Prospect'].map((t) => (
              <option value={t} key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Stage{' '}
          <select value={filters.stage ?? ''} onChange={(e) => props.onFilters({ stage: (e.currentTarget.value || null) as ListFilters['stage'] })}>
            <option value="">Any</option>
            {STAGES.map((s) => (
              <option value={s} key={s}>{STAGE_LABELS[s]}</option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select value={filters.tag ?? ''} onChange={(e) => props.onFilters({ tag: e.currentTarget.value || null })}>
            <option value="">Any</option>
            {props.tags.map((t) => (
              <option value={t} key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Sort{' '}
          <select
            value={`${filters.sort}:${filters.descending ? 'desc' : 'asc'}`}
            onChange={(e) => {
              const [sort, direction] = e.currentTarget.value.split(':');
              props.onFilters({ sort: sort as ListFilters['sort'], descending: direction === 'desc' });
            }}
          >
            <option value="name:asc">Name</option>
            <option value="revenue:desc">Revenue, highest first</option>
            <option value="lastOrder:desc">Last order, newest first</option>
            <option value="lastOrder:asc">Last order, oldest first</option>
          </select>
        </label>
        <span class="filters__count" role="status" aria-live="polite">
          {status.kind === 'ready' ? countOf(total, 'customer', 'customers') : ''}
        </span>
      </div>
      {status.kind === 'error' && (
        <p class="banner banner--error" role="alert">
          The list could not be loaded: {status.message}
        </p>
      )}
      {status.kind === 'loading' && <p role="status">Loading customers…</p>}
      {status.kind === 'ready' && total === 0 && <p class="empty">No customers match. {filters.search || filters.tier || filters.stage || filters.tag ? 'Try other filters.' : 'Import some to begin.'}</p>}
      <div class="list" role="table" aria-label="Customer list" aria-rowcount={total + 1}>
        <div class="list__head" role="row" aria-rowindex={1}>
          {['Name', 'Email', 'Company', 'Tier', 'Revenue', 'Last order'].map((h) => (
            <span class="list__cell" role="columnheader" key={h}>{h}</span>
          ))}
        </div>
        <div class="list__viewport" ref={viewport} onScroll={onScroll}>
          <div class="list__spacer" style={{ height: `${total * ROW_HEIGHT}px` }} role="rowgroup">
            <VirtualRowList first={first} last={last} rowAt={props.rowAt} cells={cells} />
          </div>
        </div>
      </div>
    </section>
  );
}
