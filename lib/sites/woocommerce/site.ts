import type { SiteDescriptor } from '../site';

/** A WooCommerce store's admin: on the sites the user enables, its order pages read by this adapter. */
export const woocommerceSite = {
  id: 'woocommerce',
  label: 'WooCommerce',
  kind: 'store',
  access: 'opt-in',
  matches: [],
} as const satisfies SiteDescriptor<'woocommerce'>;
