import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { getCollapsed, inboxMarks, reportPage, setCollapsed } from '../lib/messaging/content-client';
import { mountSidebarFrame } from '../lib/mount/sidebar-frame';
import { createTierMarks } from '../lib/mount/tier-marks';
import { watchInboxMarks } from '../lib/sites/gmail/inbox-marks-watch';
import { watchGmail } from '../lib/sites/gmail/observer';
import { inboxMarksOn, SETTINGS_KEY } from '../lib/settings/key';
import { parseUiState, UI_STATE_KEY } from '../lib/ui-state';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // document_start: the sidebar iframe loads while Gmail itself loads; the page is read once
  // its DOM is there (below).
  runAt: 'document_start',
  async main(ctx) {
    // Only the top Gmail frame hosts the sidebar; Gmail's own iframes are ignored.
    if (window.top !== window) return;
    // The iframe starts loading first; the remembered collapse state arrives while it loads
    // (frame and launcher stay hidden until then: no flicker).
    const frame = mountSidebarFrame({
      document,
      src: browser.runtime.getURL('/sidebar.html'),
      collapsed: null,
      onToggle: (next) => void setCollapsed(next).catch(() => undefined),
    });
    ctx.onInvalidated(() => frame.destroy());
    void getCollapsed()
      .catch(() => false)
      .then((collapsed) => {
        if (frame.collapsed === null) frame.setCollapsed(collapsed);
      });

    // The sidebar's collapse button writes the state through the background; every Gmail
    // tab follows it, so the state is remembered and shared.
    // Inbox tier marks (opt-in, off by default): the setting is read here and followed live.
    const marks = watchInboxMarks({ doc: document, signal: ctx.signal, ask: inboxMarks, marks: createTierMarks(document) });
    void browser.storage.local
      .get(SETTINGS_KEY)
      .then((stored) => marks.setEnabled(inboxMarksOn(stored[SETTINGS_KEY])))
      .catch(() => undefined);

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (SETTINGS_KEY in changes) marks.setEnabled(inboxMarksOn(changes[SETTINGS_KEY]?.newValue));
      if (!(UI_STATE_KEY in changes)) return;
      const state = parseUiState(changes[UI_STATE_KEY]?.newValue);
      if (state) frame.setCollapsed(state.collapsed);
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    const watch = () =>
      watchGmail(window, (report) => void reportPage(report).catch(() => undefined), { signal: ctx.signal, onSettle: marks.update });
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', watch, { once: true, signal: ctx.signal });
    } else {
      watch();
    }
  },
});
