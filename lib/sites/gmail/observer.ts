import type { PageReport } from '../../messaging/protocol';
import { findPeople } from './finder';
import { ATTR, SELECTOR, WATCHED_ATTRIBUTES } from './selectors';
import type { WatchTuning } from '../adapter';
import { watchPage } from '../watch';

export { stableJson } from '../watch';

export interface WatchOptions {
  /** Tears everything down: listeners, observer, pending timer. */
  signal: AbortSignal;
  /** Quiet time that ends a burst of changes. */
  debounceMs?: number;
  /**
   * Called after every burst, even when the report did not change: the inbox marks follow
   * list rows that come and go without changing who the sidebar is about.
   */
  onSettle?: () => void;
}

/** The report for the page as it is now. */
export function reportGmail(doc: Document, url: string): PageReport {
  const found = findPeople(doc, { url });
  return { site: 'gmail', view: found.view, threadId: found.threadId, self: found.self, people: found.people };
}

/** The shared watcher tuned to what the finder reads. */
export const GMAIL_WATCH = {
  debounceMs: 100,
  attributeFilter: WATCHED_ATTRIBUTES,
  // Gmail's own text churn (relative timestamps) does not change who is on the page.
  characterData: false,
  // The signed-in user is read from <title>, which lives outside <body>.
  alsoObserve: (doc: Document) => {
    const title = doc.querySelector('title');
    return title ? [title] : [];
  },
  // The open thread's id in the DOM (Gmail changes the hash first, renders the thread after).
  identity: (doc: Document) => doc.querySelector(SELECTOR.threadSubject)?.getAttribute(ATTR.legacyThreadId) ?? '',
} as const satisfies WatchTuning;

/**
 * Watches Gmail's SPA navigation and DOM changes and calls `onChange` with a fresh report: once
 * at start, then at most once per burst of changes, and only when the report differs from the
 * last one sent (the shared page watcher, tuned to the attributes the finder reads).
 */
export function watchGmail(
  win: Window,
  onChange: (report: PageReport) => void,
  { signal, debounceMs = GMAIL_WATCH.debounceMs, onSettle }: WatchOptions,
): void {
  const { identity, ...tuning } = GMAIL_WATCH;
  watchPage({ win, scan: () => reportGmail(win.document, win.location.href), onChange, signal, onSettle, ...tuning, debounceMs, identity: () => identity(win.document) });
}
