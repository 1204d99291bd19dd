import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers, type SenderInfo } from '../../../lib/messaging/router';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

/**
 * Senders a compromised renderer can be: our own content script in a web page's tab (any page
 * the extension runs on, any scheme a frame may have), a frame of no URL, and another extension
 * (its own pages included).
 */
const CONTENT_LIKE: SenderInfo[] = [
  { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } },
  { id: EXTENSION_ID, url: 'https://shop.example/admin/customers/1', tab: { id: 8 }, frameId: 3 },
  { id: EXTENSION_ID, url: 'http://localhost:8080/', tab: { id: 9 } },
  { id: EXTENSION_ID, url: 'about:blank', tab: { id: 7 }, frameId: 2 },
  { id: EXTENSION_ID, url: 'data:text/html,<p>x</p>', tab: { id: 7 } },
  { id: EXTENSION_ID, url: 'file:///tmp/page.html', tab: { id: 7 } },
  { id: EXTENSION_ID, tab: { id: 7 } },
  { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/options.html' },
  { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } },
];

const privileged = Object.entries(PROTOCOL)
  .filter(([, def]) => !(def.senders as readonly string[]).includes('content'))
  .map(([type]) => type);

describe('S3 privileged message types sent from a content-script context (compromised renderer)', () => {
  it('refuses every message a content script may not send, from every such sender, before any handler runs', async () => {
    expect(privileged.length).toBeGreaterThan(40);
    const called = vi.fn(async () => ({ ok: true as const }));
    const handlers = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, called])) as unknown as Handlers;
    const route = createRouter(handlers, EXTENSION_ID, { frameAllowed: async () => true });
    for (const type of privileged) {
      for (const sender of CONTENT_LIKE) {
        const reply = await route({ type, payload: {} }, sender);
        expect(reply, `${type} from ${sender.url ?? 'no url'}`).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      }
    }
    expect(called).not.toHaveBeenCalled();
  });

  it('refuses even the content script’s own messages from another extension or a frame of no web URL', async () => {
    const called = vi.fn(async () => ({ ok: true as const }));
    const handlers = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, called])) as unknown as Handlers;
    const route = createRouter(handlers, EXTENSION_ID);
    const contentTypes = Object.keys(PROTOCOL).filter((type) => !privileged.includes(type));
    for (const type of contentTypes) {
      for (const sender of CONTENT_LIKE.slice(3)) {
        expect(await route({ type, payload: {} }, sender), `${type} from ${sender.url ?? 'no url'}`).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      }
    }
    expect(called).not.toHaveBeenCalled();
  });
});
