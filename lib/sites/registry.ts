import { genericSite } from './generic/site';
import { gmailSite } from './gmail/site';
import { outlookSite } from './outlook/site';
import { shopifySite } from './shopify/site';
import { matchesPattern, type SiteDescriptor } from './site';
import { woocommerceSite } from './woocommerce/site';

/**
 * Every site the extension knows, one line each. The build derives the manifest from it (host
 * permissions, one content script per built-in site from lib/sites/<id>/content.ts, where the
 * sidebar frame may load), the background which pages are built in, the pages the site's name and
 * kind. Adding a site is its folder and a line here (an opt-in site also joins the enabled-site
 * script's list, lib/sites/enabled-site.ts, which tries them in order).
 */
export const SITES = {
  gmail: gmailSite,
  outlook: outlookSite,
  shopify: shopifySite,
  woocommerce: woocommerceSite,
  generic: genericSite,
} as const satisfies Record<string, SiteDescriptor>;

export type SiteId = keyof typeof SITES;

/** The ids as a non-empty tuple, for the protocol's enums. */
export const SITE_IDS = Object.keys(SITES) as [SiteId, ...SiteId[]];

export const ALL_SITES: readonly SiteDescriptor<SiteId>[] = Object.values(SITES);

export const BUILT_IN_SITES = ALL_SITES.filter((site) => site.access === 'built-in');

export function siteById(id: string | null | undefined): SiteDescriptor<SiteId> | null {
  return id && Object.hasOwn(SITES, id) ? SITES[id as SiteId] : null;
}

/** Host permissions granted at install: every built-in site's hosts. */
export function builtInHostPatterns(): string[] {
  return BUILT_IN_SITES.flatMap((site) => [...(site.hosts ?? site.matches)]);
}

/** The built-in site whose granted hosts cover `url`, if any (then the user need not enable it). */
export function builtInSiteOf(url: string): SiteDescriptor<SiteId> | null {
  return BUILT_IN_SITES.find((site) => [...(site.hosts ?? []), ...site.matches].some((p) => matchesPattern(url, p))) ?? null;
}

/** "Gmail, Outlook on the web and the Shopify admin": where the sidebar runs without asking. */
export function builtInNames(): string {
  const names = BUILT_IN_SITES.map((site) => site.label);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
