import { z } from 'zod';
import { Currency, EpochMs, Money, NOTE_MAX, PartialDate, StoredEmail } from '../model/records';

/**
 * What an import turns rows into before the background resolves them against the database:
 * customers identified by a natural key, orders pointing at their customer by that key. The
 * background validates these again (they arrive in messages) and never trusts ids from a file.
 */

export const IMPORT_SOURCES = ['shopify', 'woocommerce', 'google', 'vcard', 'csv', 'sample'] as const;
export const ImportSource = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof ImportSource>;

/**
 * A customer's natural key: `email:<normalized address>`, else `ext:<source>:<id>` (a store's
 * customer id, or `name:<lower-cased name>` for reports that carry no address at all).
 */
/** Drafts (customers and orders together) per batch a job delivers, and per chunk staged. */
export const BATCH_SIZE = 5000;

export const CustomerKey = z.string().min(3).max(400);

export const CustomerDraft = z.object({
  key: CustomerKey,
  emails: z.array(StoredEmail).max(50),
  name: z.string().max(200),
  phone: z.string().max(50).nullable(),
  companyName: z.string().max(200).nullable(),
  tags: z.array(z.string().min(1).max(60)).max(50),
  birthday: PartialDate.nullable(),
  note: z.string().min(1).max(NOTE_MAX).nullable(),
  source: ImportSource,
  externalId: z.string().min(1).max(100).nullable(),
});
export type CustomerDraft = z.infer<typeof CustomerDraft>;

export const OrderDraft = z.object({
  customerKey: CustomerKey,
  source: ImportSource,
  /** The store's order id: with the source, what makes a re-import update instead of add. */
  externalId: z.string().min(1).max(100),
  number: z.string().max(60).nullable(),
  orderedAt: EpochMs,
  total: Money,
  status: z.string().max(40).nullable(),
});
export type OrderDraft = z.infer<typeof OrderDraft>;

/** A row that was not imported, with the spreadsheet row number (the header is row 1). */
export const BadRow = z.object({ row: z.number().int().min(1), reason: z.string().max(500), values: z.array(z.string()) });
export type BadRow = z.infer<typeof BadRow>;

export const ImportOptions = z.object({
  /** For formats whose rows carry no currency (WooCommerce, most generic files). */
  currency: Currency,
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export function emailKey(email: string): string {
  return `email:${email}`;
}

export function externalKey(source: ImportSource, externalId: string): string {
  return `ext:${source}:${externalId}`;
}

/** The key for a customer: their first address, else the store's id for them. */
export function customerKeyFor(draft: Pick<CustomerDraft, 'emails' | 'source' | 'externalId'>): string | null {
  const email = draft.emails[0];
  if (email !== undefined) return emailKey(email);
  return draft.externalId === null ? null : externalKey(draft.source, draft.externalId);
}

