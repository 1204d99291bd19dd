// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findWooCustomer } from '../../../../lib/sites/woocommerce/finder';
import { SELECTOR } from '../../../../lib/sites/woocommerce/selectors';
import { loadPage } from '../fixtures';

const HPOS = 'https://shop.example-moebel.test/wp-admin/admin.php?page=wc-orders&action=edit&id=1187';
const POSTS = 'https://shop.example-moebel.test/wp-admin/post.php?post=1190&action=edit';

describe('woocommerce selectors', () => {
  it('match the fixtures as many times as expected', () => {
    const hpos = loadPage('woocommerce', 'order-hpos.html');
    expect(hpos.querySelectorAll(SELECTOR.orderPanel)).toHaveLength(1);
    expect(hpos.querySelectorAll(SELECTOR.customerOption)).toHaveLength(1);
    expect(hpos.querySelectorAll(SELECTOR.billingMailto)).toHaveLength(1);
    const posts = loadPage('woocommerce', 'order-posts.html');
    expect(posts.querySelectorAll(SELECTOR.customerOption)).toHaveLength(0);
    expect(posts.querySelectorAll(SELECTOR.billingEmail)).toHaveLength(1);
  });
});

describe('findWooCustomer', () => {
  it('finds the registered customer of an HPOS order, not the addresses in its notes', () => {
    expect(findWooCustomer(loadPage('woocommerce', 'order-hpos.html'), HPOS)).toEqual({
      isOrder: true,
      pageKey: 'woocommerce/order/1187',
      people: [{ email: 'tom@becker-baeckerei.de', name: 'Tom Becker', role: 'customer' }],
    });
  });

  it('finds the billing address of a guest order in posts storage', () => {
    expect(findWooCustomer(loadPage('woocommerce', 'order-posts.html'), POSTS)).toEqual({
      isOrder: true,
      pageKey: 'woocommerce/order/1190',
      people: [{ email: 'lena.vogel@gmail.com', name: 'Lena Vogel', role: 'customer' }],
    });
  });

  it('reports both when the picked customer and the billing address differ', () => {
    const doc = loadPage('woocommerce', 'order-hpos.html');
    doc.querySelector(SELECTOR.billingMailto)?.setAttribute('href', 'mailto:einkauf@becker-baeckerei.de');
    expect(findWooCustomer(doc, HPOS).people.map((p) => p.email)).toEqual(['tom@becker-baeckerei.de', 'einkauf@becker-baeckerei.de']);
  });

  it('uses the edit form when the read-only billing view has no link', () => {
    const doc = loadPage('woocommerce', 'order-posts.html');
    doc.querySelector(SELECTOR.billingMailto)?.remove();
    expect(findWooCustomer(doc, POSTS).people.map((p) => p.email)).toEqual(['lena.vogel@gmail.com']);
  });

  it('is not an order when post.php edits something else', () => {
    const doc = loadPage('woocommerce', 'order-posts.html');
    doc.querySelector('#order_data')?.remove();
    expect(findWooCustomer(doc, POSTS)).toEqual({ isOrder: false, pageKey: null, people: [] });
  });
});
