import type { FoundPerson } from '../../messaging/protocol';
import { addressesInMailto, cleanCandidate } from '../generic/emails';
import { CUSTOMER_OPTION, SELECTOR } from './selectors';
import { wooRoute } from './url';

/**
 * The customer of a WooCommerce order edit page: the registered customer picked in the order
 * (name and address from the picker's option), else the billing address (guest orders have
 * only that: storefront-admin-selectors.json notes). Pure and never throws; a page without the
 * order panel (post.php editing a blog post) yields no one.
 */

export interface WooPage {
  /** True when the page has the order panel, i.e. really is an order. */
  isOrder: boolean;
  pageKey: string | null;
  people: FoundPerson[];
}

const MAX_NAME = 200;

export function findWooCustomer(root: ParentNode, url: string): WooPage {
  const route = wooRoute(url);
  if (!route) return { isOrder: false, pageKey: null, people: [] };
  try {
    const panel = root.querySelector(SELECTOR.orderPanel);
    if (!panel) return { isOrder: false, pageKey: null, people: [] };
    return { isOrder: true, pageKey: `woocommerce/order/${route.orderId}`, people: find(root) };
  } catch {
    return { isOrder: false, pageKey: null, people: [] };
  }
}

function find(root: ParentNode): FoundPerson[] {
  const billingName = clean(
    `${value(root.querySelector(SELECTOR.billingFirstName))} ${value(root.querySelector(SELECTOR.billingLastName))}`,
  );
  const people: FoundPerson[] = [];
  const add = (email: string | null, name: string) => {
    if (email && !people.some((p) => p.email === email)) people.push({ email, name, role: 'customer' });
  };

  const option = root.querySelector(SELECTOR.customerOption);
  const picked = CUSTOMER_OPTION.exec(clean(option?.textContent));
  if (picked) add(cleanCandidate(picked[2]), clean(picked[1]));

  const billing = root.querySelector(SELECTOR.billingMailto)?.getAttribute('href') ?? '';
  add(addressesInMailto(billing)[0] ?? cleanCandidate(value(root.querySelector(SELECTOR.billingEmail))), billingName);
  return people;
}

function value(el: Element | null): string {
  if (!el) return '';
  // The live value (what the merchant typed in the edit form) before the page's initial one.
  const live = (el as Partial<HTMLInputElement>).value;
  return typeof live === 'string' ? live : (el.getAttribute('value') ?? '');
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}
