import { z } from 'zod';
import { EpochMs, Id, Interaction, InteractionKind, NOTE_MAX, Note, Reminder } from '../../model/records';
import { message } from '../define';

/** The popup's quick note: the customer picker, saving, and drafts from context menus. */

export const CustomerChoice = z.object({
  customerId: Id,
  name: z.string(),
  email: z.string().nullable(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
});
export type CustomerChoice = z.infer<typeof CustomerChoice>;

export const QuickNoteInput = z.object({
  customerId: Id,
  body: z.string().trim().min(1, 'A note cannot be empty.').max(NOTE_MAX),
  /** A note on the customer's company, shown on every contact of it. */
  onCompany: z.boolean(),
  /** Also log an interaction of this kind, with the note as its summary. */
  logAs: InteractionKind.nullable(),
  /** A reminder on the note at this time. */
  remindAt: EpochMs.nullable(),
});
export type QuickNoteInput = z.infer<typeof QuickNoteInput>;

/** What a context-menu click leaves for the popup to open with. Text from a page: untrusted. */
export const QuickNoteDraft = z.object({
  body: z.string().max(NOTE_MAX),
  email: z.string().max(320).nullable(),
  customerId: Id.nullable(),
  /** For an address that is not a customer yet: the name to offer (the link's text, or one read from the address). */
  name: z.string().max(200).nullable().optional(),
  /** The tab the menu was used in, whose recognized customers the picker offers first. */
  tabId: z.number().int().nullable(),
});
export type QuickNoteDraft = z.infer<typeof QuickNoteDraft>;

export const QUICK_NOTE_MESSAGES = {
  /**
   * Picker candidates: customers recognized on the given tab, recent ones, and matches for
   * `query` (name, address or company). The popup names the tab it was opened over.
   */
  'quicknote.candidates': message({
    request: z.object({ query: z.string().max(200), tabId: z.number().int().nullable() }),
    reply: z.object({
      onTab: z.array(CustomerChoice),
      recent: z.array(CustomerChoice),
      matches: z.array(CustomerChoice),
    }),
    senders: ['page'],
  }),
  'quicknote.save': message({
    request: QuickNoteInput,
    reply: z.object({ note: Note, interaction: Interaction.nullable(), reminder: Reminder.nullable() }),
    senders: ['page'],
  }),
  /** The draft a context menu left, handed out once. */
  'quicknote.draft': message({ request: z.object({}), reply: QuickNoteDraft.nullable(), senders: ['page'] }),
} as const;
