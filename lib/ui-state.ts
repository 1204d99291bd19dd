import { z } from 'zod';

/** Sidebar UI state kept in `storage.local` (not customer data; read by content scripts). */
export const UI_STATE_KEY = 'ui';
export const UiState = z.object({ collapsed: z.boolean() });
export type UiState = z.infer<typeof UiState>;
export const DEFAULT_UI_STATE: UiState = { collapsed: false };
