import { z } from 'zod';
import { ConsentPatch, CustomerCard, NewCustomer } from '../../model/customer-forms';
import { Customer, Id, NOTE_MAX, Note } from '../../model/records';
import { message } from '../define';
import { PAGE_VIEWS, PERSON_ROLES } from '../vocabulary';
import { SITE_IDS, SITE_PERSON_ROLES } from './sites';

/** The spine: Gmail page reports, the sidebar's context and card, customers and notes. */

export { PAGE_VIEWS, PERSON_ROLES } from '../vocabulary';

/** Mail roles, plus how a person was found on other sites (see ./sites.ts). */
export const PersonRole = z.enum([...PERSON_ROLES, ...SITE_PERSON_ROLES]);
export type PersonRole = z.infer<typeof PersonRole>;

export const PageView = z.enum(PAGE_VIEWS);
export type PageView = z.infer<typeof PageView>;

/** One person as a content script found them on the page: raw strings, untrusted. */
export const FoundPerson = z.object({
  email: z.string().min(3).max(320),
  name: z.string().max(200),
  role: PersonRole,
});
export type FoundPerson = z.infer<typeof FoundPerson>;

export const PageReport = z.object({
  site: z.enum(['gmail', ...SITE_IDS]),
  view: PageView,
  threadId: z.string().max(100).nullable(),
  /** The signed-in user's address as the page shows it, if found. */
  self: z.string().max(320).nullable(),
  people: z.array(FoundPerson).max(500),
});
export type PageReport = z.infer<typeof PageReport>;

/** A person of the current tab as the sidebar sees them: normalized, matched. */
export const TabPerson = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.array(PersonRole),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  /** For unknown people: a company name guessed from the address's domain (never free mail). */
  companyGuess: z.string().nullable(),
});
export type TabPerson = z.infer<typeof TabPerson>;

export { ConsentPatch, CustomerCard, NewCustomer } from '../../model/customer-forms';

export const TabContext = z.object({
  view: PageView,
  threadId: z.string().nullable(),
  people: z.array(TabPerson),
  /** Increments on every report for the tab, so a sidebar can ignore stale replies. */
  seq: z.number().int(),
});
export type TabContext = z.infer<typeof TabContext>;

/**
 * The sidebar's view of its tab: the people, and the card of the one it will show (see
 * lib/messaging/pick-person.ts) when that one is a customer, so a card paints after one round trip.
 */
export const SidebarContext = TabContext.extend({ card: CustomerCard.nullable() });
export type SidebarContext = z.infer<typeof SidebarContext>;

const Ok = z.object({ ok: z.literal(true) });
const NoteBody = z.string().trim().min(1, 'A note cannot be empty.').max(NOTE_MAX);

export const SPINE_MESSAGES = {
  /** Content script: what it found on the page now (sent once per change burst). */
  'page.report': message({ request: PageReport, reply: Ok, senders: ['content'] }),
  /** Content script: the launcher state to mount with. */
  /**
   * Content script: the token in the URL of the sidebar frame it is about to mount; the reply is
   * what it mounts with (collapsed or not, inbox marks on or off), so start-up is one round trip.
   */
  'ui.frame': message({
    request: z.object({ token: z.string().uuid() }),
    reply: z.object({ collapsed: z.boolean(), inboxMarks: z.boolean() }),
    senders: ['content'],
  }),
  'ui.setCollapsed': message({
    request: z.object({ collapsed: z.boolean() }),
    reply: Ok,
    senders: ['content', 'page'],
  }),
  /**
   * Sidebar: the people of the tab it is mounted in, matched to customers, with the card of the
   * person it will show (`keep`: the address it shows now, kept if still on the page).
   */
  'sidebar.context': message({
    request: z.object({ keep: z.string().max(320).nullable().optional() }),
    reply: SidebarContext,
    senders: ['page'],
  }),
  'customer.card': message({
    request: z.object({ customerId: Id }),
    reply: CustomerCard,
    senders: ['page'],
  }),
  'customer.create': message({
    request: NewCustomer,
    reply: z.object({ customerId: Id }),
    senders: ['page'],
  }),
  /** The card's consent control: do-not-contact with its date and reason, marketing per channel. */
  'customer.consent': message({
    request: z.object({ customerId: Id, consent: ConsentPatch }),
    reply: z.object({ customer: Customer }),
    senders: ['page'],
  }),
  'note.add': message({
    request: z.object({ customerId: Id, body: NoteBody }),
    reply: Note,
    senders: ['page'],
  }),
  'note.update': message({
    request: z.object({ id: Id, body: NoteBody.optional(), pinned: z.boolean().optional() }),
    reply: Note,
    senders: ['page'],
  }),
  'note.delete': message({ request: z.object({ id: Id }), reply: Ok, senders: ['page'] }),
  /** Loads the bundled sample business into an empty database (npm start, first run). */
  'sample.load': message({
    request: z.object({}),
    reply: z.object({ customers: z.number().int(), orders: z.number().int() }),
    senders: ['page'],
  }),
} as const;
