import type { RoomStrategy } from '../../mount/room';

/**
 * How the Shopify admin makes room for the sidebar: like any page, by how it scrolls (an app
 * frame that scrolls inside is narrowed with its fixed bars; a page that scrolls as a whole
 * reflows), and measured afterwards (lib/mount/room.ts).
 */
export const shopifyRoom: RoomStrategy = { mode: 'auto' };
