import { defineContentScript } from 'wxt/utils/define-content-script';
import { inboxMarks, onUiState, openSidebar, reportPage, setCollapsed } from '../lib/messaging/content-client';
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
    // One round trip registers the frame's token and brings the state to mount with; the iframe
    // then loads while Gmail itself loads.
    const opened = await openSidebar().catch(() => null);
    if (opened === null || ctx.isInvalid) return;
    const frame = mountSidebarFrame({
      document,
      src: opened.src,
      collapsed: opened.state.collapsed,
      onToggle: (next) => void setCollapsed(next).catch(() => undefined),
    });
    ctx.onInvalidated(() => frame.destroy());
    // Inbox tier marks (opt-in, off by default). The collapse state and the marks switch are
    // pushed by the background on change (every tab follows a collapse): the content script
    // never reads extension storage.
    const marks = watchInboxMarks({ doc: document, signal: ctx.signal, ask: inboxMarks, marks: createTierMarks(document) });
    marks.setEnabled(opened.state.inboxMarks);
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
