import type { FoundPerson } from '../../messaging/protocol';
import { addressesInMailto } from '../generic/emails';
import { addressesInVisibleText } from '../generic/visible-text';
import { CUSTOMER_HREF, SELECTOR } from './selectors';
import { shopifyRoute } from './url';

/**
 * The customer of a Shopify admin order or customer page. Pure: reads attributes and text of
 * the main region only (the staff account menu with the user's own address is outside it),
 * never throws; an admin DOM we do not recognize yields no one (the sidebar then offers search).
 */

export interface ShopifyPage {
  /** `shopify/<store>/order/<id>`, so the sidebar resets its selection on another page. */
  pageKey: string | null;
  people: FoundPerson[];
}

const MAX_NAME = 200;

export function findShopifyCustomer(root: ParentNode, url: string): ShopifyPage {
  const route = shopifyRoute(url);
  if (!route) return { pageKey: null, people: [] };
  const pageKey = `shopify/${route.store}/${route.kind}/${route.id}`.slice(0, 100);
  try {
    return { pageKey, people: find(root, route.kind) };
  } catch {
    return { pageKey, people: [] };
  }
}

function find(root: ParentNode, kind: 'order' | 'customer'): FoundPerson[] {
  const main = root.querySelector(SELECTOR.main) ?? root;
  const name = kind === 'order' ? orderCustomerName(main) : clean(main.querySelector(SELECTOR.heading)?.textContent);

  // The customer's section: on an order page the one around the customer link; on a customer
  // page the whole main region (it is all about them).
  const scope = kind === 'order' ? customerSection(main) : main;
  let emails = scope ? mailtoAddresses(scope) : [];
  // Some layouts show the address as plain text with a copy button instead of a link.
  if (emails.length === 0 && scope) emails = addressesInVisibleText(scope as Node);
  const first = emails[0];
  return first ? [{ email: first, name: name.includes('@') ? '' : name, role: 'customer' }] : [];
}

function customerLinks(main: ParentNode): Element[] {
  return Array.from(main.querySelectorAll(SELECTOR.customerLink)).filter((a) =>
    CUSTOMER_HREF.test(a.getAttribute('href') ?? ''),
  );
}

function orderCustomerName(main: ParentNode): string {
  for (const link of customerLinks(main)) {
    const text = clean(link.textContent);
    if (text) return text;
  }
  return '';
}

/**
 * The smallest ancestor of the customer link that also holds a mailto link: the customer card.
 * Walking up from the link keeps the merchant's other addresses (a note, a timeline comment) out.
 */
function customerSection(main: ParentNode): ParentNode | null {
  const [link] = customerLinks(main);
  if (!link) return null;
  for (let el: Element | null = link; el && el !== main; el = el.parentElement) {
    if (el.querySelector(SELECTOR.mailto) || addressesInVisibleText(el).length > 0) return el;
  }
  return main;
}

function mailtoAddresses(scope: ParentNode): string[] {
  return Array.from(scope.querySelectorAll(SELECTOR.mailto)).flatMap((a) => addressesInMailto(a.getAttribute('href') ?? ''));
}

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}
