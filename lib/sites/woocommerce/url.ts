/**
 * Pure predicates over WooCommerce order-edit URLs, in both order storage modes
 * (storefront-admin-selectors.json, "woocommerce_order_edit".urls), on any host: WordPress
 * may live in a subfolder (`/shop/wp-admin/…`). Example URLs are in
 * tests/lib/sites/woocommerce/url.test.ts.
 *
 * - HPOS (default since WooCommerce 8.2): /wp-admin/admin.php?page=wc-orders&action=edit&id=<id>
 * - posts storage: /wp-admin/post.php?post=<id>&action=edit (the post type is only in the DOM)
 */

export interface WooRoute {
  storage: 'hpos' | 'posts';
  orderId: string;
}

export function wooRoute(url: string): WooRoute | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const query = parsed.searchParams;
  if (query.get('action') !== 'edit') return null;
  if (parsed.pathname.endsWith('/wp-admin/admin.php') && query.get('page') === 'wc-orders') {
    const id = query.get('id');
    return id && /^\d+$/.test(id) ? { storage: 'hpos', orderId: id } : null;
  }
  if (parsed.pathname.endsWith('/wp-admin/post.php')) {
    const id = query.get('post');
    return id && /^\d+$/.test(id) ? { storage: 'posts', orderId: id } : null;
  }
  return null;
}

/** True on a page that may be an order edit page (post.php edits other post types too). */
export function matches(url: string): boolean {
  return wooRoute(url) !== null;
}
