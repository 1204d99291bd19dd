import { describe, expect, it } from 'vitest';
import { builtInHostPatterns, builtInNames, builtInSiteOf, siteById, SITE_IDS } from '../../../lib/sites/registry';
import { matchesPattern } from '../../../lib/sites/site';

describe('matchesPattern', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'https://mail.google.com/*', true],
    ['https://mail.google.com/', 'https://mail.google.com/*', true],
    ['http://mail.google.com/', 'https://mail.google.com/*', false],
    ['https://mail.google.com.evil.example/', 'https://mail.google.com/*', false],
    ['https://admin.shopify.com/store/x/orders/1', 'https://admin.shopify.com/store/*', true],
    ['https://admin.shopify.com/', 'https://admin.shopify.com/store/*', false],
    ['https://a.b.example/x?y=1', 'https://*.example/*', true],
    ['https://example/x', 'https://*.example/*', true],
    ['http://shop.example/', '*://shop.example/*', true],
    ['ftp://shop.example/', '*://shop.example/*', false],
    ['not a url', 'https://*/*', false],
    ['https://x.example/', 'garbage', false],
  ])('%s against %s: %s', (url, pattern, expected) => {
    expect(matchesPattern(url, pattern)).toBe(expected);
  });
});

describe('the registry', () => {
  it('names every site, built-in ones first in the sentence the settings show', () => {
    expect(SITE_IDS).toEqual(expect.arrayContaining(['gmail', 'shopify', 'woocommerce', 'generic']));
    expect(siteById('gmail')?.kind).toBe('mail');
    expect(siteById('toString')).toBeNull();
    expect(siteById(null)).toBeNull();
    expect(builtInNames()).toMatch(/^Gmail, .* and the Shopify admin$|^Gmail and the Shopify admin$/);
  });

  it('tells built-in pages by the patterns the manifest grants', () => {
    expect(builtInSiteOf('https://mail.google.com/mail/u/0/#inbox')?.id).toBe('gmail');
    expect(builtInSiteOf('https://mail.google.com/')?.id).toBe('gmail');
    expect(builtInSiteOf('https://admin.shopify.com/')?.id).toBe('shopify');
    expect(builtInSiteOf('https://shop.example/wp-admin/post.php?post=1&action=edit')).toBeNull();
    expect(builtInHostPatterns()).toEqual(expect.arrayContaining(['https://mail.google.com/*', 'https://admin.shopify.com/*']));
  });
});
