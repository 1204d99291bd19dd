import type { SiteDescriptor } from '../site';

/** The Shopify admin: granted at install; the script runs on the whole admin to follow its navigation. */
export const shopifySite = {
  id: 'shopify',
  label: 'the Shopify admin',
  kind: 'store',
  access: 'built-in',
  matches: ['https://admin.shopify.com/store/*'],
  hosts: ['https://admin.shopify.com/*'],
} as const satisfies SiteDescriptor<'shopify'>;
