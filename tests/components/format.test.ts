import { describe, expect, it } from 'vitest';
import { countOf, formatDate, formatMoney, formatRelativeDays, formatSize } from '../../components/format';

describe('formatMoney', () => {
  it('reads EUR minor units as cents', () => {
    expect(formatMoney(12000, 'EUR', 'en-US')).toBe('€120.00');
    expect(formatMoney(-1999, 'EUR', 'de-DE')).toBe('-19,99\u00a0€');
  });

  it('reads JPY minor units as whole yen (no minor digits)', () => {
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
  });

  it('reads BHD minor units as thousandths', () => {
    expect(formatMoney(1234, 'BHD', 'en-US')).toBe('BHD\u00a01.234');
  });

  it('formats several currencies each with its own digits', () => {
    const shown = [
      formatMoney(12000, 'EUR', 'en-US'),
      formatMoney(5000, 'USD', 'en-US'),
      formatMoney(5000, 'JPY', 'en-US'),
    ];
    expect(shown).toEqual(['€120.00', '$50.00', '¥5,000']);
  });

  it('shows the raw figure rather than throwing on a malformed currency', () => {
    expect(formatMoney(100, 'EURO', 'en-US')).toBe('100 EURO');
  });
});

describe('formatDate', () => {
  it('shows a medium calendar date', () => {
    expect(formatDate(new Date(2026, 2, 4, 15, 0).getTime(), 'en-US')).toBe('Mar 4, 2026');
  });
});

describe('formatRelativeDays', () => {
  const now = new Date(2026, 10, 27, 0, 10).getTime();

  it('counts calendar days, not 24 hour blocks', () => {
    expect(formatRelativeDays(new Date(2026, 10, 26, 23, 50).getTime(), now, 'en-US')).toBe('yesterday');
    expect(formatRelativeDays(new Date(2026, 10, 27, 0, 1).getTime(), now, 'en-US')).toBe('today');
  });

  it('says "23 days ago" for 23 days', () => {
    expect(formatRelativeDays(new Date(2026, 10, 4, 12).getTime(), now, 'en-US')).toBe('23 days ago');
  });

  it('switches to months and years for old dates', () => {
    expect(formatRelativeDays(new Date(2026, 4, 27).getTime(), now, 'en-US')).toBe('6 months ago');
    expect(formatRelativeDays(new Date(2023, 10, 27).getTime(), now, 'en-US')).toBe('3 years ago');
  });

  it('handles a date in the future', () => {
    expect(formatRelativeDays(new Date(2026, 10, 30).getTime(), now, 'en-US')).toBe('in 3 days');
  });
});

describe('countOf and formatSize', () => {
  it('puts the noun in the number the locale says and groups the digits', () => {
    expect(countOf(1, 'customer', 'customers', 'en-US')).toBe('1 customer');
    expect(countOf(0, 'customer', 'customers', 'en-US')).toBe('0 customers');
    expect(countOf(1204, 'customer', 'customers', 'en-US')).toBe('1,204 customers');
    expect(countOf(1204, 'Kunde', 'Kunden', 'de-DE')).toBe('1.204 Kunden');
  });

  it('writes sizes in the unit that keeps them readable', () => {
    expect(formatSize(512, 'en-US')).toBe('512 byte');
    expect(formatSize(1.2 * 1024 * 1024, 'en-US')).toBe('1.2 MB');
    expect(formatSize(80348 * 1024 * 1024, 'en-US')).toBe('78 GB');
  });
});
