import type { Money } from '../model/records';
import type { CrmDatabase } from './schema';
import { DerivedCache } from './derived-cache';

/**
 * The manager's company list, served like the customer list (./customer-list.ts): a compact
 * in-memory entry per live company with what search and sorts need (name, domains, live
 * contacts, their revenue per currency, the last order), built on the first request and dropped
 * whenever the customers or companies tables change. Pages ask for windows of rows.
 */

export const COMPANY_SORTS = ['name', 'revenue', 'lastOrder', 'contacts'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export interface CompanyListQuery {
  search: string;
  sort: CompanySort;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface CompanyListRow {
  id: string;
  name: string;
  domains: string[];
  contactCount: number;
  /** The contacts' revenue added up per currency, largest first; never converted. */
  revenue: Money[];
  lastOrderAt: number | null;
}

export interface CompanyListPage {
  total: number;
  offset: number;
  rows: CompanyListRow[];
}

interface Entry {
  row: CompanyListRow;
  /** Folded name and domains, for substring search. */
  haystack: string;
  /** The amount in the company's largest currency: what "revenue" sorts by, as for customers. */
  revenueMinor: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Lower case without accents, so “muller” finds “Müller & Söhne”. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What the owner typed, as a needle: a pasted address (https://www.acme.de/shop) means its host. */
function needleOf(search: string): string {
  const folded = foldForSearch(search.trim());
  const url = /^https?:\/\/(?:www\.)?([^/?#]*)/.exec(folded);
  return url ? (url[1] ?? '') : folded.replace(/^www\./, '');
}

export class CompanyIndex {
  private readonly entries: DerivedCache<Entry[]>;
  constructor(private readonly db: CrmDatabase) {
    this.entries = new DerivedCache(db, ['customers', 'companies'], () => this.build());
  }

  invalidate(): void {
    this.entries.invalidate();
  }

  async query(q: CompanyListQuery): Promise<CompanyListPage> {
    const entries = await this.load();
    const needle = needleOf(q.search);
    const matches = needle === '' ? entries.slice() : entries.filter((e) => e.haystack.includes(needle));
    const direction = q.descending ? -1 : 1;
    const compare: Record<CompanySort, (a: Entry, b: Entry) => number> = {
      name: (a, b) => collator.compare(a.row.name, b.row.name),
      revenue: (a, b) => a.revenueMinor - b.revenueMinor,
      lastOrder: (a, b) => (a.row.lastOrderAt ?? -1) - (b.row.lastOrderAt ?? -1),
      contacts: (a, b) => a.row.contactCount - b.row.contactCount,
    };
    matches.sort((a, b) => direction * compare[q.sort](a, b) || collator.compare(a.row.name, b.row.name) || a.row.id.localeCompare(b.row.id));
    return { total: matches.length, offset: q.offset, rows: matches.slice(q.offset, q.offset + q.limit).map((e) => e.row) };
  }

  private load(): Promise<Entry[]> {
    return this.entries.get();
  }

  private async build(): Promise<Entry[]> {
    const [companies, customers] = await this.db.transaction('r', [this.db.customers, this.db.companies], () =>
      Promise.all([this.db.companies.toArray(), this.db.customers.toArray()]),
    );
    const totals = new Map<string, { contacts: number; revenue: Map<string, number>; lastOrderAt: number | null }>();
    for (const company of companies) if (company.deletedAt === null) totals.set(company.id, { contacts: 0, revenue: new Map(), lastOrderAt: null });
    for (const customer of customers) {
      if (customer.deletedAt !== null || customer.companyId === null) continue;
      const total = totals.get(customer.companyId);
      if (!total) continue;
      total.contacts += 1;
      for (const money of customer.stats.revenue) total.revenue.set(money.currency, (total.revenue.get(money.currency) ?? 0) + money.minor);
      const last = customer.stats.lastOrderAt;
      if (last !== null && (total.lastOrderAt === null || last > total.lastOrderAt)) total.lastOrderAt = last;
    }
    const entries: Entry[] = [];
    for (const company of companies) {
      const total = totals.get(company.id);
      if (company.deletedAt !== null || !total) continue;
      const revenue = [...total.revenue]
        .map(([currency, minor]) => ({ currency, minor }))
        .sort((a, b) => b.minor - a.minor || a.currency.localeCompare(b.currency));
      entries.push({
        row: { id: company.id, name: company.name, domains: company.domains, contactCount: total.contacts, revenue, lastOrderAt: total.lastOrderAt },
        haystack: foldForSearch([company.name, ...company.domains].join('\n')),
        revenueMinor: revenue[0]?.minor ?? 0,
      });
    }
    return entries;
  }
}
