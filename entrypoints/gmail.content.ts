import { defineContentScript } from 'wxt/utils/define-content-script';
import { getUiState, inboxMarks, onUiState, reportPage, setCollapsed, sidebarUrl } from '../lib/messaging/content-client';
import { mountSidebarFrame } from '../lib/mount/sidebar-frame';
import { createTierMarks } from '../lib/mount/tier-marks';
import { watchInboxMarks } from '../lib/sites/gmail/inbox-marks-watch';
import { watchGmail } from '../lib/sites/gmail/observer';

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
    const src = await sidebarUrl().catch(() => null);
    if (src === null || ctx.isInvalid) return;
    const frame = mountSidebarFrame({
      document,
      src,
      collapsed: null,
      onToggle: (next) => void setCollapsed(next).catch(() => undefined),
    });
    ctx.onInvalidated(() => frame.destroy());
    // Inbox tier marks (opt-in, off by default). The collapse state and the marks switch come from
    // the background, at start and pushed on change (every tab follows a collapse): the content
    // script never reads extension storage.
    const marks = watchInboxMarks({ doc: document, signal: ctx.signal, ask: inboxMarks, marks: createTierMarks(document) });
    void getUiState()
      .catch(() => ({ collapsed: false, inboxMarks: false }))
      .then((state) => {
        if (frame.collapsed === null) frame.setCollapsed(state.collapsed);
        marks.setEnabled(state.inboxMarks);
      });
    onUiState((state) => {
      frame.setCollapsed(state.collapsed);
      marks.setEnabled(state.inboxMarks);
    }, ctx.signal);

    const watch = () =>
      watchGmail(window, (report) => void reportPage(report).catch(() => undefined), { signal: ctx.signal, onSettle: marks.update });
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', watch, { once: true, signal: ctx.signal });
    } else {
      watch();
    }
  },
});
