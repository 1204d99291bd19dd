import type { z } from 'zod';

/**
 * Who may send a message:
 * - `content`: a content script in a host page. It may only report what it found on the page
 *   and ask for what it needs to mount the sidebar; it never receives customer records.
 * - `page`: an extension page (sidebar iframe, popup, manager) of this extension.
 */
export const SENDERS = { content: 'content', page: 'page' } as const;
export type SenderKind = (typeof SENDERS)[keyof typeof SENDERS];

export interface MessageDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Res;
  senders: readonly SenderKind[];
}

/** Declares one message: its request and reply schema and its allowed senders. */
export function message<Req extends z.ZodType, Res extends z.ZodType>(def: MessageDefinition<Req, Res>) {
  return def;
}
