import type { RoomStrategy } from '../../mount/room';

/**
 * How Outlook on the web makes room for the sidebar. Like Gmail it fills the window and scrolls
 * inside its own panes (the message list, the reading pane), so the body is narrowed and holds
 * Outlook's fixed parts too (menus, pop-ups), and a resize event follows each change for the parts
 * laid out by script. Not verified against a live Outlook: if one of its controls is still
 * measured under the sidebar, the narrowing is taken back and the sidebar lies over the page
 * (lib/mount/room.ts).
 */
export const outlookRoom: RoomStrategy = {
  mode: 'app',
  afterChange: (win) => win.dispatchEvent(new Event('resize')),
};
