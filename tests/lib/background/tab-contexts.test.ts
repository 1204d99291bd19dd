import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_REGISTRATION_WAIT_MS, TabContexts, toTabState, type SessionArea } from '../../../lib/background/tab-contexts';
import type { PageReport } from '../../../lib/messaging/protocol';

const report = (people: PageReport['people'], self: string | null = 'me@shop.test'): PageReport => ({
  site: 'gmail',
  view: 'thread',
  threadId: 't1',
  self,
  people,
});

describe('toTabState', () => {
  it('normalizes, merges roles, keeps the best name and leaves the user out', () => {
    const state = toTabState(
      report([
        { email: 'Maria@Example.com\u202c', name: '', role: 'from' },
        { email: 'maria@example.com', name: 'Maria', role: 'cc' },
        { email: 'ME@shop.test', name: 'me', role: 'to' },
        { email: 'boss@own.test', name: 'Boss', role: 'to' },
        { email: 'not an address', name: 'x', role: 'to' },
      ]),
      new Set(['boss@own.test']),
      5,
    );
    expect(state).toEqual({
      site: 'gmail',
      view: 'thread',
      threadId: 't1',
      seq: 5,
      people: [{ email: 'maria@example.com', name: 'Maria', roles: ['from', 'cc'] }],
      drift: null,
    });
  });
});

describe('TabContexts', () => {
  it('recovers a tab state from session storage after a restart of the background', async () => {
    const store = new Map<string, unknown>();
    const session: SessionArea = {
      get: async (key) => (store.has(key) ? { [key]: store.get(key) } : {}),
      set: async (items) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
      remove: async (key) => void store.delete(key),
    };
    const first = new TabContexts(session);
    const saved = await first.report(3, report([{ email: 'a@b.co', name: 'A', role: 'from' }]), new Set());
    const restarted = new TabContexts(session);
    expect(await restarted.get(3)).toEqual(saved);
    await restarted.forget(3);
    expect(await new TabContexts(session).get(3)).toBeNull();
  });

  it('gives every report a larger sequence number', async () => {
    const tabs = new TabContexts(null);
    const a = await tabs.report(1, report([]), new Set());
    const b = await tabs.report(1, report([]), new Set());
    expect(b.seq).toBeGreaterThan(a.seq);
  });

  it('allows only the frame token the tab registered last, also after a restart', async () => {
    const store = new Map<string, unknown>();
    const session: SessionArea = {
      get: async (k) => (store.has(k) ? { [k]: store.get(k) } : {}),
      set: async (items) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
      remove: async (k) => void store.delete(k),
    };
    const tabs = new TabContexts(session);
    await tabs.registerFrame(3, 'first');
    await tabs.registerFrame(3, 'second');
    expect(await tabs.frameAllowed(3, 'first', 0)).toBe(false);
    expect(await new TabContexts(session).frameAllowed(3, 'second', 0)).toBe(true);
    expect(await tabs.frameAllowed(4, 'second', 0)).toBe(false);
    expect(await tabs.frameAllowed(3, undefined)).toBe(false);
    await tabs.forget(3);
    expect(await new TabContexts(session).frameAllowed(3, 'second', 0)).toBe(false);
  });

  describe('a framed sidebar whose request overtakes its registration', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is allowed once the tab registers its token within the wait', async () => {
      vi.useFakeTimers();
      const tabs = new TabContexts(null);
      await tabs.registerFrame(3, 'previous page');
      let verdict: boolean | null = null;
      void tabs.frameAllowed(3, 'new').then((allowed) => (verdict = allowed));
      await vi.advanceTimersByTimeAsync(FRAME_REGISTRATION_WAIT_MS / 2);
      expect(verdict).toBeNull();
      await tabs.registerFrame(3, 'new');
      await vi.advanceTimersByTimeAsync(0);
      expect(verdict).toBe(true);
    });

    it('is refused when the wait ends without its token, or another tab or token registers', async () => {
      vi.useFakeTimers();
      const tabs = new TabContexts(null);
      let verdict: boolean | null = null;
      void tabs.frameAllowed(3, 'forged').then((allowed) => (verdict = allowed));
      await tabs.registerFrame(4, 'forged');
      await tabs.registerFrame(3, 'real');
      await vi.advanceTimersByTimeAsync(FRAME_REGISTRATION_WAIT_MS - 1);
      expect(verdict).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect(verdict).toBe(false);
    });
  });

  it('forgets a closed tab’s site along with its people and frame', async () => {
    const tabs = new TabContexts(null);
    await tabs.setSite(5, { site: 'woocommerce', host: 'shop.example' });
    expect(await tabs.site(5)).toEqual({ site: 'woocommerce', host: 'shop.example' });
    await tabs.forget(5);
    expect(await tabs.site(5)).toBeNull();
  });
});
