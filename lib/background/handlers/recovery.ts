import type { RECOVERY_MESSAGES } from '../../messaging/messages/recovery';
import { ProtocolError } from '../../messaging/router';
import { RecoveryError, type RecoveryService } from '../recovery';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

/** The recovery screen's messages (lib/background/recovery.ts does the work). */
export function recoveryHandlers(deps: BackgroundDeps): HandlersFor<typeof RECOVERY_MESSAGES> {
  const service = (): RecoveryService => {
    if (!deps.recovery) throw new ProtocolError('internal', 'Recovery is not available here.');
    return deps.recovery;
  };
  const refusing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await withDb(work);
    } catch (error) {
      if (error instanceof RecoveryError) throw new ProtocolError('invalid', error.message);
      throw error;
    }
  };
  return {
    async 'recovery.status'() {
      return service().status();
    },
    async 'recovery.startOver'() {
      await refusing(() => service().startOver());
      return { ok: true };
    },
    async 'recovery.reset'() {
      await refusing(() => service().resetDamaged());
      return { ok: true };
    },
    async 'recovery.team'() {
      return refusing(() => service().teamRestore());
    },
    async 'safety.list'() {
      return service().copies();
    },
    async 'safety.snapshot'() {
      return refusing(() => service().snapshot(true));
    },
  };
}
