import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { classifySender, createRouter, ProtocolError, type Handlers } from '../../../lib/messaging/router';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGE = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidebar.html`, tab: { id: 7 } };
const CONTENT = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 } };

const NOTE = {
  id: 'n1',
  customerId: 'c1',
  body: 'hello',
  pinned: false,
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => Promise.reject(new Error('not expected in this test'));
  // Every message a test does not name fails, so new protocol modules need no edit here.
  const failing = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, fail])) as unknown as Handlers;
  return {
    ...failing,
    'page.report': vi.fn(async () => ({ ok: true as const })),
    'ui.frame': vi.fn(async () => ({ collapsed: false, inboxMarks: false })),
    'ui.setCollapsed': vi.fn(async () => ({ ok: true as const })),
    'sidebar.context': fail,
    'customer.card': fail,
    'customer.create': fail,
    'note.add': vi.fn(async () => NOTE),
    'note.update': fail,
    'note.delete': fail,
    'sample.load': fail,
    ...overrides,
  };
}

const report = { site: 'gmail', view: 'inbox', threadId: null, self: null, people: [] };

describe('classifySender', () => {
  it('classifies extension pages and content scripts of this extension only', () => {
    expect(classifySender(PAGE, EXTENSION_ID)).toBe('page');
    expect(classifySender({ ...PAGE, url: `moz-extension://uuid/sidebar.html` }, EXTENSION_ID)).toBe('page');
    expect(classifySender(CONTENT, EXTENSION_ID)).toBe('content');
    expect(classifySender({ ...CONTENT, id: 'someone-else' }, EXTENSION_ID)).toBeNull();
    expect(classifySender({ id: EXTENSION_ID, url: 'https://x.test/' }, EXTENSION_ID)).toBeNull();
    expect(classifySender({ id: EXTENSION_ID, url: 'not a url', tab: { id: 1 } }, EXTENSION_ID)).toBeNull();
  });
});

describe('createRouter', () => {
  it('refuses unknown types with unknown_type', async () => {
    const route = createRouter(handlers(), EXTENSION_ID);
    for (const message of [{ type: 'db.dump' }, { type: 'toString' }, { type: '__proto__' }, null, 'note.add', {}]) {
      expect(await route(message, PAGE)).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    }
  });

  it('refuses a content script asking for page-only messages', async () => {
    const h = handlers();
    const route = createRouter(h, EXTENSION_ID);
    const reply = await route({ type: 'note.add', payload: { customerId: 'c1', body: 'x' } }, CONTENT);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(h['note.add']).not.toHaveBeenCalled();
  });

  it('refuses page reports from extension pages and from other extensions', async () => {
    const h = handlers();
    const route = createRouter(h, EXTENSION_ID);
    expect(await route({ type: 'page.report', payload: report }, PAGE)).toMatchObject({
      error: { code: 'forbidden_sender' },
    });
    expect(await route({ type: 'page.report', payload: report }, { ...CONTENT, id: 'other' })).toMatchObject({
      error: { code: 'forbidden_sender' },
    });
    expect(h['page.report']).not.toHaveBeenCalled();
  });

  it('refuses malformed payloads with bad_request and names the field', async () => {
    const h = handlers();
    const route = createRouter(h, EXTENSION_ID);
    const reply = await route({ type: 'note.add', payload: { customerId: 'c1', body: '   ' } }, PAGE);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(JSON.stringify(reply)).toContain('body');
    const tooMany = { ...report, people: Array.from({ length: 501 }, () => ({ email: 'a@b.co', name: '', role: 'to' })) };
    expect(await route({ type: 'page.report', payload: tooMany }, CONTENT)).toMatchObject({
      error: { code: 'bad_request' },
    });
    expect(h['note.add']).not.toHaveBeenCalled();
  });

  it('passes parsed requests and the tab to the handler and wraps the reply', async () => {
    const h = handlers();
    const route = createRouter(h, EXTENSION_ID);
    const reply = await route({ type: 'note.add', payload: { customerId: 'c1', body: '  hello  ' } }, PAGE);
    expect(reply).toEqual({ ok: true, data: NOTE });
    expect(h['note.add']).toHaveBeenCalledWith({ customerId: 'c1', body: 'hello' }, { sender: 'page', tabId: 7, origin: null });
    await route({ type: 'page.report', payload: report }, CONTENT);
    expect(h['page.report']).toHaveBeenCalledWith(expect.anything(), {
      sender: 'content',
      tabId: 7,
      origin: 'https://mail.google.com',
    });
  });

  it('turns handler errors into coded failures without throwing', async () => {
    const route = createRouter(
      handlers({
        'note.delete': async () => {
          throw new ProtocolError('not_found', 'No such note.');
        },
        'note.update': async () => {
          throw new DOMException('Quota exceeded', 'QuotaExceededError');
        },
      }),
      EXTENSION_ID,
    );
    expect(await route({ type: 'note.delete', payload: { id: 'x' } }, PAGE)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such note.' },
    });
    expect(await route({ type: 'note.update', payload: { id: 'x', pinned: true } }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'storage' },
    });
  });

  it('refuses a handler reply that does not match the protocol', async () => {
    const route = createRouter(
      handlers({ 'ui.frame': async () => ({ collapsed: 'yes' }) as unknown as { collapsed: boolean; inboxMarks: boolean } }),
      EXTENSION_ID,
    );
    expect(await route({ type: 'ui.frame', payload: { token: crypto.randomUUID() } }, CONTENT)).toMatchObject({
      error: { code: 'internal' },
    });
  });

  it('answers a sidebar framed in a page only with the token its tab registered', async () => {
    const h = handlers();
    const frameAllowed = vi.fn(async (tabId: number, token: unknown) => tabId === 7 && token === 'right');
    const route = createRouter(h, EXTENSION_ID, { frameAllowed });
    const framed = { ...PAGE, frameId: 3 };
    const note = { type: 'note.add', payload: { customerId: 'c1', body: 'x' } };
    expect(await route(note, framed)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await route({ ...note, frame: 'wrong' }, framed)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(h['note.add']).not.toHaveBeenCalled();
    expect(await route({ ...note, frame: 'right' }, framed)).toMatchObject({ ok: true });
    // A top-level extension page (the popup, the manager in its own tab) needs no token.
    expect(await route(note, { ...PAGE, frameId: 0 })).toMatchObject({ ok: true });
    expect(frameAllowed).toHaveBeenCalledTimes(2 + 1);
  });
});
