import type { Handlers } from '../../messaging/router';
import { spineHandlers } from './spine';
import { sitesHandlers } from './sites';
import type { BackgroundDeps } from './types';

export type { BackgroundDeps } from './types';

/** Every message's handler, one module per feature (mirrors lib/messaging/messages/). */
export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...spineHandlers(deps),
    ...sitesHandlers(deps),
  };
}
