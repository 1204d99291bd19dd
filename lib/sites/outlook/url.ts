import type { PAGE_VIEWS } from '../../messaging/vocabulary';

type PageView = (typeof PAGE_VIEWS)[number];

/**
 * Pure predicates over Outlook on the web URLs (tests/fixtures/pages/outlook/SOURCES.md, "URL
 * patterns"). Outlook is a single-page app whose route is the path; example URLs for every branch
 * are in tests/lib/sites/outlook/url.test.ts.
 *
 * - work and school accounts: outlook.office.com, outlook.office365.com (older links redirect
 *   there), and the newer outlook.cloud.microsoft;
 * - personal accounts: outlook.live.com, with an account index: /mail/0/inbox/id/<id>;
 * - a message or conversation: /mail/<folder>/id/<id>, /mail/id/<id>, /mail/<folder>/rp/<id>,
 *   /mail/deeplink/read/<id>, /mail/deeplink/readconv/<id>;
 * - writing: /mail/compose/<id>, /mail/deeplink/compose.
 */

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'] as const;

export interface OutlookRoute {
  view: PageView;
  /** The conversation or message id in the path (Outlook may upper-case it), if one is open. */
  itemId: string | null;
}

const OTHER: OutlookRoute = { view: 'other', itemId: null };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Any page of Outlook on the web (mail, calendar, people): the script follows navigation between them. */
export function isOutlook(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && (OUTLOOK_HOSTS as readonly string[]).includes(parsed.hostname);
}

/** Ids are long opaque tokens (base64 with `-`/`_`, sometimes %-encoded); a folder name is not one. */
const ITEM_ID = /^[A-Za-z0-9%=+_-]{16,}$/;

/** What the URL says is on screen. The DOM knows better (finder.ts): a reply opens without a URL change. */
export function outlookRoute(url: string): OutlookRoute {
  const parsed = parse(url);
  if (!parsed || !isOutlook(url)) return OTHER;
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (segments[0] !== 'mail') return OTHER;
  // Personal accounts put an account index first: /mail/0/inbox.
  const rest = /^\d+$/.test(segments[1] ?? '') ? segments.slice(2) : segments.slice(1);
  const [first, second, third] = rest;

  if (first === 'compose' || (first === 'deeplink' && second === 'compose')) return { view: 'compose', itemId: null };
  if (first === 'deeplink' && (second === 'read' || second === 'readconv')) return item(third);
  if (first === 'id') return item(second);
  if (second === 'id' || second === 'rp') return item(third);
  return { view: 'inbox', itemId: null };
}

function item(id: string | undefined): OutlookRoute {
  return id !== undefined && ITEM_ID.test(id) ? { view: 'thread', itemId: id.slice(0, 100) } : { view: 'inbox', itemId: null };
}
