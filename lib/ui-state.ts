/**
 * Sidebar UI state kept in `storage.local` (not customer data; content scripts read it to
 * follow the collapse state). Checked by hand: content scripts ship without zod.
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
