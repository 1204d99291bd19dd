import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../../lib/settings/schema';
import { loadSettings, ownAddresses, saveSettings, type SettingsArea } from '../../../lib/settings/store';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    async get(key) {
      return key in items ? { [key]: items[key] } : {};
    },
    async set(next) {
      Object.assign(items, next);
    },
  };
}

describe('parseSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields and defaults only the broken one', () => {
    const stored = { ...DEFAULT_SETTINGS, currency: 'euro', cadenceDays: { A: 14, B: 45, C: 90, Prospect: 21 } };
    expect(parseSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, cadenceDays: { A: 14, B: 45, C: 90, Prospect: 21 } });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus', days: DEFAULT_SETTINGS.businessHours.days }],
    ['closing before opening', { ...DEFAULT_SETTINGS.businessHours, days: { ...DEFAULT_SETTINGS.businessHours.days, 1: [600, 540] } }],
  ])('refuses business hours with %s', (_label, businessHours) => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, businessHours }).businessHours).toEqual(DEFAULT_SETTINGS.businessHours);
  });
});

describe('settings store', () => {
  it('normalizes and de-duplicates own addresses when saving', async () => {
    const area = memoryArea();
    const saved = await saveSettings(area, { ...DEFAULT_SETTINGS, ownAddresses: [' Owner@Example-Shop.com', 'owner@example-shop.com', 'team@example-shop.com'] });
    expect(saved.ownAddresses).toEqual(['owner@example-shop.com', 'team@example-shop.com']);
    expect([...(await ownAddresses(area))]).toEqual(['owner@example-shop.com', 'team@example-shop.com']);
  });

  it('refuses an own address that is not an address and stores nothing', async () => {
    const area = memoryArea();
    await expect(saveSettings(area, { ...DEFAULT_SETTINGS, ownAddresses: ['not an address'] })).rejects.toThrow('not an email address');
    expect(area.items[SETTINGS_KEY]).toBeUndefined();
  });

  it('reads back what was saved', async () => {
    const area = memoryArea();
    const next: Settings = { ...DEFAULT_SETTINGS, currency: 'USD', businessHours: { ...DEFAULT_SETTINGS.businessHours, timeZone: 'America/New_York' } };
    await saveSettings(area, next);
    expect(await loadSettings(area)).toEqual(next);
  });
});
