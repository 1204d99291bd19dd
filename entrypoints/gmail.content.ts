import { defineContentScript } from 'wxt/utils/define-content-script';
import { inboxMarks, reportPage } from '../lib/messaging/content-client';
import { mountSidebar } from '../lib/mount/mount-sidebar';
import { createTierMarks } from '../lib/mount/tier-marks';
import { watchInboxMarks } from '../lib/sites/gmail/inbox-marks-watch';
import { watchGmail } from '../lib/sites/gmail/observer';
import { gmailRoom } from '../lib/sites/gmail/room';
import { gmailIsDark } from '../lib/sites/gmail/theme';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  // document_start: the sidebar iframe loads while Gmail itself loads; the page is read once
  // its DOM is there (below).
  runAt: 'document_start',
  async main(ctx) {
    // Only the top Gmail frame hosts the sidebar; Gmail's own iframes are ignored.
    if (window.top !== window) return;
    // Inbox tier marks (opt-in, off by default) follow the switch the background sends at mount
    // and pushes on change; the content script never reads extension storage.
    const marks = watchInboxMarks({ doc: document, signal: ctx.signal, ask: inboxMarks, marks: createTierMarks(document) });
    // The sidebar frame loads while Gmail itself loads; the page is read once its DOM is there.
    const frame = await mountSidebar(ctx, gmailRoom, (state) => marks.setEnabled(state.inboxMarks));
    if (frame === null) return;
    // The sidebar turns dark with Gmail's dark theme, checked again whenever the page settles.
    const followTheme = () => frame.setDark(gmailIsDark(document));

    const watch = () => {
      followTheme();
      watchGmail(window, (report) => void reportPage(report).catch(() => undefined), {
        signal: ctx.signal,
        onSettle: () => {
          marks.update();
          followTheme();
        },
      });
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', watch, { once: true, signal: ctx.signal });
    } else {
      watch();
    }
  },
});
