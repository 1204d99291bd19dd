// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findShopifyCustomer } from '../../../../lib/sites/shopify/finder';
import { SELECTOR } from '../../../../lib/sites/shopify/selectors';
import { loadPage } from '../fixtures';

const ORDER_URL = 'https://admin.shopify.com/store/demo-moebel/orders/5512390012';
const CUSTOMER_URL = 'https://admin.shopify.com/store/demo-moebel/customers/7301945577';
const COPY_BUTTON_ORDER_URL = 'https://admin.shopify.com/store/demo-moebel/orders/5512390031';

describe('findShopifyCustomer', () => {
  it("finds an order's customer, not the staff account or addresses in the timeline", () => {
    expect(findShopifyCustomer(loadPage('shopify', 'order.html'), ORDER_URL)).toEqual({
      pageKey: 'shopify/demo-moebel/order/5512390012',
      people: [{ email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'customer' }],
    });
  });

  it("finds a customer page's customer with the page title as the name", () => {
    expect(findShopifyCustomer(loadPage('shopify', 'customer.html'), CUSTOMER_URL).people).toEqual([
      { email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'customer' },
    ]);
  });

  it('falls back to an address shown as text when there is no mailto link', () => {
    const doc = loadPage('shopify', 'order.html');
    const link = doc.querySelector(SELECTOR.mailto);
    link?.replaceWith(doc.createTextNode(link.textContent ?? ''));
    expect(findShopifyCustomer(doc, ORDER_URL).people.map((p) => p.email)).toEqual(['maria.jensen@nordlicht-moebel.de']);
  });

  it('reads an address shown as text as it is, not glued to the next block (customer-text-email.html)', () => {
    // <p><span>tom@…</span></p><p>Will receive notifications in English</p>: textContent reads
    // "tom@becker-baeckerei.deWill receive…", and the page once showed tom@becker-baeckerei.dewill.
    expect(findShopifyCustomer(loadPage('shopify', 'customer-text-email.html'), CUSTOMER_URL).people).toEqual([
      { email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'customer' },
    ]);
  });

  it("finds an order's customer whose address is text beside a copy button (order-copy-button.html)", () => {
    expect(findShopifyCustomer(loadPage('shopify', 'order-copy-button.html'), COPY_BUTTON_ORDER_URL)).toEqual({
      pageKey: 'shopify/demo-moebel/order/5512390031',
      people: [{ email: 'maria.jensen@nordlicht-moebel.de', name: 'Maria Jensen', role: 'customer' }],
    });
  });

  it('finds no one on other admin pages or when the layout is unrecognized', () => {
    expect(findShopifyCustomer(loadPage('shopify', 'order.html'), 'https://admin.shopify.com/store/demo-moebel/orders')).toEqual({
      pageKey: null,
      people: [],
    });
    const bare = document.implementation.createHTMLDocument('x');
    expect(findShopifyCustomer(bare, ORDER_URL).people).toEqual([]);
  });
});
