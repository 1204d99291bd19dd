import { normalizeEmail } from '../email/normalize';
import { parseSettings, Settings, SETTINGS_KEY } from './schema';

/** Where settings live: the background's preferences (lib/background/prefs.ts). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/**
 * Validates and stores settings. Own addresses are normalized (the form takes them as typed)
 * and de-duplicated; one that is not an address is refused rather than silently dropped.
 */
export async function saveSettings(area: SettingsArea, input: Settings): Promise<Settings> {
  const ownAddresses: string[] = [];
  for (const raw of input.ownAddresses) {
    const email = normalizeEmail(raw);
    if (email === null) throw new InvalidSettingsError(`“${raw}” is not an email address.`);
    if (!ownAddresses.includes(email)) ownAddresses.push(email);
  }
  const settings = Settings.parse({ ...input, ownAddresses });
  await area.set({ [SETTINGS_KEY]: settings });
  return settings;
}

export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';
}

/** The owner's own addresses, normalized, as the page-report filter wants them. */
export async function ownAddresses(area: SettingsArea): Promise<ReadonlySet<string>> {
  return new Set((await loadSettings(area)).ownAddresses);
}
