import type { RoomStrategy } from '../mount/room';
import type { PageReport } from '../messaging/protocol';
import { genericRoom } from './generic/room';
import { findPageEmails } from './generic/finder';
import { pageHost, pageKey } from './generic/url';
import { findShopifyCustomer } from './shopify/finder';
import { shopifyRoom } from './shopify/room';
import { findWooCustomer } from './woocommerce/finder';

/**
 * The adapters beyond Gmail and which one reads a page. The Shopify admin script runs only
 * there; the script for enabled sites reads a WooCommerce order with the WooCommerce adapter
 * and every other page with the generic one.
 */

/** What a content script needs of a site: how to read a page and how its pages make room for the sidebar. */
export interface SiteAdapter {
  scan: (root: ParentNode, url: string) => SiteScan;
  room: RoomStrategy;
}

export interface SiteScan {
  report: PageReport;
  /** Reported once per page for company recognition; null where the host is the user's own admin. */
  host: string | null;
}

function report(site: PageReport['site'], threadId: string | null, people: PageReport['people']): PageReport {
  return { site, view: 'other', threadId, self: null, people };
}

export function scanShopify(root: ParentNode, url: string): SiteScan {
  const found = findShopifyCustomer(root, url);
  return { report: report('shopify', found.pageKey, found.people), host: null };
}

export function scanEnabledSite(root: ParentNode, url: string): SiteScan {
  const woo = findWooCustomer(root, url);
  if (woo.isOrder) return { report: report('woocommerce', woo.pageKey, woo.people), host: null };
  return { report: report('generic', pageKey(url), findPageEmails(root)), host: pageHost(url) };
}

export const SHOPIFY_ADMIN: SiteAdapter = { scan: scanShopify, room: shopifyRoom };
export const ENABLED_SITE: SiteAdapter = { scan: scanEnabledSite, room: genericRoom };
