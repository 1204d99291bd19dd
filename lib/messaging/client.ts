import { browser } from 'wxt/browser';
import { Envelope, PROTOCOL, type ErrorCode, type MessageType, type ReplyOf, type RequestOf } from './protocol';

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'no_reply',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Sends one protocol message to the background and returns its parsed reply, or throws. */
export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new RequestError('no_reply', 'The extension did not answer. Reload the page.');
  if (!envelope.data.ok) throw new RequestError(envelope.data.error.code, envelope.data.error.message);
  return PROTOCOL[type].reply.parse(envelope.data.data) as ReplyOf<T>;
}
