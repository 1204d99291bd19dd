import Papa from 'papaparse';
import type { Company, Customer, Order } from '../model/records';

/**
 * CSV exports of customers and orders. A cell that starts with = + - @ (or a tab / carriage
 * return) is a formula to Excel, LibreOffice and Google Sheets, which would run it on open
 * (OWASP "CSV injection"), so it is prefixed with `'`, which spreadsheets show as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows.map((r) => r.map(neutralize)), { newline: '\r\n' });
}

const minorDigits = new Map<string, number>();
/** An amount in minor units as a decimal in major units, with the currency's digits (JPY 0, EUR 2, BHD 3). */
export function amount(minor: number, currency: string): string {
  let digits = minorDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    minorDigits.set(currency, digits);
  }
  return (minor / 10 ** digits).toFixed(digits);
}

const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

export const CUSTOMER_COLUMNS = ['Name', 'Email', 'Other emails', 'Phone', 'Company', 'Tags', 'Birthday', 'Preferred channel', 'Difficult', 'Family', 'Interests', 'Do not contact since', 'Do not contact reason', 'Accepts Email Marketing', 'Accepts SMS Marketing', 'Accepts WhatsApp Marketing', 'Tier', 'Stage', 'Orders', 'Revenue', 'Currency', 'First order', 'Last order', 'Created'];

export function customerRow(c: Customer, companies: ReadonlyMap<string, Company>): string[] {
  const main = c.stats.revenue.find((m) => m.currency === c.stats.currency);
  return [
    c.name,
    c.emails[0] ?? '',
    c.emails.slice(1).join(' '),
    c.phone ?? '',
    c.companyId === null ? '' : (companies.get(c.companyId)?.name ?? ''),
    c.tags.join(', '),
    c.birthday ?? '',
    c.preferredChannel ?? '',
    c.difficult ? 'yes' : '',
    c.family,
    c.interests,
    iso(c.consent.doNotContact?.since ?? null),
    c.consent.doNotContact?.reason ?? '',
    c.consent.marketing.email,
    c.consent.marketing.sms,
    c.consent.marketing.whatsapp,
    c.tierOverride ?? c.insights?.tier ?? '',
    c.insights?.stage ?? '',
    String(c.stats.orderCount),
    main ? amount(main.minor, main.currency) : '',
    main?.currency ?? '',
    iso(c.stats.firstOrderAt),
    iso(c.stats.lastOrderAt),
    iso(c.createdAt),
  ];
}

export const CAMPAIGN_COLUMNS = ['Name', 'Email', 'Last order', 'Lifetime revenue', 'Currency'];

/** A row of the win-back campaign list (customers long gone after a single order). */
export function campaignRow(entry: { name: string; email: string | null; lastOrderAt: number; lifetimeMinor: number; currency: string | null }): string[] {
  return [entry.name, entry.email ?? '', iso(entry.lastOrderAt), entry.currency ? amount(entry.lifetimeMinor, entry.currency) : '', entry.currency ?? ''];
}

export const ORDER_COLUMNS = ['Order', 'Date', 'Customer', 'Email', 'Total', 'Currency', 'Status', 'Source', 'External id'];

export function orderRow(o: Order, customers: ReadonlyMap<string, Pick<Customer, 'name' | 'emails'>>): string[] {
  const customer = customers.get(o.customerId);
  return [o.number ?? '', iso(o.orderedAt), customer?.name ?? '', customer?.emails[0] ?? '', amount(o.total.minor, o.total.currency), o.total.currency, o.status ?? '', o.source ?? '', o.externalId ?? ''];
}
