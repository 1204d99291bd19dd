import type { RoomStrategy } from '../../mount/room';

/**
 * How Gmail makes room for the sidebar. Gmail fills the window and scrolls inside its own
 * panes, so the body is narrowed and holds Gmail's fixed parts too (compose windows, menus):
 * its flex and grid layout follows the narrower body. Parts of Gmail are laid out by script on
 * window resize (InboxSDK fakes a resize after opening or closing its side panel for the same
 * reason, see fake-window-resize.ts in InboxSDK), so a resize event follows each change. If a
 * Gmail control is still measured under the sidebar, the narrowing is taken back (lib/mount/room.ts).
 */
export const gmailRoom: RoomStrategy = {
  mode: 'app',
  afterChange: (win) => win.dispatchEvent(new Event('resize')),
};
