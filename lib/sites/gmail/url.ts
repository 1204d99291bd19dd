import type { PAGE_VIEWS } from '../../messaging/vocabulary';

type PageView = (typeof PAGE_VIEWS)[number];

/**
 * Pure predicates over Gmail URLs. Gmail is a single-page app whose route lives in the hash
 * (`#inbox`, `#label/Clients/<threadId>`, `#inbox?compose=new`); example URLs for every branch
 * are in tests/lib/sites/gmail/url.test.ts.
 */

export interface GmailRoute {
  view: PageView;
  /** The thread id in the hash (new-style `FMfcg…` or legacy hex), if a thread is open. */
  threadId: string | null;
}

const OTHER: GmailRoute = { view: 'other', threadId: null };

/** Mail lists whose next hash segment is a thread id: `#inbox/<id>`, `#sent/<id>`. */
const PLAIN_LISTS = new Set([
  'inbox',
  'starred',
  'snoozed',
  'imp',
  'sent',
  'scheduled',
  'drafts',
  'all',
  'spam',
  'trash',
]);

/** Mail lists with a name before the thread id: `#label/Foo/<id>`, `#search/x/<id>`. */
const NAMED_LISTS = new Set(['label', 'search', 'category', 'advanced-search']);

/**
 * Thread ids are long opaque tokens; the length keeps `#inbox/p2` (page 2 of the list) from
 * reading as a thread.
 */
const THREAD_ID = /^[A-Za-z0-9_-]{16,}$/;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for Gmail's web app: https://mail.google.com/mail/… (any account index). */
export function matches(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname === 'mail.google.com' &&
    (parsed.pathname === '/mail' || parsed.pathname.startsWith('/mail/'))
  );
}

/** What the URL says is on screen. The DOM may know better (see finder.ts). */
export function viewFromUrl(url: string): GmailRoute {
  if (!matches(url)) return OTHER;
  const parsed = parse(url);
  if (!parsed) return OTHER;

  const hash = parsed.hash.replace(/^#/, '');
  const queryAt = hash.indexOf('?');
  const route = queryAt === -1 ? hash : hash.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : hash.slice(queryAt + 1));
  const segments = route.split('/').filter((s) => s.length > 0);
  const [list] = segments;

  // Gmail opens the inbox when there is no route at all.
  if (list === undefined) {
    return query.has('compose') ? { view: 'compose', threadId: null } : { view: 'inbox', threadId: null };
  }

  let candidate: string | undefined;
  if (PLAIN_LISTS.has(list)) candidate = segments[1];
  else if (NAMED_LISTS.has(list)) candidate = segments[2];
  else return OTHER;

  // An open thread wins over a compose window floating above it: the thread is what the
  // sidebar is about.
  if (candidate !== undefined && THREAD_ID.test(candidate)) return { view: 'thread', threadId: candidate };
  if (query.has('compose')) return { view: 'compose', threadId: null };
  return { view: 'inbox', threadId: null };
}
