/**
 * What a site is to the extension, in two halves:
 *
 * - a `SiteDescriptor`: plain data (match patterns among it), read by the build (manifest matches
 *   and host permissions, one content script per built-in site), the background (which pages are
 *   built in, which site a tab is on) and the pages (the sidebar's words for the site);
 * - a `SiteAdapter`: what runs in the page, the descriptor plus the finder, the tuning of the
 *   shared SPA watcher, how the page makes room for the sidebar and whatever else the site adds.
 *
 * One folder per site under lib/sites/ holds both (`site.ts`, `adapter.ts`, and `content.ts` for
 * a built-in site); lib/sites/registry.ts lists the descriptors. Nothing outside a site's folder
 * knows its DOM. The descriptor's half is this module, pure and without imports (the build, the
 * background and the protocol read it); the adapter's half is lib/sites/adapter.ts.
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
