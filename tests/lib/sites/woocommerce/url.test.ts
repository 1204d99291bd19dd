import { describe, expect, it } from 'vitest';
import { matches, wooRoute } from '../../../../lib/sites/woocommerce/url';

describe('wooRoute', () => {
  it.each([
    ['https://shop.example/wp-admin/admin.php?page=wc-orders&action=edit&id=1187', { storage: 'hpos', orderId: '1187' }],
    ['https://shop.example/wp-admin/admin.php?action=edit&id=1187&page=wc-orders', { storage: 'hpos', orderId: '1187' }],
    ['https://shop.example/wp-admin/post.php?post=1190&action=edit', { storage: 'posts', orderId: '1190' }],
    ['http://example.org/shop/wp-admin/post.php?post=5&action=edit&classic-editor', { storage: 'posts', orderId: '5' }],
  ])('reads %s', (url, expected) => {
    expect(wooRoute(url)).toEqual(expected);
    expect(matches(url)).toBe(true);
  });

  it.each([
    'https://shop.example/wp-admin/admin.php?page=wc-orders',
    'https://shop.example/wp-admin/admin.php?page=wc-orders&action=new',
    'https://shop.example/wp-admin/admin.php?page=wc-settings&action=edit&id=3',
    'https://shop.example/wp-admin/post.php?post=abc&action=edit',
    'https://shop.example/wp-admin/edit.php?post_type=shop_order',
    'ftp://shop.example/wp-admin/post.php?post=1&action=edit',
  ])('does not match %s', (url) => {
    expect(matches(url)).toBe(false);
  });
});
