import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../../lib/import/vcard';

describe('parseVcards', () => {
  it('reads vCard 2.1 with bare parameters and quoted-printable values', () => {
    const text = ['BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg', 'FN;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg M=C3=BCller', 'EMAIL;INTERNET;PREF:joerg@example.de', 'TEL;CELL:+49 170 1', 'END:VCARD'].join('\r\n');
    const { customers, bad } = parseVcards(text);
    expect(bad).toEqual([]);
    expect(customers).toEqual([expect.objectContaining({ name: 'Jörg Müller', emails: ['joerg@example.de'], phone: '+49 170 1', source: 'vcard' })]);
  });

  it('reports a card without an address and keeps the others', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:No Mail\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEMAIL:ann@example.com\nEND:VCARD\n';
    const { customers, bad } = parseVcards(text);
    expect(customers.map((c) => c.name)).toEqual(['Ann']);
    expect(bad).toEqual([expect.objectContaining({ row: 1, reason: expect.stringMatching(/No Mail has no email address/) })]);
  });

  it('says so when there is no vCard in the file', () => {
    expect(parseVcards('hello').bad[0]?.reason).toMatch(/No vCard found/);
  });
});
