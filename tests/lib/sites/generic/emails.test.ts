import { describe, expect, it } from 'vitest';
import {
  addressesInMailto,
  addressesInText,
  cleanCandidate,
  decodeCloudflareEmail,
} from '../../../../lib/sites/generic/emails';

describe('addressesInText', () => {
  it.each([
    ['Write to Info@Nordlicht-Moebel.de today', ['info@nordlicht-moebel.de']],
    ['end of sentence: anna@example.org.', ['anna@example.org']],
    ['two: a@x.de, b@y.co.uk', ['a@x.de', 'b@y.co.uk']],
    ['@media (max-width: 600px)', []],
    ['logo@2x.png v1.2@3x user@localhost', []],
    ['no at sign at all', []],
  ])('finds the addresses in %j', (text, expected) => {
    expect(addressesInText(text)).toEqual(expected);
  });
});

describe('addressesInMailto', () => {
  it('reads the to list, cc and bcc, and decodes escapes and display names', () => {
    expect(addressesInMailto('mailto:a@x.de,b@y.de?cc=c@z.de&bcc=d@z.de&subject=Hi')).toEqual([
      'a@x.de',
      'b@y.de',
      'c@z.de',
      'd@z.de',
    ]);
    expect(addressesInMailto('MAILTO:Jonas%20Weber%20%3Cjonas.weber@kaffeerad.de%3E')).toEqual(['jonas.weber@kaffeerad.de']);
  });

  it('yields nothing for other links and broken escapes', () => {
    expect(addressesInMailto('https://x.de/a@b.de')).toEqual([]);
    expect(addressesInMailto('mailto:%E0%A4%A')).toEqual([]);
  });
});

describe('decodeCloudflareEmail', () => {
  it('decodes the XOR-keyed hex Cloudflare puts in data-cfemail', () => {
    const key = 0x42;
    const hex = [key, ...new TextEncoder().encode('presse@nordlicht-moebel.de')].map((b, i) => (i === 0 ? b : b ^ key).toString(16).padStart(2, '0')).join('');
    expect(decodeCloudflareEmail(hex)).toBe('presse@nordlicht-moebel.de');
  });

  it('returns null for malformed input', () => {
    expect(decodeCloudflareEmail('zz')).toBeNull();
    expect(decodeCloudflareEmail('42')).toBeNull();
    expect(decodeCloudflareEmail(null)).toBeNull();
  });
});

describe('cleanCandidate', () => {
  it('lower-cases and strips mailto:, brackets and trailing punctuation', () => {
    expect(cleanCandidate(' mailto:<A@B.De>; ')).toBe('a@b.de');
    expect(cleanCandidate('not an address')).toBeNull();
  });
});
