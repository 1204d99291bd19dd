import { z } from 'zod';
import { Company, CustomerInsights, Id, Money, Note } from '../../model/records';
import { message } from '../define';
import { SITE_IDS } from '../../sites/registry';

/**
 * Sites: which site and host a tab's page is on, the company of a customer's website, and the
 * pages the user enables beyond the built-in sites. Content scripts report what they found (never
 * receive records); the sidebar asks for the company of its tab's page; the popup and settings
 * enable, list and remove sites.
 */

/** Every site with an adapter in lib/sites/ (lib/sites/registry.ts). */
export { SITE_IDS } from '../../sites/registry';

/**
 * How a person was found on a non-mail page: the customer of an order or customer page of a
 * store admin, an address in a `mailto:` link, in visible text, in `[itemprop=email]`, in
 * JSON-LD, or typed as a recipient into a compose window (`to`/`cc`/`bcc` are mail roles).
 */
export const SITE_PERSON_ROLES = ['customer', 'mailto', 'text', 'itemprop', 'json_ld'] as const;

/** A page host as reported by a content script; the background derives the registrable domain. */
export const PageHost = z.string().min(1).max(253);

export const SiteStatus = z.object({
  /** `https://shop.example` for web pages; null for pages the extension can never run on. */
  origin: z.string().nullable(),
  /** Runs there without asking (a built-in site: Gmail, Shopify admin, …). */
  builtIn: z.boolean(),
  /** The user enabled it (optional host permission granted and the script registered). */
  enabled: z.boolean(),
});
export type SiteStatus = z.infer<typeof SiteStatus>;

/** An origin the user may enable: http(s), no path. Checked again by the background. */
export const SiteOrigin = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/\s?#]+$/, 'An origin such as https://shop.example');

/** One person of a company, with the figures the company card sums. */
export const CompanyContact = z.object({
  customerId: Id,
  name: z.string(),
  email: z.string().nullable(),
  revenue: z.array(Money),
  orderCount: z.number().int().min(0),
  lastOrderAt: z.number().int().nullable(),
  insights: CustomerInsights.nullable(),
  tierOverride: z.enum(['A', 'B', 'C']).nullable(),
});
export type CompanyContact = z.infer<typeof CompanyContact>;

/** The next thing worth doing for the company's relationship, when the engine has one. */
export const CompanyNextAction = z.object({
  customerId: Id,
  title: z.string(),
  reason: z.string(),
});
export type CompanyNextAction = z.infer<typeof CompanyNextAction>;

export const CompanyCardData = z.object({
  company: Company,
  /** The registrable domain of the page that matched. */
  domain: z.string(),
  contacts: z.array(CompanyContact),
  /** Revenue of all contacts, per currency (never summed across currencies). */
  revenue: z.array(Money),
  orderCount: z.number().int().min(0),
  /** Pinned notes of the company's contacts, newest first. */
  notes: z.array(Note.extend({ customerName: z.string() })),
  nextAction: CompanyNextAction.nullable(),
});
export type CompanyCardData = z.infer<typeof CompanyCardData>;

export const SiteContext = z.object({
  /** The site family of the tab's page; null before any report. */
  site: z.enum(SITE_IDS).nullable(),
  /** The registrable domain of the page, when it has one and is not a free-mail domain. */
  domain: z.string().nullable(),
  company: CompanyCardData.nullable(),
});
export type SiteContext = z.infer<typeof SiteContext>;

const Ok = z.object({ ok: z.literal(true) });

export const SITES_MESSAGES = {
  /** Content script: the site and host of the page it runs on (sent where the page has a host to tell, and on change). */
  'site.page': message({
    request: z.object({ site: z.enum(SITE_IDS), host: PageHost.nullable() }),
    reply: Ok,
    senders: ['content'],
  }),
  /** Sidebar: which site its tab is on and the company whose domain the page is on, if known. */
  'site.context': message({ request: z.object({}), reply: SiteContext, senders: ['page'] }),
  /** Popup: what the extension may do on a tab. */
  'site.status': message({ request: z.object({ tabId: z.number().int() }), reply: SiteStatus, senders: ['page'] }),
  /** Popup: after the user granted the origin, register the page script there (and run it now). */
  'site.enable': message({
    request: z.object({ origin: SiteOrigin, tabId: z.number().int().nullable() }),
    reply: Ok,
    senders: ['page'],
  }),
  /** Settings: unregister the page script and give the permission back. */
  'site.disable': message({ request: z.object({ origin: SiteOrigin }), reply: Ok, senders: ['page'] }),
  /** Settings: the sites the user enabled. */
  'site.list': message({ request: z.object({}), reply: z.array(SiteOrigin), senders: ['page'] }),
  /** Popup (after a toolbar click granted activeTab): show the sidebar once on this tab. */
  'site.showOnce': message({ request: z.object({ tabId: z.number().int() }), reply: Ok, senders: ['page'] }),
} as const;
