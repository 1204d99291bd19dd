import type { FoundPerson, PersonRole } from '../../messaging/protocol';
import { cleanAddress, cleanName } from '../text';

/**
 * The recipients of open compose windows, as they are typed: context while writing. Pure,
 * never throws. Each selector names its record in gmail-dom-selectors.json ("compose").
 */

export const COMPOSE_SELECTOR = {
  /** compose: "compose root (new, reply, forward)" (div.M9; popout window div.AD). */
  root: 'div.M9, div.AD',
  /**
   * compose: "recipients, PeopleKit UI" (div[name=to|cc|bcc] div[data-hovercard-id], gmail.js;
   * [role=option][data-name] with the address in data-hovercard-id, InboxSDK).
   */
  peopleKit: 'div[name="to"] [data-hovercard-id], div[name="cc"] [data-hovercard-id], div[name="bcc"] [data-hovercard-id]',
  /** compose: "recipients, old chip UI" (input[type=hidden][name=to|cc|bcc], value = address). */
  oldChip: 'input[type="hidden"][name="to"], input[type="hidden"][name="cc"], input[type="hidden"][name="bcc"]',
  /** thread_view: "main content region" (div[role=main]): a compose root inside it is an inline reply. */
  inlineScope: 'div[role=main]',
} as const;

const ROLES: ReadonlySet<string> = new Set(['to', 'cc', 'bcc']);

/**
 * `inlineOnly`: only the compose forms inside the main region, i.e. an inline reply written under
 * the open thread (gmail.js: div.M9 is the root of new messages, replies and forwards alike; a new
 * message floats in the dock outside the main region).
 */
export function findComposeRecipients(root: ParentNode, { inlineOnly = false }: { inlineOnly?: boolean } = {}): FoundPerson[] {
  try {
    const found: FoundPerson[] = [];
    const seen = new Set<string>();
    for (const compose of Array.from(root.querySelectorAll(COMPOSE_SELECTOR.root))) {
      if (inlineOnly && !compose.closest(COMPOSE_SELECTOR.inlineScope)) continue;
      for (const el of Array.from(compose.querySelectorAll(COMPOSE_SELECTOR.peopleKit))) {
        const role = roleOf(el.closest('[name]')?.getAttribute('name'));
        add(found, seen, cleanAddress(el.getAttribute('data-hovercard-id')), cleanName(el.getAttribute('data-name')), role);
      }
      for (const input of Array.from(compose.querySelectorAll<HTMLInputElement>(COMPOSE_SELECTOR.oldChip))) {
        add(found, seen, cleanAddress(input.value || input.getAttribute('value')), '', roleOf(input.getAttribute('name')));
      }
    }
    return found;
  } catch {
    return [];
  }
}

function roleOf(name: string | null | undefined): PersonRole | null {
  return name && ROLES.has(name) ? (name as PersonRole) : null;
}

function add(found: FoundPerson[], seen: Set<string>, email: string | null, name: string, role: PersonRole | null) {
  if (!email || !role || seen.has(`${email} ${role}`)) return;
  seen.add(`${email} ${role}`);
  found.push({ email, name: name.includes('@') ? '' : name, role });
}
