import type { z } from 'zod';
import {
  PROTOCOL,
  type Envelope,
  type ErrorCode,
  type MessageType,
  type ParsedRequestOf,
  type ReplyOf,
  type SenderKind,
} from './protocol';

/** The parts of `runtime.MessageSender` the router judges. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface HandlerContext {
  sender: SenderKind;
  /** The tab the message came from (content script, or an extension page framed in a tab). */
  tabId: number | null;
  /** For a content script, the origin of the page it runs in (from the browser, not the page). */
  origin?: string | null;
}

export type Handlers = {
  [T in MessageType]: (request: ParsedRequestOf<T>, ctx: HandlerContext) => Promise<ReplyOf<T>>;
};

export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);

/**
 * Who sent a message. Only this extension's own contexts count at all (`sender.id`); among
 * them, a sender whose URL is an extension page is `page`, and one in a web page's tab is a
 * content script. A web page itself cannot reach runtime messaging (no externally_connectable).
 */
export function classifySender(sender: SenderInfo, extensionId: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  let protocol: string;
  try {
    protocol = new URL(sender.url ?? '').protocol;
  } catch {
    return null;
  }
  if (EXTENSION_PROTOCOLS.has(protocol)) return 'page';
  if (sender.tab?.id !== undefined && (protocol === 'https:' || protocol === 'http:')) return 'content';
  return null;
}

function failure(code: ErrorCode, message: string): Envelope {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
    .join('; ');
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(PROTOCOL, type);
}

/**
 * Builds the background's message handler: sender check, zod parse of the request, the
 * handler, zod parse of the reply. Every outcome is an `Envelope`; nothing throws out.
 */
export interface RouterOptions {
  /** Whether a sidebar frame in a tab carries the token that tab's content script registered. */
  frameAllowed?: (tabId: number, token: unknown) => Promise<boolean>;
}

export function createRouter(handlers: Handlers, extensionId: string, options: RouterOptions = {}) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Envelope> {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isMessageType(type)) return failure('unknown_type', 'Unknown message type.');
    const definition = PROTOCOL[type];
    const kind = classifySender(sender, extensionId);
    if (kind === null || !(definition.senders as readonly SenderKind[]).includes(kind)) {
      return failure('forbidden_sender', `"${type}" may not be sent from here.`);
    }
    // An extension page framed inside a web page must be the sidebar our content script mounted.
    if (kind === 'page' && sender.tab?.id !== undefined && (sender.frameId ?? 0) !== 0 && options.frameAllowed) {
      const allowed = await options.frameAllowed(sender.tab.id, (message as { frame?: unknown }).frame).catch(() => false);
      if (!allowed) return failure('forbidden_sender', 'This sidebar was not opened by the extension on this page.');
    }
    const parsed = definition.request.safeParse((message as { payload?: unknown }).payload);
    if (!parsed.success) return failure('bad_request', describeIssues(parsed.error));
    const ctx: HandlerContext = {
      sender: kind,
      tabId: sender.tab?.id ?? null,
      origin: kind === 'content' ? new URL(sender.url ?? '').origin : null,
    };
    try {
      const handler = handlers[type] as (request: unknown, ctx: HandlerContext) => Promise<unknown>;
      const reply = definition.reply.safeParse(await handler(parsed.data, ctx));
      if (!reply.success) return failure('internal', `Bad reply: ${describeIssues(reply.error)}`);
      return { ok: true, data: reply.data };
    } catch (error) {
      if (error instanceof ProtocolError) return failure(error.code, error.message);
      const messageText = error instanceof Error ? error.message : String(error);
      if (error instanceof Error && /quota/i.test(`${error.name} ${messageText}`)) {
        return failure('storage', 'The browser refused to store more data (storage quota).');
      }
      return failure('internal', messageText);
    }
  };
}
