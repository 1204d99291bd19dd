import { Columns, type FormatId, type ImportFormat } from '../format';
import { googleContacts } from './google-contacts';
import { shopifyCustomers } from './shopify-customers';
import { shopifyOrders } from './shopify-orders';
import { woocommerceAnalyticsCustomers, woocommerceAnalyticsOrders, woocommerceOrders } from './woocommerce';

/** The known export layouts, most specific first; anything else goes through a mapping. */
export const FORMATS: readonly ImportFormat[] = [
  shopifyOrders,
  shopifyCustomers,
  woocommerceOrders,
  woocommerceAnalyticsOrders,
  woocommerceAnalyticsCustomers,
  googleContacts,
];

export function detectFormat(headers: readonly string[]): ImportFormat | null {
  const columns = new Columns(headers);
  return FORMATS.find((f) => f.matches(columns)) ?? null;
}

export function formatById(id: FormatId): ImportFormat | null {
  return FORMATS.find((f) => f.id === id) ?? null;
}
