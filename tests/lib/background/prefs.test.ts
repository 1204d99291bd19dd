import { describe, expect, it } from 'vitest';
import { createPrefs } from '../../../lib/background/prefs';
import { settingsHandlers } from '../../../lib/background/handlers/settings';
import { inboxMarkHandlers } from '../../../lib/background/handlers/inbox-marks';
import { LEGACY_MOVED_KEY } from '../../../lib/db/prefs';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../lib/settings/schema';
import { freshDatabase } from '../db/factories';
import { fakeLegacyArea, testDeps } from './fakes';

const gmail = { sender: 'content', tabId: 1, origin: 'https://mail.google.com' } as const;

describe('preferences in the database, out of content scripts’ reach', () => {
  it('adopts what an earlier version kept in storage.local once, then clears it there', async () => {
    const local = new Map<string, unknown>([
      [SETTINGS_KEY, { ...DEFAULT_SETTINGS, ownAddresses: ['owner@shop.example'] }],
      ['enabledSites', ['https://shop.example']],
      ['ui', { collapsed: true }],
      ['somethingElse', 1],
    ]);
    const db = freshDatabase();
    const prefs = createPrefs(db, { legacy: fakeLegacyArea(local) });
    const read = await prefs.get([SETTINGS_KEY, 'enabledSites', 'ui']);
    expect(read).toEqual({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ownAddresses: ['owner@shop.example'] }, enabledSites: ['https://shop.example'], ui: { collapsed: true } });
    expect([...local.keys()]).toEqual(['somethingElse']);
    expect((await db.settings.get(LEGACY_MOVED_KEY))?.value).toBe(true);
  });

  it('never reads storage.local again: a content script writing the settings there changes nothing', async () => {
    const local = new Map<string, unknown>();
    const deps = testDeps(local);
    const settings = settingsHandlers(deps);
    expect((await settings['settings.get']({}, { sender: 'page', tabId: null })).gmailInboxMarks).toBe(false);
    // What a content script (or a compromised renderer) can do: write storage.local.
    local.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, gmailInboxMarks: true });
    local.set('enabledSites', ['https://evil.example']);
    expect((await settings['settings.get']({}, { sender: 'page', tabId: null })).gmailInboxMarks).toBe(false);
    expect((await deps.prefs.get('enabledSites')).enabledSites).toBeUndefined();
    await expect(inboxMarkHandlers(deps)['gmail.inboxMarks']({ emails: ['a@b.example'] }, gmail)).rejects.toMatchObject({ code: 'invalid' });
    // A new background (a restart) does not adopt it either: the move happened once.
    const again = createPrefs(deps.db, { legacy: fakeLegacyArea(local) });
    expect((await again.get(SETTINGS_KEY))[SETTINGS_KEY]).toBeUndefined();
  });

  it('keeps a value written here over one still in storage.local', async () => {
    const db = freshDatabase();
    await createPrefs(db).set({ ui: { collapsed: false } });
    const local = new Map<string, unknown>([['ui', { collapsed: true }]]);
    await db.settings.delete(LEGACY_MOVED_KEY);
    expect((await createPrefs(db, { legacy: fakeLegacyArea(local) }).get('ui')).ui).toEqual({ collapsed: false });
  });

  it('tells which keys a write touched', async () => {
    const touched: string[][] = [];
    const prefs = createPrefs(freshDatabase(), { onChanged: (keys) => touched.push(keys) });
    await prefs.set({ ui: { collapsed: true } });
    expect(touched).toEqual([['ui']]);
  });
});
