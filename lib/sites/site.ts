import type { PageReport } from '../messaging/protocol';
import type { RoomStrategy } from '../mount/room';
import type { ContentUiState } from '../ui-state';

/**
 * What a site is to the extension, in two halves:
 *
 * - a `SiteDescriptor`: plain data and pure URL predicates, read by the build (manifest matches
 *   and host permissions, one content script per built-in site), the background (which pages are
 *   built in, which site a tab is on) and the pages (the sidebar's words for the site);
 * - a `SiteAdapter`: what runs in the page, the descriptor plus the finder, the tuning of the
 *   shared SPA watcher, how the page makes room for the sidebar and whatever else the site adds.
 *
 * One folder per site under lib/sites/ holds both (`site.ts`, `adapter.ts`, and `content.ts` for
 * a built-in site); lib/sites/registry.ts lists the descriptors. Nothing outside a site's folder
 * knows its DOM.
 */

/** What a site's pages are about; the sidebar's words follow it ("Open an email …" on mail sites). */
export type SiteKind = 'mail' | 'store' | 'web';

export interface SiteDescriptor<Id extends string = string> {
  readonly id: Id;
  /** The site's name as the user knows it ("Gmail", "Outlook on the web"). */
  readonly label: string;
  readonly kind: SiteKind;
  /**
   * `built-in`: granted at install, its content script (lib/sites/<id>/content.ts) in the manifest.
   * `opt-in`: runs only on the sites the user enables, through the enabled-site script.
   */
  readonly access: 'built-in' | 'opt-in';
  /** Match patterns of the pages the content script runs on (built-in sites). */
  readonly matches: readonly string[];
  /** Host permissions granted at install (built-in sites); the script's matches when not given. */
  readonly hosts?: readonly string[];
  /** When the content script starts (built-in sites); `document_idle` when not given. */
  readonly runAt?: 'document_start' | 'document_end' | 'document_idle';
  /** Pure: whether a URL is a page of this site at all (people or not). */
  isSiteUrl(url: string): boolean;
}

/** What one scan of a page found. */
export interface SiteScan {
  report: PageReport;
  /** The page's host, for company recognition; null where the host says nothing about a customer. */
  host: string | null;
}

/** How the shared page watcher (lib/sites/watch.ts) is tuned for a site. */
export interface WatchTuning {
  /** Quiet time that ends a burst of changes. */
  debounceMs?: number;
  /** Attributes whose change matters; other attribute churn wakes nothing. */
  attributeFilter?: readonly string[];
  /** Whether text edits inside the body count; default true. */
  characterData?: boolean;
  /** Nodes outside <body> to watch as well (Gmail's <title>). */
  alsoObserve?: (doc: Document) => readonly Node[];
  /**
   * A cheap probe of what the page shows, read from the DOM on every change (the open thread's
   * id): when it changes, the page is reported at once rather than after the quiet time. From the
   * DOM, not the URL: a mail app changes its URL before it renders the thread.
   */
  identity?: (doc: Document) => string;
}

/** What a site adds beside the sidebar (Gmail's inbox tier marks), started once the frame mounted. */
export interface SiteExtras {
  /** The state pushed by the background at mount and on change (collapsed, settings). */
  onState?(state: ContentUiState): void;
  /** After every burst of page changes, even when the people did not change. */
  onSettle?(): void;
}

export interface SiteAdapter {
  readonly site: SiteDescriptor;
  /**
   * The finder: pure over the document and URL, never throws. Null: not this site's page (an
   * opt-in adapter that does not claim it; the next one in line reads it).
   */
  scan(doc: Document, url: string): SiteScan | null;
  readonly watch: WatchTuning;
  /** How the site's pages make room for the open sidebar (lib/sites/<id>/room.ts, lib/mount/room.ts). */
  readonly room: RoomStrategy;
  /** Site-specific extras, started with the sidebar; they own their listeners through `signal`. */
  extras?(doc: Document, signal: AbortSignal): SiteExtras;
  /**
   * How many elements each of the adapter's selectors matches, when the page should show people
   * (its URL says a conversation is open) and the structure the finder reads is missing: the
   * site changed its markup. Null when nothing is missing. Counts only, never page content.
   */
  diagnose?(doc: Document, url: string): Record<string, number> | null;
  /**
   * Whether the page shows a dark theme, so the sidebar beside it turns dark too; read when the
   * page is first read and after every burst of changes. Without it the sidebar follows the system.
   */
  isDark?(doc: Document): boolean;
}

/**
 * Whether `url` matches a WebExtension match pattern (`<scheme>://<host>/<path>`, `*` in the
 * scheme, a leading `*.` in the host, `*` anywhere in the path). Pure; used to tell built-in
 * pages from the ones a user may enable, with the very patterns the manifest declares.
 */
export function matchesPattern(url: string, pattern: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const hostname = parsed.hostname.toLowerCase();
  if (host !== '*') {
    const bare = host.replace(/^\*\./, '').toLowerCase();
    if (host.startsWith('*.') ? hostname !== bare && !hostname.endsWith(`.${bare}`) : hostname !== bare) return false;
  }
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return glob.test(`${parsed.pathname}${parsed.search}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** How many elements each selector matches (a drift diagnosis: counts, never content). */
export function countSelectors(doc: ParentNode, selectors: Readonly<Record<string, string>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, selector] of Object.entries(selectors)) {
    try {
      counts[key] = doc.querySelectorAll(selector).length;
    } catch {
      counts[key] = 0;
    }
  }
  return counts;
}
