import { countSelectors, type SiteAdapter } from '../adapter';
import { findOutlookPeople } from './finder';
import { SELECTOR, WATCHED_ATTRIBUTES } from './selectors';
import { outlookSite } from './site';
import { outlookRoute } from './url';
import { outlookRoom } from './room';

/** Outlook on the web's adapter: the open conversation's people and the recipients being written. */
export const outlookAdapter: SiteAdapter = {
  site: outlookSite,
  scan(doc, url) {
    const found = findOutlookPeople(doc, url);
    return { report: { site: 'outlook', view: found.view, threadId: found.threadId, self: found.self, people: found.people }, host: null };
  },
  room: outlookRoom,
  // Names and addresses are text in Outlook's DOM (senders, pills), so text edits count.
  watch: {
    attributeFilter: WATCHED_ATTRIBUTES,
    debounceMs: 100,
    // The conversation in the reading pane (Outlook re-renders the pane, then changes the URL).
    identity: (doc) => doc.querySelector(SELECTOR.subject)?.id ?? '',
  },
  diagnose(doc, url) {
    // A message's URL and no message in the pane, or a compose URL and no field: Outlook changed its markup.
    const { view } = outlookRoute(url);
    const counts = countSelectors(doc, SELECTOR);
    if (view === 'thread' && counts.date === 0) return counts;
    if (view === 'compose' && counts.composeField === 0) return counts;
    return null;
  },
};
