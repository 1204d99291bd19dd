import { z } from 'zod';

/**
 * What the customer book held, kept by the background outside IndexedDB (./store.ts): when the
 * database later opens empty or cannot be opened, this is how the extension knows thousands of
 * customers vanished instead of greeting the owner as a new user (lib/background/recovery.ts).
 */

const Count = z.number().int().min(0);

export const BookCounts = z.object({
  customers: Count,
  companies: Count,
  orderBooks: Count,
  notes: Count,
  interactions: Count,
});
export type BookCounts = z.infer<typeof BookCounts>;

export const LOSS_KINDS = ['empty', 'unreadable'] as const;

export const BookMarker = z.object({
  /** The schema version the database had. */
  schema: z.number().int().min(0),
  counts: BookCounts,
  lastBackupAt: z.number().nullable(),
  /** When these figures were taken. */
  seenAt: z.number(),
  /**
   * Set when the book was found lost (empty while it held data, or unreadable); it stays set,
   * and the recovery screen stays up, until a restore or the owner's "start over" clears it.
   */
  lost: z.object({ since: z.number(), kind: z.enum(LOSS_KINDS), error: z.string().max(500).nullable() }).nullable(),
});
export type BookMarker = z.infer<typeof BookMarker>;

export function parseMarker(value: unknown): BookMarker | null {
  const parsed = BookMarker.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether counts describe a book with anything in it. */
export function heldData(counts: BookCounts): boolean {
  return counts.customers + counts.companies + counts.orderBooks + counts.notes + counts.interactions > 0;
}
