import type { SidebarContext } from './messages/spine';

/**
 * What the background pushes to open pages over a runtime port (see PORT_NAME): "your tab's
 * page changed" and "data changed". A data push names the customers whose rows changed; `all`
 * says anyone's may have (a bulk write, a company, settings, the business-wide insights), and
 * then `customerIds` is empty. A push with neither changed lists or figures only (today's list,
 * the last backup). `team`: the team sync's status changed. `seq` counts the committed changes the push reports (lib/background/changes.ts):
 * a page holding data read when the count was at least that far already shows them. Checked by
 * hand rather than with zod, so the sidebar, which loads on every Gmail page, ships without a
 * schema library.
 */
export type PushEvent =
  /** `context`: the tab's new sidebar context when the background has it ready (the sidebar then asks nothing). */
  | { type: 'context'; seq: number; context?: SidebarContext }
  | { type: 'data'; customerIds: string[]; all: boolean; seq?: number }
  /** The team sync's status changed: pages that show it ask for it (team.status). */
  | { type: 'team' };

export function parsePushEvent(raw: unknown): PushEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const event = raw as { type?: unknown; seq?: unknown; customerIds?: unknown; all?: unknown; context?: unknown };
  if (event.type === 'context' && Number.isInteger(event.seq)) {
    // The port carries only the background's own messages; a context is checked for its shape.
    const context = event.context as Partial<SidebarContext> | undefined;
    const usable = typeof context === 'object' && context !== null && Array.isArray(context.people) && Number.isInteger(context.seq);
    return usable ? { type: 'context', seq: event.seq as number, context: context as SidebarContext } : { type: 'context', seq: event.seq as number };
  }
  if (event.type === 'team') return { type: 'team' };
  if (
    event.type === 'data' &&
    typeof event.all === 'boolean' &&
    Array.isArray(event.customerIds) &&
    event.customerIds.every((id): id is string => typeof id === 'string')
  ) {
    const data: PushEvent = { type: 'data', customerIds: event.customerIds, all: event.all };
    return Number.isInteger(event.seq) ? { ...data, seq: event.seq as number } : data;
  }
  return null;
}

/** Whether a data push concerns any of these customers (or everyone). */
export function concerns(event: PushEvent & { type: 'data' }, customerIds: Iterable<string | null>): boolean {
  if (event.all) return true;
  const changed = new Set(event.customerIds);
  for (const id of customerIds) if (id !== null && changed.has(id)) return true;
  return false;
}
