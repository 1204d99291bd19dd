import type { ComponentChildren } from 'preact';
import type { Cell, Table } from '../../../lib/insights/dashboard/tables';
import type { DashboardFilters } from '../../../lib/insights/dashboard/filters';
import type { Status } from '../../../lib/insights/dashboard/status';
import { selectionHref } from '../../../lib/manager/route';
import { countOf, formatMoney, formatPercent } from '../../../lib/format';

export const percent = (share: number | null, digits = 0) => formatPercent(share, digits);
export const count = (n: number) => n.toLocaleString();
/** "1 customer", "1,204 customers". */
export const customers = (n: number) => countOf(n, 'customer', 'customers');

export function cellText(cell: Cell, currency: string | null): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'count':
      return count(cell.value);
    case 'share':
      return percent(cell.value, 1);
    case 'money':
      return currency === null ? '—' : formatMoney(cell.value, currency);
  }
}

export interface ChartFrameProps {
  id: string;
  title: string;
  /** The chart's point in words: its text alternative, above the numbers. */
  summary: ComponentChildren;
  status: Status;
  table: Table;
  filters: DashboardFilters;
  currency: string | null;
  onCsv(table: Table): void;
  /** The numbers are the chart itself: shown, not behind a disclosure. */
  numbersShown?: boolean;
  children?: ComponentChildren;
}

/**
 * A dashboard part: heading, the chart (or what it needs instead), a summary in words, and its
 * numbers as a table whose rows open the customers behind them, with the CSV of those numbers.
 */
export function ChartFrame(props: ChartFrameProps) {
  const headingId = `${props.id}-title`;
  return (
    <section class="chart" aria-labelledby={headingId} data-part={props.id}>
      <div class="chart__head">
        <h3 id={headingId}>{props.title}</h3>
        <button type="button" class="secondary chart__csv" onClick={() => props.onCsv(props.table)} aria-label={`Download the numbers of “${props.title}” as CSV`}>
          CSV
        </button>
      </div>
      {props.status.kind === 'needs' ? (
        <p class="chart__needs" role="note">
          {props.status.message}
        </p>
      ) : null}
      <p class="chart__summary">{props.summary}</p>
      {props.children}
      {props.numbersShown && <NumbersTable table={props.table} filters={props.filters} currency={props.currency} />}
      {!props.numbersShown && props.table.rows.length > 0 && (
        <details class="chart__numbers">
          <summary>The numbers</summary>
          <NumbersTable table={props.table} filters={props.filters} currency={props.currency} />
        </details>
      )}
    </section>
  );
}

export function NumbersTable({ table, filters, currency }: { table: Table; filters: DashboardFilters; currency: string | null }) {
  return (
    <div class="chart__table">
      <table>
        <caption class="visually-hidden">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.cells.map((cell, j) =>
                j === 0 ? (
                  <th scope="row" key={j}>
                    {row.link ? <a href={selectionHref({ filters, segment: row.link.segment, label: row.link.label })}>{cellText(cell, currency)}</a> : cellText(cell, currency)}
                  </th>
                ) : (
                  <td key={j} class={cell.kind === 'text' ? undefined : 'num'}>
                    {cellText(cell, currency)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
