import { describe, expect, it } from 'vitest';
import { previewCsv } from '../../../lib/import/csv-stream';
import { suggestMapping } from '../../../lib/import/formats/generic';
import { sniffBytes } from '../../../lib/import/sniff';
import { blobOf, importText } from './helpers';

/** Text as UTF-16 with its byte-order mark, as Excel's "Unicode Text" and some exports save it. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    bytes.set(order === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * A file as the manager imports an unknown one: sniffed, previewed, mapped by its headers, then
 * read whole. Every step either answers or refuses with a message; nothing throws past it.
 */
async function importFile(bytes: Uint8Array<ArrayBuffer>) {
  const sniffed = sniffBytes(bytes.subarray(0, 64 * 1024), bytes.length);
  if (!sniffed.ok) return { refused: sniffed.reason };
  const preview = await previewCsv(blobOf(bytes), sniffed.encoding);
  const mapping = suggestMapping(preview.headers);
  const result = await importText(bytes, { format: 'generic', mapping, encoding: sniffed.encoding });
  return {
    encoding: sniffed.encoding,
    headers: preview.headers,
    drafts: result.customerDrafts.map((d) => ({ name: d.name, email: d.emails[0], note: d.note })),
    bad: result.bad.map((b) => ({ row: b.row, reason: b.reason })),
  };
}

const ANN = { name: 'Ann Öström', email: 'ann@example.com', note: null };
const BOB = { name: 'Bob', email: 'bob@example.com', note: null };

describe('I1 malformed CSV corpus', () => {
  it.each([
    ['UTF-16 LE with BOM', utf16('Name,Email\r\nAnn Öström,ann@example.com\r\nBob,bob@example.com\r\n', 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('Name,Email\nAnn Öström,ann@example.com\nBob,bob@example.com\n', 'be'), 'utf-16be'],
    ['UTF-8 with BOM', utf8('\uFEFFName,Email\nAnn Öström,ann@example.com\nBob,bob@example.com\n'), 'utf-8'],
    ['Windows-1252', Uint8Array.from([...'Name,Email\nAnn Öström,ann@example.com\nBob,bob@example.com\n'].map((ch) => (ch === 'Ö' ? 0xd6 : ch === 'ö' ? 0xf6 : ch.charCodeAt(0)))), 'windows-1252'],
  ] as const)('reads %s', async (_label, bytes, encoding) => {
    expect(await importFile(bytes)).toMatchObject({ encoding, headers: ['Name', 'Email'], drafts: [ANN, BOB], bad: [] });
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
    ['pipes', '|'],
  ])('reads a one-row file separated by %s as the preview shows it', async (_label, sep) => {
    const result = await importFile(utf8(`Name${sep}Email\nAnn Öström${sep}ann@example.com\n`));
    expect(result).toMatchObject({ headers: ['Name', 'Email'], drafts: [ANN], bad: [] });
  });

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('reads %s line ends', async (_label, eol) => {
    expect(await importFile(utf8(['Name,Email', 'Ann Öström,ann@example.com', 'Bob,bob@example.com', ''].join(eol)))).toMatchObject({ drafts: [ANN, BOB], bad: [] });
  });

  it('keeps newlines inside quoted cells and counts rows by record, not by line', async () => {
    const result = await importFile(utf8('Name,Email,Note\n"Ann\nÖström",ann@example.com,"first line\r\nsecond line"\nBob,not-an-address,\n'));
    expect(result).toMatchObject({ drafts: [{ name: 'Ann\nÖström', email: 'ann@example.com', note: 'first line\r\nsecond line' }], bad: [{ row: 3 }] });
  });

  it('takes the first of duplicate headers and ignores empty ones', async () => {
    const result = await importFile(utf8('Email,Email,,Name,\nann@example.com,other@example.com,x,Ann Öström,y\n'));
    expect(result).toMatchObject({ headers: ['Email', 'Email', '', 'Name', ''], drafts: [ANN], bad: [] });
  });

  it('reports ragged rows and unbalanced quotes with their row numbers and keeps the good rows', async () => {
    const result = await importFile(utf8('Name,Email\nAnn Öström,ann@example.com\nBob,bob@example.com,extra\n"Cy,cy@example.com\n'));
    expect(result).toMatchObject({ drafts: [ANN], bad: [{ row: 3, reason: expect.stringMatching(/3 cells but the header has 2/) }, { row: 4, reason: expect.stringMatching(/unbalanced quotes/) }] });
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a spreadsheet renamed .csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), /not a text file/],
    ['a PNG renamed .csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not a text file/],
  ])('refuses %s with a message', async (_label, bytes, reason) => {
    expect(await importFile(bytes as Uint8Array<ArrayBuffer>)).toEqual({ refused: expect.stringMatching(reason) });
  });
});
