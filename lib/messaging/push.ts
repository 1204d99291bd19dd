/**
 * What the background pushes to open pages over a runtime port (see PORT_NAME): "your tab's
 * page changed" and "these customers' data changed". Checked by hand rather than with zod,
 * so the sidebar, which loads on every Gmail page, ships without a schema library.
 */
export type PushEvent = { type: 'context'; seq: number } | { type: 'data'; customerIds: string[] };

export function parsePushEvent(raw: unknown): PushEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const event = raw as { type?: unknown; seq?: unknown; customerIds?: unknown };
  if (event.type === 'context' && Number.isInteger(event.seq)) return { type: 'context', seq: event.seq as number };
  if (
    event.type === 'data' &&
    Array.isArray(event.customerIds) &&
    event.customerIds.every((id): id is string => typeof id === 'string')
  ) {
    return { type: 'data', customerIds: event.customerIds };
  }
  return null;
}
