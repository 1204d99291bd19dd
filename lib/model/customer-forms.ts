import { z } from 'zod';
import { Channel, Company, Consent, Customer, EpochMs, Interaction, Note, Order, PartialDate, Tier } from './records';

/**
 * The shapes a customer is created, changed and shown in: what the sidebar's form and the
 * manager's edits send (checked again by the database layer's writers), and a customer's card.
 */

/** A customer as the sidebar's "Add as customer" form gives it. */
export const NewCustomer = z.object({
  name: z.string().trim().max(200),
  email: z.string().trim().min(3).max(320),
  companyName: z.string().trim().max(200).nullable(),
  phone: z.string().trim().max(50).nullable(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
});
export type NewCustomer = z.infer<typeof NewCustomer>;

/**
 * A person's change of consent: do-not-contact (set with its date and reason, or cleared) and
 * the marketing state per channel. When the marketing states change, the database stamps
 * `marketingUpdatedAt` with the time of the edit.
 */
export const ConsentPatch = z.object({
  doNotContact: z.object({ since: EpochMs, reason: z.string().trim().max(500) }).nullable().optional(),
  marketing: Consent.shape.marketing.optional(),
});
export type ConsentPatch = z.infer<typeof ConsentPatch>;

/** A manager edit of a customer: every field the owner may change. */
export const CustomerPatch = z.object({
  name: z.string().trim().max(200).optional(),
  emails: z.array(z.string().trim().min(3).max(320)).max(50).optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  companyName: z.string().trim().max(200).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  birthday: PartialDate.nullable().optional(),
  preferredChannel: Channel.nullable().optional(),
  difficult: z.boolean().optional(),
  family: z.string().max(1000).optional(),
  interests: z.string().max(1000).optional(),
  tierOverride: Tier.nullable().optional(),
  consent: ConsentPatch.optional(),
});
export type CustomerPatch = z.infer<typeof CustomerPatch>;

/** Everything the sidebar and the manager show for one customer, tombstones left out. */
export const CustomerCard = z.object({
  customer: Customer,
  company: Company.nullable(),
  orders: z.array(Order),
  interactions: z.array(Interaction),
  notes: z.array(Note),
});
export type CustomerCard = z.infer<typeof CustomerCard>;
