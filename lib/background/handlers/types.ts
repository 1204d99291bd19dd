import type { z } from 'zod';
import { type CrmDatabase, DbError } from '../../db/index';
import type { MessageDefinition } from '../../messaging/define';
import type { PushEvent, SidebarContext } from '../../messaging/protocol';
import { ProtocolError, type HandlerContext } from '../../messaging/router';
import type { InsightsService } from '../insights';
import type { PrefsArea } from '../prefs';
import type { PreparedContexts } from '../prepared-contexts';
import type { QuickNoteDrafts } from '../quick-note-drafts';
import type { RecoveryService } from '../recovery';
import type { ReminderAlarms } from '../reminder-alarms';
import type { TabContexts } from '../tab-contexts';

/** The handlers of one feature's messages (see lib/messaging/messages/). */
export type HandlersFor<M extends Record<string, MessageDefinition>> = {
  [T in keyof M]: (request: z.output<M[T]['request']>, ctx: HandlerContext) => Promise<z.output<M[T]['reply']>>;
};

/** What the background's handlers work with; the entrypoint provides the real ones. */
export interface BackgroundDeps {
  db: CrmDatabase;
  tabs: TabContexts;
  /**
   * The owner's settings, enabled sites and the sidebar's UI state, in the database
   * (lib/background/prefs.ts), never in `storage.local`, which content scripts can write.
   */
  prefs: PrefsArea;
  ownAddresses(): Promise<ReadonlySet<string>>;
  /** Tells one tab's pages that its page changed (data changes reach pages through lib/background/changes.ts). */
  pushToTab(tabId: number, event: PushEvent): void;
  now(): number;
  /**
   * Reminder alarms and context-menu drafts. Optional so handler tests that do not need them
   * can leave them out: a reminder saved without alarms is still armed on the next start.
   */
  reminderAlarms?: Pick<ReminderAlarms, 'arm' | 'snooze' | 'done'>;
  drafts?: Pick<QuickNoteDrafts, 'take'>;
  /** Relationship insights (lib/background/insights.ts); optional like the alarms above. */
  insights?: InsightsService;
  /**
   * Sidebar contexts worked out when a tab reports (lib/background/prepared-contexts.ts); the
   * background clears them on every data change. Optional: without it every request reads afresh.
   */
  prepared?: PreparedContexts<SidebarContext>;
  /** The book's health and its recovery (lib/background/recovery.ts); optional like the alarms. */
  recovery?: RecoveryService;
}

export function requireTab(tabId: number | null): number {
  if (tabId === null) throw new ProtocolError('invalid', 'This page is not inside a tab.');
  return tabId;
}

/** Runs a storage operation, mapping storage-layer errors to protocol error codes. */
export async function withDb<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DbError) {
      throw new ProtocolError(error.code === 'conflict' ? 'invalid' : error.code, error.message);
    }
    throw error;
  }
}
