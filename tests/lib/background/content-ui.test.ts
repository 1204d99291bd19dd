import { describe, expect, it, vi } from 'vitest';
import { contentUiState, pushContentUiState } from '../../../lib/background/content-ui';
import { SETTINGS_KEY } from '../../../lib/settings/key';
import { UI_STATE_KEY } from '../../../lib/ui-state';
import { createPrefs } from '../../../lib/background/prefs';
import { freshDatabase } from '../db/factories';

describe('content UI state', () => {
  it('gives only the collapse state and the inbox-marks switch, never the rest of the settings', async () => {
    const prefs = createPrefs(freshDatabase());
    expect(await contentUiState(prefs)).toEqual({ collapsed: false, inboxMarks: false });
    await prefs.set({ [UI_STATE_KEY]: { collapsed: true }, [SETTINGS_KEY]: { gmailInboxMarks: true, ownAddresses: ['owner@shop.example'] } });
    expect(await contentUiState(prefs)).toEqual({ collapsed: true, inboxMarks: true });
  });

  it('pushes the new state to every tab when the UI state or the settings change, and only then', async () => {
    const prefs = createPrefs(freshDatabase());
    await prefs.set({ [UI_STATE_KEY]: { collapsed: true } });
    const send = vi.fn(async (tabId: number) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const push = { prefs, tabIds: async () => [1, 2, 3], send };
    await pushContentUiState(['quickNoteDrafts'], push);
    expect(send).not.toHaveBeenCalled();
    await pushContentUiState([UI_STATE_KEY], push);
    expect(send.mock.calls.map(([tabId]) => tabId)).toEqual([1, 2, 3]);
    expect(send).toHaveBeenCalledWith(3, { type: 'ui.state', collapsed: true, inboxMarks: false });
  });
});
