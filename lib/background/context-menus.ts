import { guessCompanyFromEmail } from '../email/company';
import { normalizeEmail } from '../email/normalize';
import { createCustomer, type CrmDatabase, findCustomersByEmails } from '../db/index';
import { NOTE_MAX } from '../model/records';
import type { QuickNoteDraft } from '../messaging/messages/quick-notes';

/** Context-menu items: a note from selected text; a customer or a note from a mailto link. */

export const MENU_IDS = {
  noteFromSelection: 'crm-note-from-selection',
  addCustomer: 'crm-add-customer',
  noteAboutAddress: 'crm-note-about-address',
} as const;

type MenuContext = 'selection' | 'link';

export interface MenuItem {
  id: string;
  title: string;
  contexts: [MenuContext, ...MenuContext[]];
  targetUrlPatterns?: string[];
}

const MAILTO = ['mailto:*'];

export const MENU_ITEMS: readonly MenuItem[] = [
  { id: MENU_IDS.noteFromSelection, title: 'Save as a note about…', contexts: ['selection'] },
  { id: MENU_IDS.addCustomer, title: 'Add as customer', contexts: ['link'], targetUrlPatterns: MAILTO },
  { id: MENU_IDS.noteAboutAddress, title: 'Note about this customer', contexts: ['link'], targetUrlPatterns: MAILTO },
];

/** The (normalized) first address of a mailto link, or null. Link URLs come from the page. */
export function mailtoAddress(linkUrl: string): string | null {
  if (!/^mailto:/i.test(linkUrl)) return null;
  const to = linkUrl.slice('mailto:'.length).split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return null;
  }
  const first = decoded.split(',', 1)[0] ?? '';
  return normalizeEmail(first);
}

/** What a menu click reports (a subset of `contextMenus.OnClickData`). */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  linkText?: string;
}

export interface MenuDeps {
  db: CrmDatabase;
  putDraft(draft: QuickNoteDraft): Promise<void>;
  /** Opens the quick-note popup (or a small window where the popup cannot be opened). */
  openQuickNote(): Promise<void>;
  now(): number;
}

/**
 * Handles a menu click. Nothing from the page is trusted: the selection becomes note text (cut
 * to the note limit) and the link must be a mailto with a valid address. "Add as customer"
 * creates the customer at once (name from the link text when it is not just the address) and
 * opens the popup on them, so a note can follow in the same motion.
 */
export async function handleMenuClick(click: MenuClick, tabId: number | null, deps: MenuDeps): Promise<void> {
  if (click.menuItemId === MENU_IDS.noteFromSelection) {
    const body = (click.selectionText ?? '').trim().slice(0, NOTE_MAX);
    await deps.putDraft({ body, email: null, customerId: null, tabId });
    await deps.openQuickNote();
    return;
  }
  if (click.menuItemId !== MENU_IDS.addCustomer && click.menuItemId !== MENU_IDS.noteAboutAddress) return;
  const email = mailtoAddress(click.linkUrl ?? '');
  if (email === null) return;
  const known = (await findCustomersByEmails(deps.db, [email])).get(email);
  let customerId = known?.id ?? null;
  if (customerId === null && click.menuItemId === MENU_IDS.addCustomer) {
    const text = (click.linkText ?? '').trim();
    const name = text !== '' && normalizeEmail(text) !== email ? text.slice(0, 200) : '';
    const customer = await createCustomer(
      deps.db,
      { name, email, companyName: guessCompanyFromEmail(email)?.name ?? null, phone: null, tags: [] },
      deps.now(),
    );
    customerId = customer.id;
  }
  await deps.putDraft({ body: '', email, customerId, tabId });
  await deps.openQuickNote();
}
