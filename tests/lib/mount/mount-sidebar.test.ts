// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OVERLAY } from '../../../lib/mount/room';
import type { ContentUiState } from '../../../lib/ui-state';

const opened = vi.hoisted(() => ({ state: null as Promise<ContentUiState> | null }));

vi.mock('../../../lib/messaging/content-client', () => ({
  openSidebar: () => ({ src: 'chrome-extension://crm/sidebar.html#frame=token', state: opened.state }),
  onUiState: () => undefined,
  setCollapsed: async () => ({ ok: true }),
}));

const { mountSidebar } = await import('../../../lib/mount/mount-sidebar');

function deferred() {
  let resolve!: (state: ContentUiState) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<ContentUiState>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const ctx = () => ({ signal: new AbortController().signal, isInvalid: false, onInvalidated: () => undefined });

/** The closed shadow roots the mount creates, caught as they are attached. */
let roots: ShadowRoot[] = [];
beforeEach(() => {
  roots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});
afterEach(() => document.querySelector('crm-sidebar-host')?.remove());

const parts = () => {
  const root = roots[0];
  const frame = root?.querySelector('iframe');
  const launcher = root?.querySelector('button');
  if (!frame || !launcher) throw new Error('not mounted');
  return { frame, launcher };
};

describe('mountSidebar', () => {
  it('starts loading the frame before the background answers, shown only once the state is known', async () => {
    const state = deferred();
    opened.state = state.promise;
    const mounting = mountSidebar(ctx(), OVERLAY);
    const { frame, launcher } = parts();
    expect(frame.getAttribute('src')).toBe('chrome-extension://crm/sidebar.html#frame=token');
    expect([frame.hidden, launcher.hidden]).toEqual([true, true]);
    state.resolve({ collapsed: true, inboxMarks: false });
    expect(await mounting).not.toBeNull();
    expect([frame.hidden, launcher.hidden]).toEqual([true, false]);
  });

  it('shows the frame at once when the remembered state is open', async () => {
    opened.state = Promise.resolve({ collapsed: false, inboxMarks: false });
    await mountSidebar(ctx(), OVERLAY);
    const { frame, launcher } = parts();
    expect([frame.hidden, launcher.hidden]).toEqual([false, true]);
  });

  it('leaves nothing in the page when the extension does not answer', async () => {
    const state = deferred();
    opened.state = state.promise;
    const mounting = mountSidebar(ctx(), OVERLAY);
    expect(document.querySelector('crm-sidebar-host')).not.toBeNull();
    state.reject(new Error('The extension did not answer.'));
    expect(await mounting).toBeNull();
    expect(document.querySelector('crm-sidebar-host')).toBeNull();
  });
});
