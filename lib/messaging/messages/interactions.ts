import { z } from 'zod';
import { EpochMs, Id, Interaction, InteractionKind } from '../../model/records';
import { message } from '../define';

/** Logging a touch point (call, meeting, complaint, …) from the sidebar or the popup. */
export const LogInteraction = z.object({
  customerId: Id,
  kind: InteractionKind,
  summary: z.string().trim().max(2000),
  /** When it happened; omitted or null = now. */
  at: EpochMs.nullable().optional(),
});
export type LogInteraction = z.infer<typeof LogInteraction>;

export const INTERACTION_MESSAGES = {
  'interaction.log': message({ request: LogInteraction, reply: Interaction, senders: ['page'] }),
} as const;
