import ICAL from 'ical.js';
import { customerKeyFor, type BadRow, type CustomerDraft } from './drafts';

import { CellError, parseBirthday, parseEmails, parsePhone, parseTags } from './values';

/**
 * vCard files (.vcf) from phones, Apple Contacts, Outlook and Google. ical.js parses vCard 3.0
 * and 4.0 (RFC 6350); vCard 2.1, still what Outlook and many phones write, is first brought to
 * 3.0 syntax here: bare parameters (`EMAIL;INTERNET:`) get `TYPE=`, and quoted-printable values
 * are decoded. Each card is parsed on its own, so one broken card is reported, not fatal.
 */

export interface VcardResult {
  customers: CustomerDraft[];
  bad: BadRow[];
}

export function parseVcards(text: string): VcardResult {
  const result: VcardResult = { customers: [], bad: [] };
  const cards = splitCards(text);
  if (cards.length === 0) {
    result.bad.push({ row: 1, reason: 'No vCard found (no BEGIN:VCARD line).', values: [] });
    return result;
  }
  const seen = new Set<string>();
  cards.forEach((card, i) => {
    const row = i + 1;
    try {
      const draft = toDraft(new ICAL.Component(ICAL.parse(toV3(card.lines)) as unknown[]));
      const key = customerKeyFor(draft);
      if (key === null) throw new CellError(`${draft.name || 'This contact'} has no email address.`);
      if (seen.has(key)) return;
      seen.add(key);
      result.customers.push({ ...draft, key });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.bad.push({ row, reason: `Contact ${row} (line ${card.line}): ${reason}`.slice(0, 500), values: [card.lines.slice(0, 5).join(' | ').slice(0, 300)] });
    }
  });
  return result;
}

interface RawCard {
  line: number;
  lines: string[];
}

function splitCards(text: string): RawCard[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cards: RawCard[] = [];
  let current: RawCard | null = null;
  lines.forEach((line, i) => {
    if (/^BEGIN:VCARD\s*$/i.test(line)) current = { line: i + 1, lines: [] };
    if (current !== null) current.lines.push(line);
    if (/^END:VCARD\s*$/i.test(line) && current !== null) {
      cards.push(current);
      current = null;
    }
  });
  return cards;
}

/** Unfolds lines, decodes quoted-printable and names bare 2.1 parameters. */
function toV3(lines: readonly string[]): string {
  const logical: string[] = [];
  for (const line of lines) {
    const previous = logical[logical.length - 1];
    if (previous !== undefined && /^[ \t]/.test(line)) logical[logical.length - 1] = previous + line.slice(1);
    else if (previous !== undefined && /QUOTED-PRINTABLE/i.test(previous.split(':')[0] ?? '') && previous.endsWith('=')) {
      logical[logical.length - 1] = previous.slice(0, -1) + line;
    } else logical.push(line);
  }
  return logical
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon < 0) return line;
      let head = line.slice(0, colon);
      let value = line.slice(colon + 1);
      if (/;(ENCODING=)?QUOTED-PRINTABLE/i.test(head)) {
        value = decodeQuotedPrintable(value, /CHARSET=([\w-]+)/i.exec(head)?.[1] ?? 'utf-8');
        head = head.replace(/;(ENCODING=)?QUOTED-PRINTABLE/i, '').replace(/;CHARSET=[\w-]+/i, '');
        value = value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,');
      }
      head = head.replace(/;CHARSET=[\w-]+/i, '');
      const [name = '', ...params] = head.split(';');
      const named = params.map((p) => (p.includes('=') ? p : `TYPE=${p}`));
      return [name, ...named].join(';') + ':' + value;
    })
    .join('\r\n');
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder().decode(new Uint8Array(bytes));
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(' ');
  return value === null || value === undefined ? '' : String(value);
}

function toDraft(card: ICAL.Component): Omit<CustomerDraft, 'key'> {
  const emails = [...new Set(card.getAllProperties('email').flatMap((p) => parseEmails(text(p.getFirstValue()))))].slice(0, 50);
  const structured = card.getFirstProperty('n')?.getFirstValue();
  const fromN = Array.isArray(structured) ? [structured[1], structured[2], structured[0]].map(text).filter(Boolean).join(' ') : '';
  const name = (text(card.getFirstPropertyValue('fn')).trim() || fromN).slice(0, 200);
  const org = card.getFirstProperty('org')?.getFirstValue();
  const phone = card.getAllProperties('tel').map((p) => parsePhone(text(p.getFirstValue()).replace(/^tel:/i, ''))).find((p) => p !== null) ?? null;
  const bday = text(card.getFirstPropertyValue('bday')).replace(/^--(\d{2})-?(\d{2})$/, '--$1-$2');
  const note = text(card.getFirstPropertyValue('note')).trim().slice(0, 10_000);
  return {
    emails,
    name,
    phone,
    companyName: (Array.isArray(org) ? text(org[0]) : text(org)).trim().slice(0, 200) || null,
    tags: parseTags(card.getAllProperties('categories').flatMap((p) => p.getValues().map(text)).join(',')),
    birthday: parseBirthday(bday.slice(0, 10)),
    note: note || null,
    source: 'vcard',
    externalId: null,
  };
}
