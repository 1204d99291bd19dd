import type { CompanyFilters, ListStatus } from '../../lib/manager/list-store';
import type { CompanyListRow } from '../../lib/messaging/protocol';
import { countOf, formatDate, formatMoney } from '../format';
import { VirtualRowList } from './virtual-row-list';
import { ROW_HEIGHT, useVirtualRows } from './virtual-rows';

export interface CompanyListProps {
  filters: CompanyFilters;
  total: number;
  status: ListStatus;
  /** Changes whenever rows arrive (the list reads rows through rowAt). */
  version: number;
  rowAt(index: number): CompanyListRow | null;
  onRange(from: number, to: number): void;
  onFilters(patch: Partial<CompanyFilters>): void;
  onOpen(companyId: string): void;
  onNew(): void;
}

type Sort = CompanyFilters['sort'];

const COLUMNS: readonly { label: string; sort: Sort | null; numeric?: true }[] = [
  { label: 'Company', sort: 'name' },
  { label: 'Domains', sort: null },
  { label: 'Contacts', sort: 'contacts', numeric: true },
  { label: 'Revenue', sort: 'revenue', numeric: true },
  { label: 'Last order', sort: 'lastOrder', numeric: true },
];

/** Amounts in several currencies side by side; they are never converted into one. */
export function formatRevenue(revenue: CompanyListRow['revenue']): string {
  return revenue.length === 0 ? '–' : revenue.map((m) => formatMoney(m.minor, m.currency)).join(' + ');
}

/**
 * Every company, virtualized like the customer list. Column headers sort: names A to Z first,
 * figures largest or newest first, a second click turns the order round.
 */
export function CompanyList(props: CompanyListProps) {
  const { filters, total, status } = props;
  const { viewport, first, last, onScroll } = useVirtualRows(total, props.onRange);

  function sortBy(sort: Sort) {
    if (sort === filters.sort) props.onFilters({ descending: !filters.descending });
    else props.onFilters({ sort, descending: sort !== 'name' });
  }

  const cells = (row: NonNullable<ReturnType<typeof props.rowAt>>) => (
    <>
      <span class="list__cell list__cell--name" role="cell">
        <button type="button" class="link" onClick={() => props.onOpen(row.id)}>
          {row.name || row.domains[0] || 'Unnamed company'}
        </button>
      </span>
      <span class="list__cell" role="cell" title={row.domains.join(', ')}>{row.domains.join(', ')}</span>
      <span class="list__cell list__cell--num" role="cell">{row.contactCount.toLocaleString()}</span>
      <span class="list__cell list__cell--num" role="cell" title={formatRevenue(row.revenue)}>{formatRevenue(row.revenue)}</span>
      <span class="list__cell list__cell--num" role="cell">{row.lastOrderAt === null ? '–' : formatDate(row.lastOrderAt)}</span>
    </>
  );

  const searching = filters.search.trim() !== '';
  return (
    <section class="customers" aria-label="Companies">
      <div class="filters">
        <input type="search" aria-label="Search companies" placeholder="Search company name or domain…" value={filters.search} onInput={(e) => props.onFilters({ search: e.currentTarget.value })} />
        <button type="button" onClick={props.onNew}>New company</button>
        <span class="filters__count" role="status" aria-live="polite">
          {status.kind === 'ready' ? countOf(total, 'company', 'companies') : ''}
        </span>
      </div>
      {status.kind === 'error' && (
        <p class="banner banner--error" role="alert">
          The list could not be loaded: {status.message}
        </p>
      )}
      {status.kind === 'loading' && <p role="status">Loading companies…</p>}
      {status.kind === 'ready' && total === 0 && (
        <p class="empty">{searching ? 'No company’s name or domain matches. Try a shorter search.' : 'No companies yet. They come with your customers’ company names, or add one with New company.'}</p>
      )}
      <div class="list list--companies" role="table" aria-label="Company list" aria-rowcount={total + 1}>
        <div class="list__head" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => {
            const active = c.sort !== null && c.sort === filters.sort;
            const cls = `list__cell${c.numeric ? ' list__cell--num' : ''}`;
            if (c.sort === null)
              return <span class={cls} role="columnheader" key={c.label}>{c.label}</span>;
            const sort = c.sort;
            return (
              <span class={cls} role="columnheader" key={c.label} aria-sort={active ? (filters.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" class="list__sort" onClick={() => sortBy(sort)}>
                  {c.label}
                  {active && <span aria-hidden="true">{filters.descending ? ' ↓' : ' ↑'}</span>}
                </button>
              </span>
            );
          })}
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
