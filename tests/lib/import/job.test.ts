import { describe, expect, it } from 'vitest';
import { previewCsv } from '../../../lib/import/csv-stream';
import { BATCH_SIZE, MAX_IN_FLIGHT, runCsvImport } from '../../../lib/import/job';
import { sniffBytes } from '../../../lib/import/sniff';
import { blobOf, csvWith, importText } from './helpers';

const HEADERS = ['Customer ID', 'First Name', 'Last Name', 'Email', 'Company', 'Phone', 'Total Spent', 'Total Orders', 'Tags', 'Note'];

function customersCsv(count: number, start = 0): string {
  return csvWith(
    HEADERS,
    Array.from({ length: count }, (_, i) => ({ 'Customer ID': String(1000 + start + i), 'First Name': `First${start + i}`, 'Last Name': 'Müller', Email: `c${start + i}@example.com` })),
  );
}

async function sniff(data: Uint8Array | string) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return sniffBytes(bytes, bytes.length);
}

describe('runCsvImport', () => {
  it('streams many rows in batches of at most BATCH_SIZE drafts', async () => {
    const result = await importText(customersCsv(12_000), { format: 'shopify-customers' });
    expect(result.rows).toBe(12_000);
    expect(result.customerDrafts).toHaveLength(12_000);
    expect(result.batches).toBe(Math.ceil(12_000 / BATCH_SIZE));
    expect(result.customerDrafts[11_999]?.name).toBe('First11999 Müller');
  });

  it('delivers at most MAX_IN_FLIGHT batches at once, each batch once, and finishes only when all are delivered', async () => {
    let open = 0;
    let most = 0;
    const seqs: number[] = [];
    const outcome = await runCsvImport(blobOf(customersCsv(33_000)), { format: 'shopify-customers', mapping: null, options: { currency: 'EUR' }, encoding: 'utf-8' }, {
      async deliver(batch) {
        open += 1;
        most = Math.max(most, open);
        // Later batches finish first: staging must not depend on the order deliveries end in.
        await new Promise((resolve) => setTimeout(resolve, batch.seq % 2 === 0 ? 20 : 1));
        seqs.push(batch.seq);
        open -= 1;
      },
    });
    expect(most).toBe(MAX_IN_FLIGHT);
    expect(open).toBe(0);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: Math.ceil(33_000 / BATCH_SIZE) }, (_, i) => i));
    expect(outcome.customers).toBe(33_000);
  });

  it('stops with the first failed delivery', async () => {
    const attempt = runCsvImport(blobOf(customersCsv(33_000)), { format: 'shopify-customers', mapping: null, options: { currency: 'EUR' }, encoding: 'utf-8' }, {
      async deliver(batch) {
        if (batch.seq === 2) throw new Error('storage full');
      },
    });
    await expect(attempt).rejects.toThrow('storage full');
  });

  it('keeps a character whole when it straddles two read chunks', async () => {
    // Names full of multi-byte characters over more than one 64 KB read.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ 'First Name': 'Jörg€😀', 'Last Name': `Ölçü${i}`, Email: `j${i}@example.com` }));
    const result = await importText(csvWith(HEADERS, rows), { format: 'shopify-customers' });
    expect(result.customerDrafts.every((c) => c.name.startsWith('Jörg€😀 Ölçü'))).toBe(true);
  });

  it('strips a BOM and reads CRLF line ends', async () => {
    const text = '\uFEFF' + customersCsv(3).replace(/\n/g, '\r\n');
    const result = await importText(text, { format: 'shopify-customers' });
    expect(result.customerDrafts.map((c) => c.emails[0])).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);
  });

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    const text = `${HEADERS.join(',')}\n1,Jörg,Müller,j@example.com,,,,,,\n`;
    const bytes = Uint8Array.from([...text].map((ch) => ({ ö: 0xf6, ü: 0xfc })[ch] ?? ch.charCodeAt(0)));
    const sniffed = await sniff(bytes);
    expect(sniffed).toEqual({ ok: true, encoding: 'windows-1252' });
    const result = await importText(bytes, { format: 'shopify-customers', encoding: 'windows-1252' });
    expect(result.customerDrafts[0]?.name).toBe('Jörg Müller');
  });

  it('lists a row with unbalanced quotes as bad, with its row number and reason', async () => {
    const text = `${HEADERS.join(',')}\n1,Ann,A,a@example.com,,,,,,\n2,"Bob,B,b@example.com,,,,,,\n`;
    const result = await importText(text, { format: 'shopify-customers' });
    expect(result.customerDrafts.map((c) => c.emails[0])).toEqual(['a@example.com']);
    expect(result.bad).toEqual([expect.objectContaining({ row: 3, reason: expect.stringMatching(/unbalanced quotes/) })]);
  });

  it('lists ragged rows with extra data as bad but accepts short rows and trailing empty cells', async () => {
    const header = HEADERS.join(',');
    const text = `${header}\n1,Ann,A,a@example.com\n2,Bob,B,b@example.com,,,,,,,\n3,Cy,C,c@example.com,,,,,,,surprise\n`;
    const result = await importText(text, { format: 'shopify-customers' });
    expect(result.customerDrafts.map((c) => c.emails[0])).toEqual(['a@example.com', 'b@example.com']);
    expect(result.bad).toEqual([expect.objectContaining({ row: 4, reason: expect.stringMatching(/11 cells but the header has 10/) })]);
  });

  it('lists invalid emails with the row number and keeps the good rows', async () => {
    const text = csvWith(HEADERS, [{ Email: 'ok@example.com' }, { Email: 'not-an-address' }, { Email: 'ok2@example.com' }]);
    const result = await importText(text, { format: 'shopify-customers' });
    expect(result.customerDrafts).toHaveLength(2);
    expect(result.bad).toEqual([expect.objectContaining({ row: 3, reason: '“not-an-address” is not an email address.' })]);
  });

  it('refuses a file whose columns are not the chosen format', async () => {
    await expect(importText('a;b;c\n1;2;3\n', { format: 'shopify-customers' })).rejects.toThrow(/does not have the columns of a Shopify customers export/);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    const { runCsvImport } = await import('../../../lib/import/job');
    await expect(
      runCsvImport(blobOf(customersCsv(10)), { format: 'shopify-customers', mapping: null, options: { currency: 'EUR' }, encoding: 'utf-8' }, { deliver: async () => undefined, signal: controller.signal }),
    ).rejects.toThrow(/Cancelled/);
  });
});

describe('sniffBytes', () => {
  it('calls an empty file empty', async () => {
    expect(sniffBytes(new Uint8Array(), 0)).toEqual({ ok: false, reason: 'The file is empty.' });
  });

  it('refuses binary files named .csv', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect((await sniff(zip)).ok).toBe(false);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await sniff(png)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a text file/) });
  });

  it('accepts UTF-8 cut in the middle of a character', () => {
    const bytes = new TextEncoder().encode('Name\nJörg €');
    expect(sniffBytes(bytes.subarray(0, bytes.length - 1), bytes.length)).toEqual({ ok: true, encoding: 'utf-8' });
  });
});

describe('previewCsv', () => {
  it('shows the header and first rows', async () => {
    const preview = await previewCsv(blobOf(customersCsv(30)), 'utf-8', 5);
    expect(preview.headers).toEqual(HEADERS);
    expect(preview.rows).toHaveLength(5);
    expect(preview.problems).toEqual([]);
  });

  it('says so when a file has one column (wrong delimiter or not a CSV)', async () => {
    const preview = await previewCsv(blobOf('Name Email\nAnn a@example.com\n'), 'utf-8');
    expect(preview.problems[0]).toMatch(/Only one column was found/);
  });

  it('detects semicolon-separated files', async () => {
    const preview = await previewCsv(blobOf('Name;E-Mail-Adresse\nRobin;robin@example.de\n'), 'utf-8');
    expect(preview.headers).toEqual(['Name', 'E-Mail-Adresse']);
    expect(preview.delimiter).toBe(';');
  });
});
