import { genericAdapter } from './generic/adapter';
import type { SiteAdapter } from './adapter';
import { woocommerceAdapter } from './woocommerce/adapter';

/**
 * The opt-in sites' adapters, tried in order on a page the user enabled: the first whose scan
 * claims the page reads it (a WooCommerce order page), the generic adapter reads every other.
 */
export const ENABLED_SITE_ADAPTERS: readonly SiteAdapter[] = [woocommerceAdapter, genericAdapter];

/** One scan of an enabled page, as its content script does it (the bench and tests time this). */
export function scanEnabledSite(doc: Document, url: string) {
  for (const adapter of ENABLED_SITE_ADAPTERS) {
    const scan = adapter.scan(doc, url);
    if (scan) return scan;
  }
  return null;
}
