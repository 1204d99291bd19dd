import type { DASHBOARD_MESSAGES } from '../../messaging/messages/dashboard';
import { ProtocolError } from '../../messaging/router';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

export function dashboardHandlers(deps: BackgroundDeps): HandlersFor<typeof DASHBOARD_MESSAGES> {
  return {
    async 'dashboard.data'({ filters }) {
      const insights = deps.insights;
      if (!insights) throw new ProtocolError('internal', 'The dashboard is not available here.');
      return withDb(() => insights.dashboard(filters));
    },
  };
}
