import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../lib/messaging/protocol';

/**
 * Content scripts run inside hostile pages and must never receive customer records. Every
 * message they may send is listed here on purpose, so adding one is a reviewed decision.
 */
describe('messages a content script may send', () => {
  it('are exactly the page reports, the launcher state and the opt-in inbox marks', () => {
    const allowed = Object.entries(PROTOCOL)
      .filter(([, def]) => (def.senders as readonly string[]).includes('content'))
      .map(([type]) => type)
      .sort();
    expect(allowed).toEqual(['gmail.inboxMarks', 'page.report', 'site.page', 'ui.frame', 'ui.setCollapsed']);
  });

  it('lets the inbox marks reply carry tier letters and nothing else', () => {
    const reply = PROTOCOL['gmail.inboxMarks'].reply;
    expect(reply.safeParse({ marks: { 'maria@nordlicht.example': 'A' } }).success).toBe(true);
    expect(reply.safeParse({ marks: { 'maria@nordlicht.example': 'Maria Jensen' } }).success).toBe(false);
    expect(reply.safeParse({ marks: {}, name: 'Maria Jensen' }).data).toEqual({ marks: {} });
  });
});
