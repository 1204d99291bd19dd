import type { Customer, Money } from '../model/records';
import type { CrmDatabase } from './schema';
import { DerivedCache } from './derived-cache';

/**
 * The manager's customer list at 100,000 rows. The background keeps a compact in-memory entry
 * per live customer (what search, filters and sorts need, nothing more), built on the first
 * request and dropped whenever the customers or companies tables change, so each query is a
 * scan over small objects instead of a database read. Pages ask for windows of rows.
 */

export const LIST_SORTS = ['name', 'revenue', 'lastOrder'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface ListQuery {
  search: string;
  tier: string | null;
  stage: string | null;
  tag: string | null;
  sort: ListSort;
  descending: boolean;
  /** When given, only these customers (a part of the dashboard, resolved by the background). */
  only?: ReadonlySet<string> | null;
  offset: number;
  limit: number;
}

export interface ListRow {
  id: string;
  name: string;
  email: string | null;
  companyName: string | null;
  tags: string[];
  tier: string | null;
  stage: string | null;
  revenue: Money | null;
  orderCount: number;
  lastOrderAt: number | null;
}

export interface ListPage {
  total: number;
  offset: number;
  rows: ListRow[];
  /** Every tag in use, most used first, for the tag filter. */
  tags: string[];
}

interface Entry {
  row: ListRow;
  /** Lower-cased name, addresses and company, for substring search. */
  haystack: string;
  nameKey: string;
  revenueMinor: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function toListRow(customer: Customer, companyName: string | null): ListRow {
  const main = customer.stats.revenue.find((m) => m.currency === customer.stats.currency) ?? customer.stats.revenue[0] ?? null;
  return {
    id: customer.id,
    name: customer.name,
    email: customer.emails[0] ?? null,
    companyName,
    tags: customer.tags,
    tier: customer.tierOverride ?? customer.insights?.tier ?? null,
    stage: customer.insights?.stage ?? null,
    revenue: main,
    orderCount: customer.stats.orderCount,
    lastOrderAt: customer.stats.lastOrderAt,
  };
}

export class CustomerIndex {
  private readonly entries: DerivedCache<Entry[]>;
  private tagList: string[] = [];
  constructor(private readonly db: CrmDatabase) {
    this.entries = new DerivedCache(db, ['customers', 'companies'], () => this.build());
  }

  invalidate(): void {
    this.entries.invalidate();
  }

  /** All live entries (built once per change), for duplicates and exports. */
  async all(): Promise<ListRow[]> {
    return (await this.load()).map((e) => e.row);
  }

  async query(q: ListQuery): Promise<ListPage> {
    const entries = await this.load();
    const needle = q.search.trim().toLowerCase();
    const matches = entries.filter(
      (e) =>
        (!q.only || q.only.has(e.row.id)) &&
        (needle === '' || e.haystack.includes(needle)) &&
        (q.tier === null || e.row.tier === q.tier) &&
        (q.stage === null || e.row.stage === q.stage) &&
        (q.tag === null || e.row.tags.includes(q.tag)),
    );
    const direction = q.descending ? -1 : 1;
    const compare: Record<ListSort, (a: Entry, b: Entry) => number> = {
      name: (a, b) => collator.compare(a.nameKey, b.nameKey),
      revenue: (a, b) => a.revenueMinor - b.revenueMinor,
      lastOrder: (a, b) => (a.row.lastOrderAt ?? -1) - (b.row.lastOrderAt ?? -1),
    };
    matches.sort((a, b) => direction * compare[q.sort](a, b) || collator.compare(a.nameKey, b.nameKey) || a.row.id.localeCompare(b.row.id));
    return { total: matches.length, offset: q.offset, rows: matches.slice(q.offset, q.offset + q.limit).map((e) => e.row), tags: this.tagList };
  }

  private load(): Promise<Entry[]> {
    return this.entries.get();
  }

  private async build(): Promise<Entry[]> {
    const [customers, companies] = await this.db.transaction('r', [this.db.customers, this.db.companies], () =>
      Promise.all([this.db.customers.toArray(), this.db.companies.toArray()]),
    );
    const companyNames = new Map(companies.filter((c) => c.deletedAt === null).map((c) => [c.id, c.name]));
    const tagCounts = new Map<string, number>();
    const entries: Entry[] = [];
    for (const customer of customers) {
      if (customer.deletedAt !== null) continue;
      const companyName = customer.companyId === null ? null : (companyNames.get(customer.companyId) ?? null);
      const row = toListRow(customer, companyName);
      for (const tag of row.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      entries.push({
        row,
        haystack: [customer.name, ...customer.emails, companyName ?? '', customer.phone ?? ''].join('\n').toLowerCase(),
        nameKey: customer.name || (customer.emails[0] ?? ''),
        revenueMinor: row.revenue?.minor ?? 0,
      });
    }
    this.tagList = [...tagCounts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).slice(0, 500).map(([tag]) => tag);
    return entries;
  }
}
