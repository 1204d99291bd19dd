import { normalizeEmail } from '../email/normalize';

/**
 * Cell-level parsing shared by every import format. Each returns null for "empty" and throws
 * `CellError` for a value that is present but unusable, so the row can be reported with a reason.
 */

export class CellError extends Error {
  override readonly name = 'CellError';
}

/** Trims, and drops the `'` spreadsheets and Shopify put before ids, phones and zips. */
export function cell(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return text.startsWith("'") ? text.slice(1).trim() : text;
}

/** `7.02255E+12`: a spreadsheet rounded a long number; the digits are gone for good. */
export function isScientific(text: string): boolean {
  return /^\d(\.\d+)?E\+\d+$/i.test(text);
}

const currencyDigits = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 code from Intl (JPY 0, EUR 2, BHD 3), cached. */
export function minorDigits(currency: string): number {
  let digits = currencyDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new CellError(`“${currency}” is not a currency code.`);
    }
    currencyDigits.set(currency, digits);
  }
  return digits;
}

const SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', CHF: 'CHF' };

/** A currency named by a symbol or code inside a formatted amount (`€12.00`, `12,00 EUR`). */
export function currencyIn(text: string): string | null {
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  if (code) return code;
  for (const [symbol, iso] of Object.entries(SYMBOLS)) if (text.includes(symbol)) return iso;
  return null;
}

/**
 * An amount in minor units. Accepts `1299.00`, `1,299.00`, `1.299,00`, `€12`, `(5.00)`, `-5`.
 * The last of `.`/`,` is the decimal mark when followed by 1–3 digits at the end, as both
 * English and German spreadsheets write them.
 */
export function parseAmount(raw: string, currency: string): number | null {
  const text = cell(raw);
  if (text === '') return null;
  const negative = /^\(.*\)$/.test(text) || /^-|-$|^[^\d]*-/.test(text);
  const digits = text.replace(/[^\d.,]/g, '');
  if (!/\d/.test(digits)) throw new CellError(`“${text}” is not an amount.`);
  const lastMark = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  let whole = digits;
  let fraction = '';
  if (lastMark >= 0 && /^\d{1,3}$/.test(digits.slice(lastMark + 1)) && !isThousandsOnly(digits, lastMark)) {
    whole = digits.slice(0, lastMark);
    fraction = digits.slice(lastMark + 1);
  }
  whole = whole.replace(/[.,]/g, '');
  const places = minorDigits(currency);
  const value = Number(`${whole || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) throw new CellError(`“${text}” is not an amount.`);
  const minor = Math.round(value * 10 ** places);
  if (!Number.isSafeInteger(minor)) throw new CellError(`“${text}” is too large.`);
  return negative ? -minor : minor;
}

/** `1,299` (one mark, three digits after it, no other mark) is a thousands separator. */
function isThousandsOnly(digits: string, lastMark: number): boolean {
  const marks = digits.replace(/\d/g, '');
  return marks.length === 1 && digits.length - lastMark - 1 === 3 && digits[lastMark] === ',';
}

/**
 * A point in time from an export: ISO (`2025-12-06T10:37:33Z`), Shopify's
 * `2025-12-06 10:37:33 -0500`, WooCommerce's `2018-02-20 14:03:22` (site-local: read as this
 * browser's local time) or a bare date.
 */
export function parseTime(raw: string): number | null {
  const text = cell(raw);
  if (text === '') return null;
  const shopify = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  let ms: number;
  if (shopify) {
    const zone = shopify[3] === undefined ? '' : shopify[3] === 'Z' ? 'Z' : `${shopify[3].slice(0, 3)}:${shopify[3].slice(-2)}`;
    ms = Date.parse(`${shopify[1]}T${shopify[2]}${zone}`);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ms = Date.parse(`${text}T00:00:00`);
  } else {
    ms = Date.parse(text);
  }
  if (!Number.isFinite(ms) || ms < 0) throw new CellError(`“${text}” is not a date.`);
  return ms;
}

/** A birthday as the model stores it (`1984-03-09` or `03-09`); Google writes `--03-09`. */
export function parseBirthday(raw: string): string | null {
  const text = cell(raw);
  if (text === '') return null;
  const iso = /^(\d{4}|-)-?(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [, year, month, day] = iso;
    return year === '-' ? `${month}-${day}` : `${year}-${month}-${day}`;
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}`;
  return null;
}

/** Every plausible address in a cell (Google joins several with ` ::: `), normalized. */
export function parseEmails(raw: string): string[] {
  const found: string[] = [];
  for (const part of cell(raw).split(/\s*(?::::|;|,)\s*/)) {
    if (part === '') continue;
    const email = normalizeEmail(part);
    if (email === null) throw new CellError(`“${part.slice(0, 80)}” is not an email address.`);
    if (!found.includes(email)) found.push(email);
  }
  return found;
}

/** A phone number, or null when empty or rounded by a spreadsheet (`9.19961E+11`). */
export function parsePhone(raw: string): string | null {
  const text = cell(raw);
  if (text === '' || isScientific(text)) return null;
  return text.slice(0, 50);
}

/** Tags from a comma list (Shopify) or Google's ` ::: ` labels; system labels dropped. */
export function parseTags(raw: string): string[] {
  const tags: string[] = [];
  for (const part of cell(raw).split(/\s*(?::::|,)\s*/)) {
    const tag = part.replace(/^\*\s*/, '').trim().slice(0, 60);
    if (tag === '' || tag === 'myContacts' || tag === 'starred' || tags.includes(tag)) continue;
    tags.push(tag);
    if (tags.length === 50) break;
  }
  return tags;
}

export function joinName(...parts: string[]): string {
  return parts
    .map((p) => cell(p))
    .filter((p) => p !== '')
    .join(' ')
    .slice(0, 200);
}
