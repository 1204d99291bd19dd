import type { SETTINGS_MESSAGES } from '../../messaging/messages/settings';
import { ProtocolError } from '../../messaging/router';
import { InvalidSettingsError, loadSettings, saveSettings } from '../../settings/store';
import type { BackgroundDeps, HandlersFor } from './types';

export function settingsHandlers(deps: BackgroundDeps): HandlersFor<typeof SETTINGS_MESSAGES> {
  return {
    async 'settings.get'() {
      return loadSettings(deps.prefs);
    },

    async 'settings.save'(input) {
      try {
        // Cadence and own addresses change what every open page shows, and the insights: the
        // write reaches both through the database's change signal (lib/background/changes.ts).
        const settings = await saveSettings(deps.prefs, input);
        return settings;
      } catch (error) {
        if (error instanceof InvalidSettingsError) throw new ProtocolError('invalid', error.message);
        throw error;
      }
    },
  };
}
