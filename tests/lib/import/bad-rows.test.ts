import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/export/csv';
import { badRowsCsv } from '../../../lib/import/runner';

describe('badRowsCsv', () => {
  it('writes the rows left out with their reason, cells that look like formulas made text', () => {
    const csv = badRowsCsv([{ row: 7, reason: 'No email', values: ['=HYPERLINK("http://x.test","click")', 'Ann'] }], toCsv);
    expect(csv.split('\r\n')[0]).toBe('Row,Reason,Cells');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
