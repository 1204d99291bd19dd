import type { SiteAdapter } from '../adapter';
import { PAGE_WATCH } from '../watch';
import { findShopifyCustomer } from './finder';
import { shopifySite } from './site';
import { shopifyRoom } from './room';

/** The Shopify admin's adapter: the customer of an order or customer page; the host is the user's own admin. */
export const shopifyAdapter: SiteAdapter = {
  site: shopifySite,
  scan(doc, url) {
    const found = findShopifyCustomer(doc, url);
    return { report: { site: 'shopify', view: 'other', threadId: found.pageKey, self: null, people: found.people }, host: null };
  },
  room: shopifyRoom,
  watch: PAGE_WATCH,
};
