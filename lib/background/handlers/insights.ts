import type { INSIGHT_MESSAGES } from '../../messaging/messages/insights';
import { ProtocolError } from '../../messaging/router';
import { NotFound, type InsightsService } from '../insights';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

export function insightHandlers(deps: BackgroundDeps): HandlersFor<typeof INSIGHT_MESSAGES> {
  function service(): InsightsService {
    if (!deps.insights) throw new ProtocolError('internal', 'Insights are not available here.');
    return deps.insights;
  }

  async function run<T>(work: (insights: InsightsService) => Promise<T>): Promise<T> {
    const insights = service();
    try {
      return await withDb(() => work(insights));
    } catch (error) {
      if (error instanceof NotFound) throw new ProtocolError('not_found', error.message);
      throw error;
    }
  }

  return {
    async 'insights.card'({ customerId }) {
      const card = await run((insights) => insights.card(customerId));
      if (!card) throw new ProtocolError('not_found', 'This customer no longer exists.');
      return card;
    },
    async 'insights.done'({ customerId, ruleId }) {
      return run((insights) => insights.done(customerId, ruleId));
    },
    async 'insights.snooze'({ customerId, ruleId, factsKey, until }) {
      if (until <= deps.now()) throw new ProtocolError('invalid', 'Snooze until a time that is still ahead.');
      return run((insights) => insights.snooze(customerId, ruleId, factsKey, until));
    },
    async 'insights.dismiss'({ customerId, ruleId, factsKey }) {
      return run((insights) => insights.dismiss(customerId, ruleId, factsKey));
    },
    async 'insights.undo'({ customerId, ruleId, factsKey }) {
      return run((insights) => insights.undo(customerId, ruleId, factsKey));
    },
    async 'insights.today'({ limit }) {
      return run((insights) => insights.today(limit));
    },
    async 'insights.campaign'() {
      return run((insights) => insights.campaign());
    },
    async 'insights.concentration'() {
      return { concentration: await run((insights) => insights.concentration()) };
    },
    async 'insights.recompute'() {
      return run((insights) => insights.recompute());
    },
  };
}
