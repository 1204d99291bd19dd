/**
 * The quick-note keyboard shortcut: which key the manifest suggests, how the popup names the
 * key the browser really assigned, and how the user reaches the browser's shortcut page.
 *
 * Browsers do not promise to assign a suggested key. Chromium 156 on Linux refuses some
 * (Alt+Shift+N, Alt+Shift+C, Ctrl+Shift+L were left empty after install in a clean profile)
 * and assigns others (Alt+Shift+K, Alt+Shift+J, Alt+N, Ctrl+Shift+Y); Firefox ESR 153 assigned
 * each of those it was offered. The real-browser tests read `commands.getAll()` after install,
 * so a key that stops being assigned fails there. Alt+Shift+K is not one of Gmail's shortcuts
 * nor one of Chrome's or Firefox's own.
 */

export const QUICK_NOTE_SUGGESTED_KEY = 'Alt+Shift+K';

export type BrowserFamily = 'chrome' | 'firefox';

/** The command that opens the toolbar popup (the quick note) in each manifest version. */
export function quickNoteCommand(browser: BrowserFamily): '_execute_action' | '_execute_browser_action' {
  return browser === 'firefox' ? '_execute_browser_action' : '_execute_action';
}

/** What `commands.getAll()` returns, as far as this module reads it. */
export interface CommandInfo {
  name?: string;
  shortcut?: string;
}

/** The shortcut assigned to the quick note, or null when the browser left it empty. */
export function assignedQuickNoteShortcut(commands: readonly CommandInfo[]): string | null {
  const command = commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action');
  const key = command?.shortcut?.trim() ?? '';
  return key === '' ? null : key;
}

/** The browser pieces the shortcut page needs (commands and tabs of `browser`). */
export interface ShortcutSettingsApi {
  commands: { openShortcutSettings?: () => Promise<void> };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

/** Chromium's page for extension shortcuts; extensions may open it with tabs.create. */
export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/**
 * Opens the browser's page where a shortcut is set: Firefox's "Manage Extension Shortcuts"
 * through `commands.openShortcutSettings()` (Firefox 137+), Chromium's shortcuts page otherwise.
 */
export async function openShortcutSettings(api: ShortcutSettingsApi): Promise<void> {
  if (typeof api.commands.openShortcutSettings === 'function') {
    await api.commands.openShortcutSettings();
    return;
  }
  await api.tabs.create({ url: CHROME_SHORTCUTS_URL });
}

/** The browser pieces the toolbar title needs: MV3's `action`, MV2's `browserAction`. */
export interface ShortcutTitleApi {
  commands: { getAll(): Promise<CommandInfo[]>; onChanged?: { addListener(listener: () => void): void } };
  action?: { setTitle(details: { title: string }): Promise<void> };
  browserAction?: { setTitle(details: { title: string }): Promise<void> };
}

/**
 * "Quick note (Alt+Shift+K)" on the toolbar button, or "Quick note" when no key is assigned;
 * again whenever the user changes the shortcut.
 */
export function showShortcutInTitle(api: ShortcutTitleApi): void {
  const show = async () => {
    const key = assignedQuickNoteShortcut(await api.commands.getAll());
    await (api.action ?? api.browserAction)?.setTitle({ title: key === null ? 'Quick note' : `Quick note (${key})` });
  };
  const run = () => void show().catch(() => undefined);
  run();
  api.commands.onChanged?.addListener(run);
}
