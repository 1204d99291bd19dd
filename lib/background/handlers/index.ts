import type { Handlers } from '../../messaging/router';
import { dashboardHandlers } from './dashboard';
import { inboxMarkHandlers } from './inbox-marks';
import { insightHandlers } from './insights';
import { interactionHandlers } from './interactions';
import { managerHandlers } from './manager';
import { quickNoteHandlers } from './quick-notes';
import { recoveryHandlers } from './recovery';
import { reminderHandlers } from './reminders';
import { settingsHandlers } from './settings';
import { spineHandlers } from './spine';
import { sitesHandlers } from './sites';
import { teamHandlers } from './team';
import type { BackgroundDeps } from './types';

export type { BackgroundDeps } from './types';

/** Every message's handler, one module per feature (mirrors lib/messaging/messages/). */
export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...spineHandlers(deps),
    ...managerHandlers(deps),
    ...sitesHandlers(deps),
    ...quickNoteHandlers(deps),
    ...interactionHandlers(deps),
    ...reminderHandlers(deps),
    ...settingsHandlers(deps),
    ...inboxMarkHandlers(deps),
    ...insightHandlers(deps),
    ...teamHandlers(deps.team),
    ...dashboardHandlers(deps),
    ...recoveryHandlers(deps),
  };
}
