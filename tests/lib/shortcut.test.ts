import { describe, expect, it, vi } from 'vitest';
import { assignedQuickNoteShortcut, CHROME_SHORTCUTS_URL, openShortcutSettings, quickNoteCommand, showShortcutInTitle } from '../../lib/shortcut';

describe('the quick-note shortcut', () => {
  it('names the command each manifest version opens the popup with', () => {
    expect(quickNoteCommand('chrome')).toBe('_execute_action');
    expect(quickNoteCommand('firefox')).toBe('_execute_browser_action');
  });

  it('reads the assigned key, and null when the browser left it empty', () => {
    expect(assignedQuickNoteShortcut([{ name: '_execute_action', shortcut: 'Alt+Shift+K' }])).toBe('Alt+Shift+K');
    expect(assignedQuickNoteShortcut([{ name: '_execute_browser_action', shortcut: '⌥⇧K' }])).toBe('⌥⇧K');
    expect(assignedQuickNoteShortcut([{ name: '_execute_action', shortcut: '' }])).toBeNull();
    expect(assignedQuickNoteShortcut([{ name: 'other', shortcut: 'Ctrl+Q' }])).toBeNull();
    expect(assignedQuickNoteShortcut([])).toBeNull();
  });

  it("opens Firefox's shortcut manager where it exists, Chromium's page otherwise", async () => {
    const firefox = { commands: { openShortcutSettings: vi.fn(async () => undefined) }, tabs: { create: vi.fn(async () => undefined) } };
    await openShortcutSettings(firefox);
    expect(firefox.commands.openShortcutSettings).toHaveBeenCalledOnce();
    expect(firefox.tabs.create).not.toHaveBeenCalled();

    const chrome = { commands: {}, tabs: { create: vi.fn(async () => undefined) } };
    await openShortcutSettings(chrome);
    expect(chrome.tabs.create).toHaveBeenCalledWith({ url: CHROME_SHORTCUTS_URL });
  });

  it('names the key in the toolbar title, and follows a change', async () => {
    let key = 'Alt+Shift+K';
    let changed: () => void = () => undefined;
    const setTitle = vi.fn(async () => undefined);
    showShortcutInTitle({
      commands: { getAll: async () => [{ name: '_execute_browser_action', shortcut: key }], onChanged: { addListener: (cb) => (changed = cb) } },
      browserAction: { setTitle },
    });
    await vi.waitFor(() => expect(setTitle).toHaveBeenLastCalledWith({ title: 'Quick note (Alt+Shift+K)' }));
    key = '';
    changed();
    await vi.waitFor(() => expect(setTitle).toHaveBeenLastCalledWith({ title: 'Quick note' }));
  });
});
