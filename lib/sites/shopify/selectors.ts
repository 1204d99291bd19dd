/**
 * Every piece of Shopify admin DOM knowledge in one place. The admin is a React/Polaris app
 * whose class names carry build hashes (storefront-admin-selectors.json, "shopify_admin"), so
 * nothing here uses a class: only landmarks, `href` shapes and standard attributes.
 *
 * Tested against the fixtures in tests/fixtures/pages/shopify/ (authored to these facts; no
 * real saved admin page exists, see that folder's SOURCES.md) with expected match counts in
 * tests/lib/sites/shopify/finder.test.ts.
 */
export const SELECTOR = {
  /** The app frame's main region; the top bar (staff account menu, its address) lies outside it. */
  main: 'main, [role="main"]',
  /** On an order page the customer's name links to their customer page. */
  customerLink: 'a[href*="/customers/"]',
  /** The customer's address in the contact card (Polaris renders it as a mailto link). */
  mailto: 'a[href^="mailto:" i]',
  /** The customer page's title is the customer's name. */
  heading: 'h1',
} as const;

/** Links to a customer page (never the customers list or a segment). */
export const CUSTOMER_HREF = /\/customers\/\d+(?:[/?#]|$)/;
