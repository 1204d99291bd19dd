import { describe, expect, it } from 'vitest';
import { isShopifyAdmin, matches, shopifyRoute } from '../../../../lib/sites/shopify/url';

describe('shopifyRoute', () => {
  it.each([
    ['https://admin.shopify.com/store/demo-moebel/orders/5512390012', { kind: 'order', store: 'demo-moebel', id: '5512390012' }],
    ['https://admin.shopify.com/store/Demo-Moebel/customers/7301945577/', { kind: 'customer', store: 'demo-moebel', id: '7301945577' }],
    ['https://admin.shopify.com/store/demo-moebel/orders/5512390012?tab=timeline#x', { kind: 'order', store: 'demo-moebel', id: '5512390012' }],
    ['https://demo-moebel.myshopify.com/admin/orders/42', { kind: 'order', store: 'demo-moebel', id: '42' }],
    ['https://demo-moebel.myshopify.com/admin/customers/7', { kind: 'customer', store: 'demo-moebel', id: '7' }],
  ])('reads %s', (url, expected) => {
    expect(shopifyRoute(url)).toEqual(expected);
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://admin.shopify.com/store/demo-moebel/orders',
    'https://admin.shopify.com/store/demo-moebel/customers/segments',
    'https://admin.shopify.com/store/demo-moebel/products/12',
    'https://admin.shopify.com/store/demo-moebel/orders/12/refund',
    'http://admin.shopify.com/store/demo-moebel/orders/12',
    'https://admin.shopify.com.evil.example/store/x/orders/12',
    'https://demo-moebel.myshopify.com/products/12',
    'not a url',
  ])('does not match %s', (url) => {
    expect(shopifyRoute(url)).toBeNull();
    expect(matches(url)).toBe(false);
  });

  it('knows the admin as a whole, so the script follows its navigation', () => {
    expect(isShopifyAdmin('https://admin.shopify.com/store/demo-moebel/products')).toBe(true);
    expect(isShopifyAdmin('https://www.shopify.com/store/demo')).toBe(false);
  });
});
