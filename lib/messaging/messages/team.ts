import { z } from 'zod';
import { CardConflict } from '../../model/customer-forms';
import { SYNC_TABLES } from '../../model/shared-tables';
import { Id } from '../../model/records';
import { TeamStatus } from '../../sync/status';
import { message } from '../define';

/**
 * Team sync (Settings → Team, the status line, conflicts on the card). Only extension pages
 * send these: the password and passphrase travel from the settings page to the background and
 * nowhere else.
 */

const Connection = z.object({
  url: z.string().min(1).max(500),
  database: z.string().min(1).max(238),
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(500),
});

export const TeamProbe = z.object({ exists: z.boolean(), encrypted: z.boolean(), documents: z.number().int().min(0) });

export { CardConflict };

export const TEAM_MESSAGES = {
  'team.status': message({ request: z.object({}), reply: TeamStatus, senders: ['page'] }),
  /** Reads the server, the database and the team's settings without joining. */
  'team.test': message({ request: Connection, reply: TeamProbe, senders: ['page'] }),
  /** Joins the team in the database, or creates it (`create`) when there is none. */
  'team.join': message({
    request: Connection.extend({
      displayName: z.string().min(1).max(60),
      passphrase: z.string().max(500),
      recoveryCode: z.string().max(200),
      create: z.object({ encrypt: z.boolean() }).nullable(),
      shareLocal: z.boolean(),
    }),
    reply: z.object({ recoveryCode: z.string().nullable(), status: TeamStatus }),
    senders: ['page'],
  }),
  'team.pause': message({ request: z.object({}), reply: TeamStatus, senders: ['page'] }),
  'team.resume': message({ request: z.object({}), reply: TeamStatus, senders: ['page'] }),
  /** Leaves the team; the customers stay in this browser. */
  'team.leave': message({ request: z.object({}), reply: TeamStatus, senders: ['page'] }),
  'team.rename': message({ request: z.object({ displayName: z.string().min(1).max(60) }), reply: TeamStatus, senders: ['page'] }),
  /** Open conflicts on a customer's records (the customer, their notes, interactions, …). */
  'team.conflicts': message({ request: z.object({ customerId: Id }), reply: z.object({ conflicts: z.array(CardConflict) }), senders: ['page'] }),
  /** A person's pick: -1 keeps the value shown, i ≥ 0 takes `others[i]`. */
  'team.resolve': message({
    request: z.object({ table: z.enum(SYNC_TABLES), key: Id, field: z.string().min(1).max(100), choice: z.number().int().min(-1).max(50) }),
    reply: z.object({ ok: z.literal(true) }),
    senders: ['page'],
  }),
} as const;
