import { addInteraction } from '../../db/index';
import type { INTERACTION_MESSAGES } from '../../messaging/messages/interactions';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

export function interactionHandlers(deps: BackgroundDeps): HandlersFor<typeof INTERACTION_MESSAGES> {
  return {
    async 'interaction.log'({ customerId, kind, summary, at }) {
      const now = deps.now();
      return withDb(() => addInteraction(deps.db, { customerId, kind, summary, at: at ?? now }, now));
    },
  };
}
