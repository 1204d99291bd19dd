import type { RoomStrategy } from '../../mount/room';

/**
 * How an enabled page (or a WooCommerce order page) makes room for the sidebar: by how it
 * scrolls, and only where no control of the page is left under the sidebar afterwards
 * (lib/mount/room.ts); otherwise the sidebar lies over the page as before.
 */
export const genericRoom: RoomStrategy = { mode: 'auto' };
