import { onUiState, openSidebar, setCollapsed } from '../messaging/content-client';
import type { ContentUiState } from '../ui-state';
import type { RoomStrategy } from './room';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';

/** What a content script's context offers (WXT's ContentScriptContext fits). */
export interface ScriptContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): unknown;
}

/**
 * Mounts the launcher and the sidebar frame for a content script. The frame starts loading at
 * once, hidden, while one round trip registers its token and brings the state to show it with
 * (collapsed or not); later changes (a collapse in another tab, a setting) are pushed by the
 * background and passed to `onState` too. `room` is how the site's pages make room for the
 * open sidebar (lib/sites/<site>/room.ts). Null, with nothing left in the page, when the
 * extension did not answer or the script was invalidated meanwhile.
 */
export async function mountSidebar(
  ctx: ScriptContext,
  room: RoomStrategy,
  onState: (state: ContentUiState) => void = () => undefined,
): Promise<SidebarFrame | null> {
  const opened = openSidebar();
  // At document_start Chrome has the <html> element already; elsewhere wait for the answer.
  const early = document.documentElement ? mount(opened.src, null, room) : null;
  const state = await opened.state.catch(() => null);
  if (state === null || ctx.isInvalid) {
    early?.destroy();
    return null;
  }
  const frame = early ?? mount(opened.src, state.collapsed, room);
  frame.setCollapsed(state.collapsed);
  ctx.onInvalidated(() => frame.destroy());
  onState(state);
  onUiState((next) => {
    frame.setCollapsed(next.collapsed);
    onState(next);
  }, ctx.signal);
  return frame;
}

function mount(src: string, collapsed: boolean | null, room: RoomStrategy): SidebarFrame {
  return mountSidebarFrame({
    document,
    src,
    collapsed,
    room,
    onToggle: (next) => void setCollapsed(next).catch(() => undefined),
  });
}
