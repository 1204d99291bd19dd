/**
 * Sidebar UI state, kept in the background's preferences (lib/db/prefs.ts); content scripts
 * follow the collapse state by push. Checked by hand: content scripts ship without zod.
 */
export const UI_STATE_KEY = 'ui';
export interface UiState {
  collapsed: boolean;
}
export const DEFAULT_UI_STATE: UiState = { collapsed: false };

export function parseUiState(value: unknown): UiState | null {
  if (typeof value !== 'object' || value === null) return null;
  const collapsed = (value as { collapsed?: unknown }).collapsed;
  return typeof collapsed === 'boolean' ? { collapsed } : null;
}

/**
 * What a content script needs to mount with and follow: the collapse state and whether the
 * opt-in Gmail inbox marks are on. The background answers `ui.frame` with it and pushes it to the
 * tabs (`tabs.sendMessage`) when it changes, so content scripts never read extension storage
 * (whose change events would hand them the owner's settings too).
 */
export const UI_PUSH_TYPE = 'ui.state';
export interface ContentUiState {
  collapsed: boolean;
  inboxMarks: boolean;
}

export function parseContentUiState(value: unknown): ContentUiState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { collapsed, inboxMarks } = value as { collapsed?: unknown; inboxMarks?: unknown };
  return typeof collapsed === 'boolean' && typeof inboxMarks === 'boolean' ? { collapsed, inboxMarks } : null;
}
