import { z } from 'zod';

// Extension pages forbid eval (CSP); zod's compiled fast path would try `new Function` first.
z.config({ jitless: true });

/**
 * The records of the database, one zod schema each. Every record has a string uuid id,
 * createdAt / updatedAt (epoch ms) and a tombstone (`deletedAt`) instead of a hard delete,
 * so that a later sync through an existing Dexie sync engine needs no renumbering.
 * Money is in integer minor units with an ISO 4217 currency code.
 */

export const Id = z.string().min(1).max(64);
export const EpochMs = z.number().int().min(0);
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR');
/** A stored email address: already normalized by `normalizeEmail` (lib/email). */
export const StoredEmail = z.string().min(3).max(320);

const base = {
  id: Id,
  createdAt: EpochMs,
  updatedAt: EpochMs,
  deletedAt: EpochMs.nullable(),
};

export const Money = z.object({ currency: Currency, minor: z.number().int() });
export type Money = z.infer<typeof Money>;

/**
 * Figures derived from a customer's orders, cached on the customer and kept current on
 * every write by lib/db. Revenue is kept per currency (never summed across currencies);
 * `currency` is the customer's main currency (the one with most revenue), and the
 * average order is in that currency.
 */
export const CustomerStats = z.object({
  orderCount: z.number().int().min(0),
  revenue: z.array(Money),
  currency: Currency.nullable(),
  averageOrderMinor: z.number().int().nullable(),
  firstOrderAt: EpochMs.nullable(),
  lastOrderAt: EpochMs.nullable(),
  lastTouchAt: EpochMs.nullable(),
});
export type CustomerStats = z.infer<typeof CustomerStats>;

export const EMPTY_STATS: CustomerStats = {
  orderCount: 0,
  revenue: [],
  currency: null,
  averageOrderMinor: null,
  firstOrderAt: null,
  lastOrderAt: null,
  lastTouchAt: null,
};

export const CHANNELS = ['email', 'phone', 'sms', 'whatsapp', 'in_person'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const TIERS = ['A', 'B', 'C'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

/** Month and day, with the year when known: "1984-03-09" or "03-09". */
export const PartialDate = z.string().regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const RFM_GROUPS = [
  'Champions',
  'Loyal',
  'Active',
  'Promising',
  'New',
  'Needs attention',
  'At risk',
  'Previously loyal',
  'Almost lost',
  'Dormant',
  'Prospects',
] as const;
export const STAGES = ['prospect', 'new', 'active', 'growing', 'at_risk', 'lapsed'] as const;

/**
 * Classification cached on the customer by the background (lib/insights computes it; kept
 * current on writes and fully recomputed daily). Null until first computed.
 */
export const CustomerInsights = z.object({
  tier: z.enum([...TIERS, 'Prospect']),
  tierOverridden: z.boolean(),
  rfm: z.enum(RFM_GROUPS),
  stage: z.enum(STAGES),
  computedAt: EpochMs,
});
export type CustomerInsights = z.infer<typeof CustomerInsights>;

export const ConsentState = z.enum(['yes', 'no', 'unknown']);
export type ConsentState = z.infer<typeof ConsentState>;

/** The channels a marketing permission is recorded for (shops and lists report these three). */
export const MARKETING_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

export const Consent = z.object({
  /** Do not contact at all (except service replies); set by a person or an import. */
  doNotContact: z.object({ since: EpochMs, reason: z.string().max(500) }).nullable(),
  /** Marketing permission per channel, as the shop or list reported it. */
  marketing: z.object({ email: ConsentState, sms: ConsentState, whatsapp: ConsentState }),
  /** When the marketing states were last set (import or person); null if never. */
  marketingUpdatedAt: EpochMs.nullable(),
});
export type Consent = z.infer<typeof Consent>;

/** What a customer has until someone records otherwise: no do-not-contact, nothing known. */
export function unknownConsent(): Consent {
  return { doNotContact: null, marketing: { email: 'unknown', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: null };
}

export const Customer = z.object({
  ...base,
  name: z.string().max(200),
  emails: z.array(StoredEmail).max(50),
  phone: z.string().max(50).nullable(),
  companyId: Id.nullable(),
  tags: z.array(z.string().min(1).max(60)).max(50),
  source: z.string().max(40).nullable(),
  externalId: z.string().max(100).nullable(),
  /** Personal details and boundaries. */
  birthday: PartialDate.nullable(),
  preferredChannel: Channel.nullable(),
  difficult: z.boolean(),
  family: z.string().max(1000),
  interests: z.string().max(1000),
  /** A tier set by hand; the card shows it as an override. */
  tierOverride: Tier.nullable(),
  /** Do-not-contact and marketing permissions; rows written before it existed get unknownConsent(). */
  consent: Consent.default(unknownConsent),
  stats: CustomerStats,
  insights: CustomerInsights.nullable(),
});
export type Customer = z.infer<typeof Customer>;

/** The fields a new customer starts with; callers spread their own over it. */
export function customerDefaults() {
  return {
    phone: null,
    companyId: null,
    tags: [],
    source: null,
    externalId: null,
    birthday: null,
    preferredChannel: null,
    difficult: false,
    family: '',
    interests: '',
    tierOverride: null,
    consent: unknownConsent(),
    stats: { ...EMPTY_STATS, revenue: [] },
    insights: null,
    deletedAt: null,
  } satisfies Partial<Customer>;
}

export const Company = z.object({
  ...base,
  name: z.string().max(200),
  /** Registrable domains, lower-case ASCII (punycode). Never a free-mail domain. */
  domains: z.array(z.string().min(3).max(253)).max(50),
});
export type Company = z.infer<typeof Company>;

export const Order = z.object({
  ...base,
  customerId: Id,
  orderedAt: EpochMs,
  total: Money,
  number: z.string().max(60).nullable(),
  source: z.string().max(40).nullable(),
  externalId: z.string().max(100).nullable(),
  status: z.string().max(40).nullable(),
});
export type Order = z.infer<typeof Order>;

/**
 * Logged touch points. Feedback carries its sentiment in the kind so rules can match on it;
 * complaints are opened and resolved by two interactions (open = the newest opened one has no
 * resolved one after it).
 */
export const INTERACTION_KINDS = [
  'email',
  'call',
  'meeting',
  'survey_sent',
  'feedback_positive',
  'feedback_negative',
  'complaint_opened',
  'complaint_resolved',
  'referral',
  'thank_you',
  'other',
] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const Interaction = z.object({
  ...base,
  customerId: Id,
  kind: InteractionKind,
  at: EpochMs,
  summary: z.string().max(2000),
});
export type Interaction = z.infer<typeof Interaction>;

export { NOTE_MAX } from './limits';
import { NOTE_MAX } from './limits';

export const Note = z.object({
  ...base,
  customerId: Id,
  body: z.string().min(1).max(NOTE_MAX),
  pinned: z.boolean(),
  /**
   * Set when the note is about the customer's whole company: it then shows on every contact of
   * that company. `customerId` stays the contact it was written from. Optional so that rows
   * written before company notes existed still parse.
   */
  companyId: Id.nullable().optional(),
});
export type Note = z.infer<typeof Note>;

/**
 * A due date and time on a note or a next action: at `dueAt` the background raises a browser
 * notification that opens the customer. `firedAt` is set once notified; snoozing moves `dueAt`
 * and clears it; `doneAt` ends the reminder.
 */
export const Reminder = z.object({
  ...base,
  customerId: Id,
  /** The note it was set on, if any. */
  noteId: Id.nullable(),
  /** The next-action rule it was set on (see lib/insights/rules), if any. */
  ruleId: z.string().max(60).nullable(),
  title: z.string().min(1).max(300),
  dueAt: EpochMs,
  firedAt: EpochMs.nullable(),
  doneAt: EpochMs.nullable(),
});
export type Reminder = z.infer<typeof Reminder>;
