import { matches as isGmail } from '../../sites/gmail/url';
import { isShopifyAdmin } from '../../sites/shopify/url';

/**
 * Which pages the extension may run on and how an enabled site is named. Gmail and Shopify
 * admin are built in (manifest host permissions and content scripts); every other http(s)
 * origin needs the user's opt-in: an optional host permission plus a registered script.
 */

/** The page script registered for enabled sites (entrypoints/enabled-site.content.ts). */
export const ENABLED_SITE_SCRIPT = 'content-scripts/enabled-site.js';
const SCRIPT_ID_PREFIX = 'site:';
/** Preferences key of the enabled origins (lib/db/prefs.ts), so they survive where registrations do not. */
export const ENABLED_SITES_KEY = 'enabledSites';

/** `https://shop.example` for an http(s) URL, else null (chrome://, file:, the web store). */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** The match pattern (and permission origin) that covers one origin's pages. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export function scriptId(origin: string): string {
  return SCRIPT_ID_PREFIX + origin;
}

/** Pages the manifest's own content scripts cover; enabling them again would run two scripts. */
export function isBuiltIn(url: string): boolean {
  return isGmail(url) || originOf(url) === 'https://mail.google.com' || isShopifyAdmin(url);
}
