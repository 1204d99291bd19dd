import { z } from 'zod';
import { Settings } from '../../settings/schema';
import { message } from '../define';

/** The settings page: the owner's addresses, business hours, cadence per tier, currency. */
export const SETTINGS_MESSAGES = {
  'settings.get': message({ request: z.object({}), reply: Settings, senders: ['page'] }),
  /** Replaces the settings; replies with what was stored (addresses normalized). */
  'settings.save': message({ request: Settings, reply: Settings, senders: ['page'] }),
} as const;
