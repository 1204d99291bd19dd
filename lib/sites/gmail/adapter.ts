import { inboxMarks } from '../../messaging/content-client';
import { createTierMarks } from '../../mount/tier-marks';
import type { SiteAdapter } from '../site';
import { watchInboxMarks } from './inbox-marks-watch';
import { GMAIL_WATCH, reportGmail } from './observer';
import { gmailSite } from './site';
import { gmailIsDark } from './theme';

/** Gmail's adapter: the thread's people (and compose recipients), the inbox tier marks beside them. */
export const gmailAdapter: SiteAdapter = {
  site: gmailSite,
  scan: (doc, url) => ({ report: reportGmail(doc, url), host: null }),
  watch: GMAIL_WATCH,
  extras(doc, signal) {
    // Opt-in, off by default: they follow the switch the background sends at mount and pushes
    // on change; the content script never reads extension storage.
    const marks = watchInboxMarks({ doc, signal, ask: inboxMarks, marks: createTierMarks(doc) });
    return { onState: (state) => marks.setEnabled(state.inboxMarks), onSettle: marks.update };
  },
  isDark: gmailIsDark,
};
