import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '../lib/messaging/client';
import { mountSidebarFrame } from '../lib/mount/sidebar-frame';
import { watchGmail } from '../lib/sites/gmail/observer';
import { UI_STATE_KEY, UiState } from '../lib/ui-state';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Only the top Gmail frame hosts the sidebar; Gmail's own iframes are ignored.
    if (window.top !== window) return;
    const { collapsed } = await request('ui.get', {}).catch(() => ({ collapsed: false }));
    if (ctx.isInvalid) return;
    const frame = mountSidebarFrame({
      document,
      src: browser.runtime.getURL('/sidebar.html'),
      collapsed,
      onToggle: (next) => void request('ui.setCollapsed', { collapsed: next }).catch(() => undefined),
    });
    ctx.onInvalidated(() => frame.destroy());

    // The sidebar's collapse button writes the state through the background; every Gmail
    // tab follows it, so the state is remembered and shared.
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(UI_STATE_KEY in changes)) return;
      const state = UiState.safeParse(changes[UI_STATE_KEY]?.newValue);
      if (state.success) frame.setCollapsed(state.data.collapsed);
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    watchGmail(window, (report) => void request('page.report', report).catch(() => undefined), {
      signal: ctx.signal,
    });
  },
});
