import type { SiteAdapter } from '../adapter';
import { PAGE_WATCH } from '../watch';
import { findWooCustomer } from './finder';
import { woocommerceSite } from './site';
import { genericRoom } from '../generic/room';

/**
 * A WooCommerce order page's adapter, on the sites the user enables: the order's customer. A page
 * without the order panel is not its page (the enabled-site script then reads it as any page).
 */
export const woocommerceAdapter: SiteAdapter = {
  site: woocommerceSite,
  scan(doc, url) {
    const found = findWooCustomer(doc, url);
    if (!found.isOrder) return null;
    return { report: { site: 'woocommerce', view: 'other', threadId: found.pageKey, self: null, people: found.people }, host: null };
  },
  room: genericRoom,
  watch: PAGE_WATCH,
};
