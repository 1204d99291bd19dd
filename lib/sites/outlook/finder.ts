import type { FoundPerson, PageView, PersonRole } from '../../messaging/protocol';
import { PERSON_ROLES } from '../../messaging/vocabulary';
import { cleanAddress, cleanName, roleOfLabel, splitContact } from '../text';
import { SELECTOR } from './selectors';
import { outlookRoute } from './url';

/**
 * Finds the people of the conversation open in Outlook on the web, and the recipients of a
 * message being written (inline reply or new message). Pure: reads attributes and text only (no
 * layout), never throws; a DOM it does not recognize yields no people.
 *
 * Outlook shows a sender as "Name<address>" but most recipients by name only. A name is turned
 * into an address when the same name is shown with one elsewhere on the page (a sender, a
 * compose pill, a row of the conversation list); a name never shown with an address is not
 * reported (counted in `namesOnly`).
 */

export interface OutlookPage {
  view: PageView;
  threadId: string | null;
  /** The signed-in mailbox's address, left out of `people`. */
  self: string | null;
  people: FoundPerson[];
  /** People shown by name only, with no address anywhere on the page. */
  namesOnly: number;
}

/** A person as the page shows them, before names are resolved. */
interface Shown {
  name: string;
  email: string | null;
  role: PersonRole;
}

/** PageReport accepts at most 500 people. */
const MAX_PEOPLE = 500;

export function findOutlookPeople(doc: Document, url: string): OutlookPage {
  const route = outlookRoute(url);
  try {
    return find(doc, route);
  } catch {
    return { view: route.view, threadId: route.itemId, self: null, people: [], namesOnly: 0 };
  }
}

function find(doc: Document, route: ReturnType<typeof outlookRoute>): OutlookPage {
  const self = accountAddress(doc);
  const messages = messagesOf(doc);
  const composed = composeRecipients(doc);
  // A conversation on screen is the thread, a reply being written under it included; a message
  // being written alone is compose (a new message opens in the pane without a URL change).
  let view: PageView = route.view;
  if (route.view !== 'compose' && messages.length > 0) view = 'thread';
  else if (composed.forms > 0 && route.view !== 'other') view = 'compose';
  const threadId = view === 'thread' ? (conversationId(doc) ?? route.itemId) : null;

  const shown: Shown[] = view === 'thread' ? [...messages.flatMap(messagePeople), ...composed.people] : view === 'compose' ? composed.people : [];
  const book = addressBook(doc, shown);
  const names = new Map<string, string>();
  for (const [key, email] of book.byName) if (!names.has(email)) names.set(email, book.display.get(key) ?? '');
  const byEmail = new Map<string, { name: string; roles: Set<PersonRole> }>();
  let namesOnly = 0;
  for (const person of shown) {
    const email = person.email ?? book.byName.get(nameKey(person.name)) ?? null;
    if (!email) {
      namesOnly++;
      continue;
    }
    if (email === self) continue;
    const entry = byEmail.get(email) ?? { name: '', roles: new Set<PersonRole>() };
    byEmail.set(email, entry);
    entry.roles.add(person.role);
    if (person.name.length > entry.name.length) entry.name = person.name;
  }
  const people: FoundPerson[] = [];
  for (const [email, { name, roles }] of byEmail) {
    // An address shown bare (a pill, a Cc line) takes the name it has elsewhere on the page.
    const shownName = name || (names.get(email) ?? '');
    for (const role of PERSON_ROLES) if (roles.has(role)) people.push({ email, name: shownName, role });
  }
  return { view, threadId, self, people: people.slice(0, MAX_PEOPLE), namesOnly };
}

/** The signed-in mailbox's address, from the folder pane's root (its `data-folder-name` or `title`). */
function accountAddress(doc: Document): string | null {
  const root = doc.querySelector(SELECTOR.account);
  return cleanAddress(root?.getAttribute('data-folder-name')) ?? cleanAddress(root?.getAttribute('title'));
}

/** The open conversation's id, from its subject's element id (CONV_<id>_SUBJECT), else the selected row. */
function conversationId(doc: Document): string | null {
  const subject = doc.querySelector(SELECTOR.subject)?.id ?? '';
  const fromSubject = /^CONV_(.+)_SUBJECT$/.exec(subject)?.[1];
  if (fromSubject) return fromSubject.slice(0, 100);
  const row = Array.from(doc.querySelectorAll(SELECTOR.listRow)).find((r) => r.getAttribute('aria-selected') === 'true');
  return row?.getAttribute('data-convid')?.slice(0, 100) || null;
}

/**
 * Each message of the open conversation: the widest element around its date line that holds no
 * other message's date. Structure only, so it survives renamed classes and other languages.
 */
function messagesOf(doc: Document): Element[] {
  const scope = doc.querySelector(SELECTOR.readingPane) ?? doc;
  const messages: Element[] = [];
  for (const date of Array.from(scope.querySelectorAll(SELECTOR.date))) {
    let message: Element = date;
    for (let up = date.parentElement; up && up !== scope; up = up.parentElement) {
      if (up.querySelectorAll(SELECTOR.date).length > 1) break;
      message = up;
    }
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}

/** A message's sender (the person outside its recipient lines and body) and its To, Cc, Bcc. */
function messagePeople(message: Element): Shown[] {
  const found: Shown[] = [];
  const well = message.querySelector(SELECTOR.recipientWell);
  const sender = Array.from(message.querySelectorAll(SELECTOR.person)).find(
    (el) => !(well?.contains(el) ?? false) && !el.closest(SELECTOR.body) && !el.closest(SELECTOR.composeField),
  );
  const from = splitContact(sender?.textContent);
  if (from) found.push({ ...from, role: 'from' });
  if (!well) return found;
  const lines = Array.from(well.querySelectorAll(SELECTOR.recipientLine));
  lines.forEach((line, index) => {
    // "To: …" / "An: …" in the label or the line's own text; by position where the word is unknown.
    const role = headerRole(line.getAttribute('aria-label') ?? line.textContent) ?? (index === 0 ? 'to' : 'cc');
    const targets = Array.from(line.querySelectorAll(SELECTOR.person));
    const texts = targets.length > 0 ? targets.map((t) => t.textContent ?? '') : lineNames(line.textContent);
    for (const text of texts) {
      const person = splitContact(text);
      if (person) found.push({ ...person, role });
    }
  });
  return found;
}

function headerRole(label: string | null): PersonRole | null {
  const role = roleOfLabel(label);
  return role === 'from' ? null : role;
}

/** A recipient line without person elements: "To: Name One; Name Two" (Outlook joins them with ';'). */
function lineNames(text: string | null): string[] {
  return cleanName(text)
    .replace(/^[^\s:]+:\s*/, '')
    .split(/[;\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * The recipients of the messages being written: each editable body's form holds the To, Cc and
 * Bcc fields (named by their label, else in that order), each recipient a pill inside a field.
 */
function composeRecipients(doc: Document): { forms: number; people: Shown[] } {
  const people: Shown[] = [];
  let forms = 0;
  for (const body of Array.from(doc.querySelectorAll(SELECTOR.composeBody))) {
    let form: Element | null = body.parentElement;
    while (form && !form.querySelector(SELECTOR.composeField)) form = form.parentElement;
    if (!form) continue;
    forms++;
    const fields = Array.from(form.querySelectorAll(SELECTOR.composeField)).filter((f) => !f.parentElement?.closest(SELECTOR.composeField));
    fields.forEach((field, index) => {
      const role = headerRole(field.getAttribute('aria-label')) ?? (['to', 'cc', 'bcc'] as const)[index] ?? 'bcc';
      for (const pill of pillsOf(field)) {
        const person = splitContact(pill.textContent);
        if (person) people.push({ ...person, role });
      }
    });
  }
  return { forms, people };
}

/** A field's recipients: its non-editable children (Outlook's pills), else its persona targets. */
function pillsOf(field: Element): Element[] {
  const pills = Array.from(field.children).filter((child) => child.getAttribute('contenteditable') === 'false');
  return pills.length > 0 ? pills : Array.from(field.querySelectorAll(SELECTOR.person));
}

/** Names seen with an address on the page: the shown people themselves and the conversation list's senders. */
function addressBook(doc: Document, shown: readonly Shown[]): { byName: Map<string, string>; display: Map<string, string> } {
  const byName = new Map<string, string>();
  const display = new Map<string, string>();
  const ambiguous = new Set<string>();
  const learn = (name: string, email: string | null) => {
    const key = nameKey(name);
    if (!key || !email) return;
    const known = byName.get(key);
    // Two addresses under one name: the name says nothing about which one.
    if (known !== undefined && known !== email) ambiguous.add(key);
    byName.set(key, email);
    display.set(key, name);
  };
  for (const person of shown) learn(person.name, person.email);
  for (const el of Array.from(doc.querySelectorAll(SELECTOR.listSender))) learn(cleanName(el.textContent), cleanAddress(el.getAttribute('title')));
  for (const key of ambiguous) byName.delete(key);
  return { byName, display };
}

function nameKey(name: string): string {
  return name.toLowerCase();
}
