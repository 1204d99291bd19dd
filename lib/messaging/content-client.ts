import { browser } from 'wxt/browser';
import { parseContentUiState, UI_PUSH_TYPE, type ContentUiState } from '../ui-state';
import type { MessageType, PageReport, RequestOf } from './protocol';
import { TIER_MARKS, type TierMark } from './vocabulary';

/**
 * The content scripts' side of the protocol: the few messages a content script may send.
 * Deliberately free of zod (types only): it ships in every page load. Replies carry no
 * customer data, and the background validates every request.
 */

async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<unknown> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as
    | { ok: true; data: unknown }
    | { ok: false; error: { message: string } }
    | undefined;
  if (!reply || typeof reply !== 'object') throw new Error('The extension did not answer.');
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

export function reportPage(report: PageReport): Promise<unknown> {
  return send('page.report', report);
}

/** Beyond Gmail: which site family the page belongs to and its host. */
export function reportSite(payload: RequestOf<'site.page'>): Promise<unknown> {
  return send('site.page', payload);
}

/**
 * Follows the state the background pushes when it changes (another tab collapsed the sidebar,
 * the inbox-marks setting was switched). A content script's onMessage hears only this extension.
 */
export function onUiState(listener: (state: ContentUiState) => void, signal: AbortSignal): void {
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== UI_PUSH_TYPE) return;
    const state = parseContentUiState(message);
    if (state) listener(state);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
}

/**
 * Registers a fresh token for the sidebar frame about to be mounted: returns the frame's URL at
 * once, so the frame can start loading while the registration travels, and the state to mount
 * with once the background answered. The background answers a framed sidebar only with the token
 * of its tab's content script (a request that overtakes the registration waits for it).
 */
export function openSidebar(): { src: string; state: Promise<ContentUiState> } {
  const token = crypto.randomUUID();
  const state = send('ui.frame', { token }).then(
    (reply) => parseContentUiState(reply) ?? { collapsed: false, inboxMarks: false },
  );
  return { src: `${browser.runtime.getURL('/sidebar.html')}#frame=${token}`, state };
}

export function setCollapsed(collapsed: boolean): Promise<unknown> {
  return send('ui.setCollapsed', { collapsed });
}

/**
 * The tier letters of the given addresses that are customers (Gmail inbox marks, opt-in). The
 * reply is checked by hand: only `A`/`B`/`C` per address ever reaches the page.
 */
export async function inboxMarks(emails: string[]): Promise<Map<string, TierMark>> {
  const data = (await send('gmail.inboxMarks', { emails })) as { marks?: unknown } | null;
  const marks = new Map<string, TierMark>();
  const raw = data?.marks;
  if (typeof raw !== 'object' || raw === null) return marks;
  for (const [email, tier] of Object.entries(raw)) {
    if ((TIER_MARKS as readonly unknown[]).includes(tier)) marks.set(email, tier as TierMark);
  }
  return marks;
}
