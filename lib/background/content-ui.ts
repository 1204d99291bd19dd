import { inboxMarksOn, SETTINGS_KEY } from '../settings/key';
import { DEFAULT_UI_STATE, parseUiState, UI_PUSH_TYPE, UI_STATE_KEY, type ContentUiState } from '../ui-state';
import type { PrefsArea } from './prefs';


/**
 * The UI state content scripts mount with (see ContentUiState), read from the preferences. When
 * they cannot be read (a database that does not open) the defaults keep the sidebar mountable,
 * to show the recovery screen, with the inbox marks off.
 */
export async function contentUiState(prefs: Pick<PrefsArea, 'get'>): Promise<ContentUiState> {
  const stored = await prefs.get([UI_STATE_KEY, SETTINGS_KEY]).catch(() => ({}) as Record<string, unknown>);
  const ui = parseUiState(stored[UI_STATE_KEY]) ?? DEFAULT_UI_STATE;
  return { collapsed: ui.collapsed, inboxMarks: inboxMarksOn(stored[SETTINGS_KEY]) };
}

export interface ContentUiPush {
  prefs: Pick<PrefsArea, 'get'>;
  tabIds(): Promise<number[]>;
  send(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Whether a preferences write touches what content scripts follow; if so, pushes the new state
 * to every tab. Tabs without our content script refuse the message, which is fine.
 */
export async function pushContentUiState(changedKeys: readonly string[], push: ContentUiPush): Promise<void> {
  if (!changedKeys.includes(UI_STATE_KEY) && !changedKeys.includes(SETTINGS_KEY)) return;
  const state = await contentUiState(push.prefs);
  const message = { type: UI_PUSH_TYPE, ...state };
  await Promise.all((await push.tabIds()).map((tabId) => push.send(tabId, message).catch(() => undefined)));
}
