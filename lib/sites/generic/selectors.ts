/**
 * What the generic adapter reads on any page. These are web standards, not one site's DOM:
 * `mailto:` links (RFC 6068), schema.org microdata (`itemprop="email"`) and JSON-LD
 * (`<script type="application/ld+json">` with an `email` property), and Cloudflare's email
 * obfuscation, which replaces addresses on many small-business sites with
 * `<a class="__cf_email__" data-cfemail="<hex>">[email&#160;protected]</a>` (the address XORed
 * with the first byte; see tests/fixtures/pages/websites/SOURCES.md).
 *
 * Tested against the fixtures in tests/fixtures/pages/websites/ with expected counts in
 * tests/lib/sites/generic/finder.test.ts.
 */
export const SELECTOR = {
  mailto: 'a[href^="mailto:" i]',
  itemprop: '[itemprop~="email"]',
  jsonLd: 'script[type="application/ld+json"]',
  cloudflare: '[data-cfemail]',
} as const;

export const ATTR = {
  href: 'href',
  content: 'content',
  cfemail: 'data-cfemail',
} as const;

/** Elements whose text is not visible page text. */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'HEAD',
]);

/** The extension's own mount in the page (lib/mount/sidebar-frame.ts); never scanned. */
export const OWN_HOST_TAG = 'CRM-SIDEBAR-HOST';
