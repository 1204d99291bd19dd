import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_COLUMNS, customerRow, toCsv } from '../../../lib/export/csv';
import { detectFormat } from '../../../lib/import/formats/index';
import { suggestMapping } from '../../../lib/import/formats/generic';
import { makeCustomer } from '../db/factories';
import { importText } from '../import/helpers';

/** Values a spreadsheet would run as formulas, one per starting character the rule names. */
const FORMULAS = ['=HYPERLINK("https://evil.example","Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)'];

describe('I6 CSV export of cells starting with = + - @ tab or carriage return', () => {
  it('prefixes every such cell with an apostrophe, in every column it can reach', () => {
    const customers = FORMULAS.map((value, i) => makeCustomer({ name: value, emails: [`f${i}@example.com`], phone: value, tags: [value], family: value, interests: value }));
    const csv = toCsv([CUSTOMER_COLUMNS, ...customers.map((c) => customerRow(c, new Map()))]);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    for (const [i, row] of rows.entries()) {
      for (const column of ['Name', 'Phone', 'Tags', 'Family', 'Interests']) expect(row[CUSTOMER_COLUMNS.indexOf(column)], `${column} of row ${i + 1}`).toBe(`'${FORMULAS[i]}`);
    }
    // A cell that only starts with tab or carriage return is neutralized too.
    for (const lead of ['\t', '\r']) {
      const parsed = Papa.parse<string[]>(toCsv([['x', `${lead}=1+1`]])).data[0];
      expect(parsed?.[1]).toBe(`'${lead}=1+1`);
    }
    // No cell of the file begins with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('re-imports the exported file to the original values', async () => {
    const customers = FORMULAS.map((value, i) => makeCustomer({ name: value, emails: [`f${i}@example.com`], phone: null, tags: [] }));
    const csv = toCsv([CUSTOMER_COLUMNS, ...customers.map((c) => customerRow(c, new Map()))]);
    // Our export has no format of its own: the column-mapping step reads it.
    expect(detectFormat(CUSTOMER_COLUMNS)).toBeNull();
    const mapping = suggestMapping(CUSTOMER_COLUMNS);
    expect(mapping.fields).toMatchObject({ name: 'Name', email: 'Email' });
    const result = await importText(csv, { format: 'generic', mapping });
    expect(result.badCount).toBe(0);
    expect(result.customerDrafts.map((d) => [d.emails[0], d.name])).toEqual(customers.map((c) => [c.emails[0], c.name]));
  });
});
