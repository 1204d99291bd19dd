import { PERSON_ROLES } from '../../messaging/vocabulary';
import type { FoundPerson, PageView, PersonRole } from '../../messaging/protocol';
import { findComposeRecipients } from './compose';
import { ATTR, ME_NAME, SELECTOR } from './selectors';
import { cleanAddress, cleanName, roleOfLabel } from '../text';
import { selfFromTitle } from './text';
import { viewFromUrl } from './url';

/**
 * Finds the people of the open Gmail thread in a DOM root. Pure: reads attributes and
 * textContent only (no layout reads, which would force Gmail to reflow), one querySelectorAll
 * pass for people, and never throws: a Gmail DOM we do not recognize yields no people.
 */

export interface FindOptions {
  /** The page URL; the route in its hash decides inbox vs compose vs thread. */
  url?: string;
}

export interface FoundPage {
  view: PageView;
  threadId: string | null;
  /** The signed-in user, left out of `people`. */
  self: string | null;
  /** One entry per address and role (FoundPerson holds one role), grouped by address in page order. */
  people: FoundPerson[];
}

export interface ListedPerson {
  email: string;
  name: string;
}

/** PageReport accepts at most 500 people; a longer list would be refused as a whole. */
const MAX_PEOPLE = 500;

export function findPeople(root: ParentNode, opts: FindOptions = {}): FoundPage {
  const route = opts.url === undefined ? null : viewFromUrl(opts.url);
  try {
    return find(root, route);
  } catch {
    return { view: route?.view ?? 'other', threadId: route?.threadId ?? null, self: null, people: [] };
  }
}

/**
 * The participants of the thread-list rows (`tr.zA [email]`), for list views. Not part of a
 * thread report: a list shows many unrelated threads, and the sidebar is about one.
 */
export function findThreadListPeople(root: ParentNode): { self: string | null; people: ListedPerson[] } {
  try {
    const people = new People();
    let meFromRows: string | null = null;
    for (const el of Array.from(root.querySelectorAll(SELECTOR.threadListPerson))) {
      const email = addressOf(el);
      if (!email) continue;
      if (el.getAttribute(ATTR.name) === ME_NAME) {
        meFromRows ??= email;
        people.exclude(email);
        continue;
      }
      people.add(email, el, 'from');
    }
    const self = selfFromTitle(titleOf(root)) ?? meFromRows;
    if (self) people.exclude(self);
    return { self, people: people.entries().map(({ email, name }) => ({ email, name })) };
  } catch {
    return { self: null, people: [] };
  }
}

interface Hit {
  el: Element;
  email: string;
  role: PersonRole;
  /** The header line (.hb) only says "recipient"; the details table (.ajC) says to/cc/bcc. */
  source: 'sender' | 'line' | 'details';
  message: Element | null;
}

function find(root: ParentNode, route: ReturnType<typeof viewFromUrl> | null): FoundPage {
  const subject = root.querySelector(SELECTOR.threadSubject);
  const threadOpen = root.querySelector(SELECTOR.threadOpen) !== null;
  const view = decideView(root, route, threadOpen);
  const domThreadId = subject?.getAttribute(ATTR.legacyThreadId)?.trim().slice(0, 100) || null;
  const threadId = view === 'thread' ? (domThreadId ?? route?.threadId ?? null) : null;

  const me = new Set<string>();
  const hits: Hit[] = [];
  const messagesWithDetails = new Set<Element | null>();
  const persons = view === 'thread' ? root.querySelectorAll(SELECTOR.person) : [];
  for (const el of Array.from(persons)) {
    const email = addressOf(el);
    if (!email) continue;
    if (el.getAttribute(ATTR.name) === ME_NAME) me.add(email);
    const hit = classify(el, email);
    if (!hit) continue;
    if (hit.source === 'details') messagesWithDetails.add(hit.message);
    hits.push(hit);
  }
  if (view !== 'thread') {
    // Still worth knowing who the user is outside a thread (e.g. for the inbox's name="me").
    for (const el of Array.from(root.querySelectorAll(SELECTOR.me))) {
      const email = addressOf(el);
      if (email) me.add(email);
    }
  }

  const self = selfFromTitle(titleOf(root)) ?? firstOf(me);
  // While writing, the recipients being typed are the people (lib/sites/gmail/compose.ts).
  if (view === 'compose') {
    const typed = findComposeRecipients(root).filter((p) => p.email !== self && !me.has(p.email));
    return { view, threadId, self, people: typed.slice(0, MAX_PEOPLE) };
  }
  const people = new People();
  for (const hit of hits) {
    // Where the user opened the details table, it tells to from cc for that message's
    // recipients; the header line then only lends its names.
    const lineOverridden = hit.source === 'line' && messagesWithDetails.has(hit.message);
    people.add(hit.email, hit.el, lineOverridden ? null : hit.role);
  }
  // A reply written inline under the thread: its recipients join as they are added (a colleague
  // put in Cc is someone the sidebar should know about before the reply is sent).
  if (view === 'thread') {
    for (const typed of findComposeRecipients(root, { inlineOnly: true })) people.addTyped(typed);
  }
  if (self) people.exclude(self);
  for (const address of me) people.exclude(address);

  const found: FoundPerson[] = [];
  for (const entry of people.entries()) {
    for (const role of PERSON_ROLES) {
      if (entry.roles.has(role)) found.push({ email: entry.email, name: entry.name, role });
    }
  }
  return { view, threadId, self, people: found.slice(0, MAX_PEOPLE) };
}

function decideView(root: ParentNode, route: ReturnType<typeof viewFromUrl> | null, threadOpen: boolean): PageView {
  // Compose and non-mail routes (settings, contacts) stand even if a thread lingers in the DOM.
  if (route && (route.view === 'compose' || route.view === 'other')) return route.view;
  // A list URL with a thread in the DOM is the preview pane, which shows the thread beside the list.
  if (threadOpen) return 'thread';
  if (route) return route.view;
  const looksLikeList = root.querySelector(SELECTOR.threadListRow) !== null || root.querySelector(SELECTOR.main) !== null;
  return looksLikeList ? 'inbox' : 'other';
}

function classify(el: Element, email: string): Hit | null {
  const message = el.closest(SELECTOR.message);
  const details = el.closest(SELECTOR.detailsTable);
  if (details) {
    const role = roleFromDetailsRow(el) ?? (el.matches(SELECTOR.sender) ? 'from' : 'to');
    return { el, email, role, source: 'details', message };
  }
  // Outside a message container this is not a thread participant (chat roster, list rows).
  if (!message) return null;
  if (el.matches(SELECTOR.sender)) return { el, email, role: 'from', source: 'sender', message };
  if (el.matches(SELECTOR.recipient) && el.closest(SELECTOR.recipientLine)) {
    return { el, email, role: 'to', source: 'line', message };
  }
  return null;
}

function roleFromDetailsRow(el: Element): PersonRole | null {
  // The details table is localized with the Gmail UI; an unknown label falls back to the class.
  return roleOfLabel(el.closest(SELECTOR.detailsRow)?.firstElementChild?.textContent);
}

function addressOf(el: Element): string | null {
  return cleanAddress(el.getAttribute(ATTR.email)) ?? cleanAddress(el.getAttribute(ATTR.hovercardId));
}

function titleOf(root: ParentNode): string | null {
  const doc = isDocument(root) ? root : (root as Partial<Node>).ownerDocument;
  return doc?.querySelector('title')?.textContent ?? null;
}

function isDocument(root: ParentNode): root is Document {
  return (root as Partial<Node>).nodeType === 9;
}

function firstOf<T>(set: ReadonlySet<T>): T | null {
  for (const value of set) return value;
  return null;
}

interface Entry {
  email: string;
  name: string;
  /** 2 = from the `name` attribute, 1 = from the element's text. */
  nameSource: number;
  roles: Set<PersonRole>;
}

/** De-duplicates by lower-cased address, merging roles and keeping the best display name. */
class People {
  private readonly byEmail = new Map<string, Entry>();
  private readonly excluded = new Set<string>();

  /** `role` null: the element only vouches for the name. */
  add(email: string, el: Element, role: PersonRole | null): void {
    const [name, source] = nameOf(el, email);
    this.put(email, role, name, source);
  }

  /** A recipient typed into a compose form: the chip's name ranks as an attribute's. */
  addTyped({ email, name, role }: FoundPerson): void {
    const clean = usableName(name, email);
    this.put(email, role, clean, clean ? 2 : 0);
  }

  private put(email: string, role: PersonRole | null, name: string, source: number): void {
    const entry = this.byEmail.get(email) ?? { email, name: '', nameSource: 0, roles: new Set<PersonRole>() };
    this.byEmail.set(email, entry);
    if (role) entry.roles.add(role);
    // Prefer the attribute (Gmail's full name) over visible text ("Maria" in "to Maria, me"),
    // then the longer of two, which is the fuller form of the same name.
    if (source > entry.nameSource || (source === entry.nameSource && name.length > entry.name.length)) {
      entry.name = name;
      entry.nameSource = source;
    }
  }

  exclude(email: string): void {
    this.excluded.add(email);
  }

  entries(): Entry[] {
    return [...this.byEmail.values()].filter((entry) => entry.roles.size > 0 && !this.excluded.has(entry.email));
  }
}

function nameOf(el: Element, email: string): [string, number] {
  const fromAttr = usableName(el.getAttribute(ATTR.name), email);
  if (fromAttr) return [fromAttr, 2];
  const fromText = usableName(el.textContent, email);
  return fromText ? [fromText, 1] : ['', 0];
}

function usableName(raw: string | null, email: string): string {
  // Text in the details table can read "Name <address>" (InboxSDK parses it the same way).
  const name = cleanName(raw?.replace(/<[^<>]*>/g, ' '));
  if (!name || name.toLowerCase() === email || name.toLowerCase() === ME_NAME || name.includes('@')) return '';
  return name;
}
