import { addInteraction } from '../../db/index';
import type { INTERACTION_MESSAGES } from '../../messaging/messages/interactions';
import { authorOf, type BackgroundDeps, type HandlersFor, withDb } from './types';

export function interactionHandlers(deps: BackgroundDeps): HandlersFor<typeof INTERACTION_MESSAGES> {
  return {
    async 'interaction.log'({ customerId, kind, summary, at }) {
      const now = deps.now();
      return withDb(() => addInteraction(deps.db, { customerId, kind, summary, at: at ?? now, author: authorOf(deps) }, now));
    },
  };
}
