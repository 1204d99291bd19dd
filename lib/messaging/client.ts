import { browser } from 'wxt/browser';
import type { ErrorCode, MessageType, ReplyOf, RequestOf } from './protocol';

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'no_reply',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** The sidebar frame's token (see TabContexts.registerFrame), from its URL; null elsewhere. */
const FRAME_TOKEN = new URLSearchParams(globalThis.location?.hash.slice(1) ?? '').get('frame');

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

/**
 * Sends one protocol message from an extension page to the background and returns its reply,
 * or throws a RequestError. The background's router has already validated the reply against
 * the protocol's schema before sending it, so pages do not parse it again: that keeps zod and
 * every schema out of the sidebar's bundle, which loads on every Gmail page.
 */
export async function request<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  const raw = (await browser.runtime.sendMessage({ type, payload, frame: FRAME_TOKEN })) as Envelope | undefined;
  if (!raw || typeof raw !== 'object' || typeof raw.ok !== 'boolean') {
    throw new RequestError('no_reply', 'The extension did not answer. Reload the page.');
  }
  if (!raw.ok) throw new RequestError(raw.error.code, raw.error.message);
  return raw.data as ReplyOf<T>;
}
