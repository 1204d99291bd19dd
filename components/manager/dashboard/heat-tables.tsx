import type { DashboardData } from '../../../lib/insights/dashboard/dashboard';
import { RETENTION_MARKS, RFM_BANDS } from '../../../lib/insights/dashboard/segment';
import { BAND_NAMES, groupName } from '../../../lib/insights/dashboard/tables';
import { formatMoney } from '../../../lib/format';
import { count, customers, percent } from './chart-frame';
import { linker } from './plots';

/**
 * The RFM grid and the cohorts as tables coloured by value: a table is the chart here, so a
 * screen reader reads it as one, and every cell is a link to its customers.
 */

const heat = (value: number) => ({ '--heat': String(Math.max(0, Math.min(1, value))) });

export function RfmGrid({ data }: { data: DashboardData }) {
  const link = linker(data);
  const currency = data.currency;
  const most = Math.max(1, ...data.rfm.cells.map((c) => c.customers));
  return (
    <table class="heat heat--rfm">
      <caption>Recency (rows, R5 most recent) against frequency and spend (columns); each cell: its group, customers and {currency ?? 'revenue'} revenue</caption>
      <thead>
        <tr>
          <th scope="col">Recency</th>
          {RFM_BANDS.map((band) => (
            <th scope="col" key={band}>
              {BAND_NAMES[band].replace(/^./, (c) => c.toUpperCase())}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[5, 4, 3, 2, 1].map((r) => (
          <tr key={r}>
            <th scope="row">R{r}</th>
            {RFM_BANDS.map((band) => {
              const cell = data.rfm.cells.find((c) => c.r === r && c.band === band);
              if (!cell) return <td key={band} />;
              const name = cell.group === null ? '—' : groupName(cell.group);
              const label = `RFM R${r}, ${BAND_NAMES[band]}${cell.group ? ` (${name})` : ''}`;
              return (
                <td key={band} style={heat(cell.customers / most)}>
                  {cell.customers > 0 ? (
                    // The link's words are what it shows; the row and column headers say which cell it is.
                    <a href={link({ part: 'rfm', r, band }, label)}>
                      <span class="heat__name">{name}</span> <span>{customers(cell.customers)}</span>{' '}
                      {currency !== null && <span class="heat__money">{formatMoney(cell.revenueMinor, currency)}</span>}
                    </a>
                  ) : (
                    <span class="heat__faint">—</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CohortTable({ data }: { data: DashboardData }) {
  const link = linker(data);
  const rows = data.cohorts.rows.filter((r) => r.customers > 0).reverse();
  return (
    <div class="heat__scroll">
      <table class="heat heat--cohorts">
        <caption>Customers by the month of their first order, and the share who bought again that many months later or after (blank: not yet known)</caption>
        <thead>
          <tr>
            <th scope="col">First order</th>
            <th scope="col">Customers</th>
            {RETENTION_MARKS.map((m) => (
              <th scope="col" key={m}>
                After {m} mo.
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month}>
              <th scope="row">{row.month}</th>
              <td class="num">
                <a href={link({ part: 'cohort', month: row.month, after: 0 }, `First order in ${row.month}`)}>{count(row.customers)}</a>
              </td>
              {RETENTION_MARKS.map((m) => {
                const kept = row.after[m];
                if (!kept) return <td key={m} class="num heat__faint" aria-label="not yet known" />;
                const label = `First order in ${row.month}, still buying after ${m} month${m === 1 ? '' : 's'}`;
                return (
                  <td key={m} class="num" style={heat(kept.share)}>
                    <a href={link({ part: 'cohort', month: row.month, after: m }, label)} aria-label={`${label}: ${percent(kept.share)}, ${customers(kept.customers)}`}>
                      {percent(kept.share)}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All cohorts</th>
            <td class="num">{count(rows.reduce((s, r) => s + r.customers, 0))}</td>
            {RETENTION_MARKS.map((m) => (
              <td key={m} class="num">
                {percent(data.cohorts.average[m])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
