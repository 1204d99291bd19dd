/**
 * Bundled into the background service worker by the bench (bench/bundle.ts): the background's
 * own lookup and recompute code, run against the extension's own database.
 */
export { openDatabase } from '../lib/db/database';
export { findCustomersByEmails, getCustomerCard } from '../lib/db/customers';
export { bookOrders } from '../lib/db/orders/book';
export { DEFAULT_SETTINGS, recomputeAll } from '../lib/insights/index';
