/**
 * Pure predicates over Shopify admin URLs (storefront-admin-selectors.json, "shopify_admin":
 * ids in the URL are the reliable hook). Example URLs for every branch are in
 * tests/lib/sites/shopify/url.test.ts.
 *
 * - https://admin.shopify.com/store/<store>/orders/<numeric id>
 * - https://admin.shopify.com/store/<store>/customers/<numeric id>
 * - the older https://<shop>.myshopify.com/admin/orders/<id> (redirects to the above)
 */

export interface ShopifyRoute {
  kind: 'order' | 'customer';
  store: string;
  id: string;
}

const NEW_ADMIN = /^\/store\/([a-z0-9][a-z0-9-]*)\/(orders|customers)\/(\d+)\/?$/i;
const OLD_ADMIN = /^\/admin\/(orders|customers)\/(\d+)\/?$/i;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Any page of the Shopify admin (the content script runs on all of it to follow SPA navigation). */
export function isShopifyAdmin(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.hostname === 'admin.shopify.com') return parsed.pathname.startsWith('/store/');
  return parsed.hostname.endsWith('.myshopify.com') && parsed.pathname.startsWith('/admin');
}

/** The order or customer page the URL shows, or null for every other admin page. */
export function shopifyRoute(url: string): ShopifyRoute | null {
  const parsed = parse(url);
  if (!parsed || !isShopifyAdmin(url)) return null;
  if (parsed.hostname === 'admin.shopify.com') {
    const m = NEW_ADMIN.exec(parsed.pathname);
    if (!m?.[1] || !m[2] || !m[3]) return null;
    return { kind: m[2].toLowerCase() === 'orders' ? 'order' : 'customer', store: m[1].toLowerCase(), id: m[3] };
  }
  const m = OLD_ADMIN.exec(parsed.pathname);
  if (!m?.[1] || !m[2]) return null;
  const store = parsed.hostname.slice(0, -'.myshopify.com'.length);
  return { kind: m[1].toLowerCase() === 'orders' ? 'order' : 'customer', store, id: m[2] };
}

/** True on an order or customer page: the pages whose customer the adapter recognizes. */
export function matches(url: string): boolean {
  return shopifyRoute(url) !== null;
}
