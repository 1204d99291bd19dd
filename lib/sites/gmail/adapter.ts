import { inboxMarks } from '../../messaging/content-client';
import { createTierMarks } from '../../mount/tier-marks';
import { countSelectors, type SiteAdapter } from '../adapter';
import { watchInboxMarks } from './inbox-marks-watch';
import { GMAIL_WATCH, reportGmail } from './observer';
import { SELECTOR } from './selectors';
import { gmailSite } from './site';
import { gmailIsDark } from './theme';
import { viewFromUrl } from './url';
import { gmailRoom } from './room';

/** Gmail's adapter: the thread's people (and compose recipients), the inbox tier marks beside them. */
export const gmailAdapter: SiteAdapter = {
  site: gmailSite,
  scan: (doc, url) => ({ report: reportGmail(doc, url), host: null }),
  room: gmailRoom,
  watch: GMAIL_WATCH,
  extras(doc, signal) {
    // Opt-in, off by default: they follow the switch the background sends at mount and pushes
    // on change; the content script never reads extension storage.
    const marks = watchInboxMarks({ doc, signal, ask: inboxMarks, marks: createTierMarks(doc) });
    return { onState: (state) => marks.setEnabled(state.inboxMarks), onSettle: marks.update };
  },
  isDark: gmailIsDark,
  diagnose(doc, url) {
    // A thread's URL, and no thread or no person of a message in the DOM: Gmail changed its markup.
    if (viewFromUrl(url).view !== 'thread') return null;
    const counts = countSelectors(doc, SELECTOR);
    return counts.threadOpen === 0 || (counts.sender === 0 && counts.recipient === 0) ? counts : null;
  },
};
