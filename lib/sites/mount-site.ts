import { browser } from 'wxt/browser';
import type { MessageType, RequestOf } from '../messaging/protocol';
import { onUiState, openSidebar } from '../messaging/content-client';
import { mountSidebarFrame } from '../mount/sidebar-frame';
import type { SiteScan } from './registry';
import { watchPage } from './watch';

/**
 * Sends a protocol message and ignores the reply's data. The page scripts only report, so they
 * skip lib/messaging/client.ts, whose reply parsing brings the whole protocol and zod (~100 kB)
 * into every page; the background still parses every request it receives.
 */
function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<unknown> {
  return browser.runtime.sendMessage({ type, payload });
}

/** What a content script's context offers (WXT's ContentScriptContext fits). */
export interface ScriptContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): unknown;
}

/** Set in the content scripts' isolated world (invisible to the page) once a script runs in a tab. */
const RUNNING = Symbol.for('local-crm-sidebar.site-script');

/**
 * Mounts the launcher and sidebar iframe on a non-Gmail page and reports what the adapter
 * finds: the page's site and host once (and again if they change), the people once per change
 * burst. Every failure stays inside: the host page never sees an error from us.
 */
export async function runSiteSidebar(ctx: ScriptContext, scan: (root: ParentNode, url: string) => SiteScan): Promise<void> {
  // Only the top frame hosts the sidebar; a second injection (toolbar click on an enabled site) is a no-op.
  const marks = window as unknown as Record<symbol, boolean>;
  if (window.top !== window || marks[RUNNING]) return;
  marks[RUNNING] = true;
  ctx.onInvalidated(() => {
    marks[RUNNING] = false;
  });

  const opened = await openSidebar().catch(() => null);
  if (opened === null || ctx.isInvalid) return;
  const frame = mountSidebarFrame({
    document,
    src: opened.src,
    collapsed: opened.state.collapsed,
    onToggle: (next) => void send('ui.setCollapsed', { collapsed: next }).catch(() => undefined),
  });
  ctx.onInvalidated(() => frame.destroy());

  // Collapsing in another tab is pushed by the background; no extension storage is read here.
  onUiState((state) => frame.setCollapsed(state.collapsed), ctx.signal);

  let sentPage: string | null = null;
  watchPage<SiteScan>({
    win: window,
    scan: () => scan(document, location.href),
    signal: ctx.signal,
    attributeFilter: ['href', 'value', 'selected', 'content', 'data-cfemail'],
    onChange: ({ report, host }) => {
      const page = JSON.stringify([report.site, host]);
      const deliver = async () => {
        if (page !== sentPage) {
          sentPage = page;
          await send('site.page', { site: report.site === 'gmail' ? 'generic' : report.site, host });
        }
        await send('page.report', report);
      };
      void deliver().catch(() => undefined);
    },
  });
}
