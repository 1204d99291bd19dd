import type { ComponentChildren } from 'preact';
import type { Customer, Money } from '../../lib/model/records';
import { formatDate, formatMoney, formatRelativeDays, isoDate } from '../format';

export interface KeyFiguresProps {
  customer: Customer;
  now: number;
  locale?: string;
}

/** The main currency first (the stats name it), then the others by amount. */
function splitRevenue(revenue: Money[], main: string | null): { main: Money | null; others: Money[] } {
  const sorted = [...revenue].sort((a, b) => b.minor - a.minor);
  const first = sorted.find((m) => m.currency === main) ?? sorted[0] ?? null;
  return { main: first, others: sorted.filter((m) => m !== first) };
}

function Figure({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="figure">
      <dt class="figure__label">{label}</dt>
      <dd class="figure__value">{children}</dd>
    </div>
  );
}

/** Figures come from the cached stats, not from `orders`, which a card may cut short. */
export function KeyFigures({ customer, now, locale }: KeyFiguresProps) {
  const { stats } = customer;
  const revenue = splitRevenue(stats.revenue, stats.currency);
  const since = stats.firstOrderAt ?? customer.createdAt;
  return (
    <dl class="figures" aria-label="Key figures">
      <Figure label="Lifetime revenue">
        {revenue.main ? formatMoney(revenue.main.minor, revenue.main.currency, locale) : '—'}
        {revenue.others.length > 0 && (
          <span class="figure__sub">
            + other currencies:{' '}
            {revenue.others.map((m) => formatMoney(m.minor, m.currency, locale)).join(' · ')}
          </span>
        )}
      </Figure>
      <Figure label="Orders">{String(stats.orderCount)}</Figure>
      <Figure label="Last order">
        {stats.lastOrderAt !== null ? (
          <>
          <time dateTime={isoDate(stats.lastOrderAt)} title={formatDate(stats.lastOrderAt, locale)}>
            {formatRelativeDays(stats.lastOrderAt, now, locale)}
          </time>
          <span class="figure__sub">{formatDate(stats.lastOrderAt, locale)}</span>
          </>
        ) : (
          <span class="muted">No orders yet</span>
        )}
      </Figure>
      <Figure label="Average order">
        {stats.averageOrderMinor !== null && stats.currency
          ? formatMoney(stats.averageOrderMinor, stats.currency, locale)
          : '—'}
      </Figure>
      <Figure label="Customer since">
        <time dateTime={isoDate(since)}>{formatDate(since, locale)}</time>
      </Figure>
    </dl>
  );
}
