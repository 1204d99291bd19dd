import type { CompanyRecords } from '../../db/index';
import type { CompanyCardData } from '../../messaging/protocol';
import type { Money } from '../../model/records';

/** How many of the contacts' notes the company card shows. */
export const COMPANY_NOTES_MAX = 5;

/**
 * The company card from a company's records: contacts sorted by revenue (biggest first), the
 * contacts' revenue summed per currency (never across currencies), pinned notes first, then the
 * newest. Pure, so the sums are tested without a database.
 */
export function buildCompanyCard(records: CompanyRecords, domain: string): CompanyCardData {
  const names = new Map(records.contacts.map((c) => [c.id, c.name]));
  const contacts = records.contacts
    .map((c) => ({
      customerId: c.id,
      name: c.name,
      email: c.emails[0] ?? null,
      revenue: c.stats.revenue,
      orderCount: c.stats.orderCount,
      lastOrderAt: c.stats.lastOrderAt,
      insights: c.insights,
      tierOverride: c.tierOverride,
    }))
    .sort((a, b) => mainMinor(b.revenue) - mainMinor(a.revenue) || a.name.localeCompare(b.name));
  const notes = [...records.notes]
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt)
    .slice(0, COMPANY_NOTES_MAX)
    .map((note) => ({ ...note, customerName: names.get(note.customerId) ?? '' }));
  return {
    company: records.company,
    domain,
    contacts,
    revenue: sumByCurrency(records.contacts.flatMap((c) => c.stats.revenue)),
    orderCount: records.contacts.reduce((n, c) => n + c.stats.orderCount, 0),
    notes,
    nextAction: null,
  };
}

export function sumByCurrency(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const { currency, minor } of amounts) totals.set(currency, (totals.get(currency) ?? 0) + minor);
  return [...totals]
    .map(([currency, minor]) => ({ currency, minor }))
    .sort((a, b) => b.minor - a.minor || a.currency.localeCompare(b.currency));
}

/** The largest single-currency revenue, for ordering contacts. */
function mainMinor(revenue: readonly Money[]): number {
  return revenue.reduce((max, m) => Math.max(max, m.minor), 0);
}
