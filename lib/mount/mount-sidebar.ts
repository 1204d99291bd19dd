import { onUiState, openSidebar, setCollapsed } from '../messaging/content-client';
import type { ContentUiState } from '../ui-state';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';

/** What a content script's context offers (WXT's ContentScriptContext fits). */
export interface ScriptContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): unknown;
}

/**
 * Mounts the launcher and the sidebar frame for a content script: one round trip registers the
 * frame's token and brings the state to mount with; later changes (a collapse in another tab,
 * a setting) are pushed by the background and passed to `onState` too. Null when the extension
 * did not answer or the script was invalidated meanwhile.
 */
export async function mountSidebar(
  ctx: ScriptContext,
  onState: (state: ContentUiState) => void = () => undefined,
): Promise<SidebarFrame | null> {
  const opened = await openSidebar().catch(() => null);
  if (opened === null || ctx.isInvalid) return null;
  const frame = mountSidebarFrame({
    document,
    src: opened.src,
    collapsed: opened.state.collapsed,
    onToggle: (next) => void setCollapsed(next).catch(() => undefined),
  });
  ctx.onInvalidated(() => frame.destroy());
  onState(opened.state);
  onUiState((state) => {
    frame.setCollapsed(state.collapsed);
    onState(state);
  }, ctx.signal);
  return frame;
}
