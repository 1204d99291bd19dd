import { describe, expect, it } from 'vitest';
import { BusinessSettingsSchema } from '../../../lib/insights/settings';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';

describe('BusinessSettingsSchema', () => {
  it('accepts the defaults', () => {
    expect(BusinessSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    { name: 'an unknown time zone', change: { businessHours: { ...DEFAULT_SETTINGS.businessHours, timeZone: 'Mars/Olympus' } } },
    { name: 'closing before opening', change: { businessHours: { ...DEFAULT_SETTINGS.businessHours, days: { ...DEFAULT_SETTINGS.businessHours.days, 1: [17 * 60, 9 * 60] } } } },
    { name: 'A above B', change: { tierThresholds: { a: 0.9, b: 0.8 } } },
    { name: 'a zero cadence', change: { cadenceDays: { ...DEFAULT_SETTINGS.cadenceDays, A: 0 } } },
    { name: 'a lower-case currency', change: { currency: 'eur' } },
  ])('refuses $name', ({ change }) => {
    expect(BusinessSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...change }).success).toBe(false);
  });
});
