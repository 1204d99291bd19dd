import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CUSTOMER_COLUMNS, customerRow, neutralize, toCsv } from '../../../lib/export/csv';
import { toVcard } from '../../../lib/export/vcard';
import { parseVcards } from '../../../lib/import/vcard';
import { makeCustomer } from '../db/factories';

describe('CSV export', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tx'])('neutralizes the formula %j', (cell) => {
    expect(neutralize(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone and quotes commas, quotes and newlines', () => {
    const csv = toCsv([['Name', 'Note'], ['Jensen, Maria', 'Said "hi"\nthen left']]);
    expect(Papa.parse<string[]>(csv).data[1]).toEqual(['Jensen, Maria', 'Said "hi"\nthen left']);
  });

  it('writes a customer with their figures and neutralized name', () => {
    const row = customerRow(makeCustomer({ name: '=cmd()', emails: ['a@example.com'], stats: { orderCount: 2, revenue: [{ currency: 'EUR', minor: 12345 }], currency: 'EUR', averageOrderMinor: 6172, firstOrderAt: 0, lastOrderAt: 0, lastTouchAt: 0 } }), new Map());
    const parsed = Papa.parse<string[]>(toCsv([row])).data[0];
    expect(parsed?.[0]).toBe("'=cmd()");
    expect(parsed?.[CUSTOMER_COLUMNS.indexOf('Revenue')]).toBe('123.45');
  });

  it('writes consent as the columns a Shopify export names, do-not-contact with its date and reason', () => {
    const customer = makeCustomer({ consent: { doNotContact: { since: Date.UTC(2026, 2, 4), reason: 'Asked to stop' }, marketing: { email: 'no', sms: 'yes', whatsapp: 'unknown' }, marketingUpdatedAt: 1 } });
    const cell = (column: string) => customerRow(customer, new Map())[CUSTOMER_COLUMNS.indexOf(column)];
    expect(cell('Do not contact since')).toBe('2026-03-04T00:00:00.000Z');
    expect(cell('Do not contact reason')).toBe('Asked to stop');
    expect(cell('Accepts Email Marketing')).toBe('no');
    expect(cell('Accepts SMS Marketing')).toBe('yes');
    expect(cell('Accepts WhatsApp Marketing')).toBe('unknown');
    expect(customerRow(customer, new Map())).toHaveLength(CUSTOMER_COLUMNS.length);
  });
});

describe('vCard export', () => {
  it('round-trips through the vCard importer', () => {
    const customer = makeCustomer({ name: 'Maria Jensen', emails: ['maria@nordlicht-moebel.de', 'm@gmx.de'], phone: '+49 40 1', birthday: '03-09', tags: ['wholesale, north'] });
    const { customers, bad } = parseVcards(toVcard(customer, { id: 'co', name: 'Nordlicht; Möbel', domains: [], createdAt: 0, updatedAt: 0, deletedAt: null }));
    expect(bad).toEqual([]);
    expect(customers[0]).toMatchObject({ name: 'Maria Jensen', emails: ['maria@nordlicht-moebel.de', 'm@gmx.de'], phone: '+49 40 1', birthday: '03-09', companyName: 'Nordlicht; Möbel' });
  });

  it('escapes a lone carriage return, so a name cannot add properties or cards', () => {
    const card = toVcard(makeCustomer({ name: 'Bob\rEMAIL:x@evil.example\rEND:VCARD', emails: ['bob@example.com'] }), null);
    expect(card).not.toMatch(/\r(?!\n)/);
    expect(card.split(/\r\n/).filter((line) => line.startsWith('EMAIL')).length).toBe(1);
    expect(card.split(/\r\n/).filter((line) => line === 'END:VCARD').length).toBe(1);
  });
});
