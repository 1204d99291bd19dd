/**
 * Mounts the slim launcher and the sidebar iframe into a host page.
 *
 * Everything lives in a closed shadow root so the page's CSS cannot restyle it and page
 * scripts cannot reach into it through `element.shadowRoot`. The sidebar itself is an
 * extension page in the iframe: the page cannot read what it shows or what the user types.
 * No HTML strings are ever assigned (Gmail enforces Trusted Types); nodes are built by hand.
 *
 * While the sidebar is open the page makes room for it as its site says (lib/mount/room.ts);
 * collapsed, the page has its whole width back and the launcher sits where no control of the
 * page lies under it.
 */

import { withFrameTheme } from '../sidebar/frame-theme';
import { createRoom, freeTabOffset, OVERLAY, type RoomStrategy } from './room';

export const SIDEBAR_WIDTH = 360;
const HOST_TAG = 'crm-sidebar-host';
const LAUNCHER = { width: 22, height: 56 };
/** The page may lay itself out after a resize event: measured again after this long. */
const RECHECK_MS = 400;

const CSS = `
:host { all: initial; }
.frame {
  position: fixed; top: 0; right: 0; width: ${SIDEBAR_WIDTH}px; height: 100vh;
  border: 0; border-left: 1px solid #dadce0; background: Canvas; z-index: 2147483646;
  color-scheme: light dark;
}
/* Over the page (where it could not make room), a shadow sets the sidebar apart. */
.frame--over { box-shadow: -2px 0 12px rgba(60, 64, 67, .15); }
/* The backdrop before the sidebar paints: the system's scheme, or dark beside a dark page. */
.frame--dark { color-scheme: dark; border-left-color: #3c4043; }
.frame[hidden] { display: none; }
.launcher {
  position: fixed; right: 0; bottom: 96px; width: ${LAUNCHER.width}px; height: ${LAUNCHER.height}px; z-index: 2147483646;
  border: 1px solid #dadce0; border-right: 0; border-radius: 8px 0 0 8px; padding: 0;
  background: #1a73e8; color: #fff; cursor: pointer; font: 600 12px/1 system-ui, sans-serif;
  writing-mode: vertical-rl; box-shadow: -1px 1px 4px rgba(60, 64, 67, .3);
}
.launcher:hover { width: ${LAUNCHER.width + 4}px; }
.launcher:focus-visible { outline: 2px solid #174ea6; outline-offset: 2px; }
.launcher[hidden] { display: none; }
`;

export interface SidebarFrame {
  setCollapsed(collapsed: boolean): void;
  /** Dark beside a page in a dark theme; otherwise the sidebar follows the system's theme. */
  setDark(dark: boolean): void;
  readonly collapsed: boolean;
  destroy(): void;
}

export function mountSidebarFrame(options: {
  document: Document;
  src: string;
  /** Null while the state is not known yet: the frame loads, but neither it nor the launcher shows. */
  collapsed: boolean | null;
  onToggle: (collapsed: boolean) => void;
  /** How this site's pages make room for the open sidebar; overlay when not given. */
  room?: RoomStrategy;
}): SidebarFrame {
  const doc = options.document;
  const win = doc.defaultView;
  doc.querySelector(HOST_TAG)?.remove();
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const ours = (el: Element) => el === host || host.contains(el);
  const room = createRoom(doc, options.room ?? OVERLAY, ours);

  const style = doc.createElement('style');
  style.textContent = CSS;

  const launcher = doc.createElement('button');
  launcher.className = 'launcher';
  launcher.type = 'button';
  launcher.textContent = 'CRM';
  launcher.title = 'Show customer sidebar';
  launcher.setAttribute('aria-label', 'Show customer sidebar');

  const frame = doc.createElement('iframe');
  frame.className = 'frame';
  frame.title = 'Customer sidebar';
  frame.src = options.src;

  // The frame's document reads its theme from the hash: changed once it has loaded, a hash
  // change does not reload it (changed while it loads, the load would start again).
  let dark = false;
  let loaded = false;
  const applyTheme = () => {
    const next = withFrameTheme(frame.src, dark);
    if (next !== frame.src) frame.src = next;
  };
  frame.addEventListener('load', () => {
    loaded = true;
    applyTheme();
  });

  let collapsed = options.collapsed;
  let recheck: number | undefined;

  const placeLauncher = () => {
    if (collapsed !== true) return;
    try {
      launcher.style.bottom = `${freeTabOffset(doc, LAUNCHER, ours)}px`;
    } catch {
      // Where the page cannot be measured, the launcher keeps its place.
    }
  };

  const apply = () => {
    frame.hidden = collapsed !== false;
    launcher.hidden = collapsed !== true;
    if (collapsed === null) return;
    room.set(collapsed ? 0 : SIDEBAR_WIDTH);
    frame.classList.toggle('frame--over', room.state === 'overlay');
    placeLauncher();
    if (win) {
      win.clearTimeout(recheck);
      recheck = win.setTimeout(() => {
        room.recheck();
        frame.classList.toggle('frame--over', room.state === 'overlay');
        placeLauncher();
      }, RECHECK_MS);
    }
  };

  // A window resized while open: the room is measured again; collapsed, the launcher finds a free place.
  const onResize = (event: Event) => {
    // Our own resize event (sent for the page's layout) is not a new window size.
    if (!event.isTrusted) return;
    if (collapsed === false) {
      room.recheck();
      frame.classList.toggle('frame--over', room.state === 'overlay');
    }
    placeLauncher();
  };
  win?.addEventListener('resize', onResize);

  launcher.addEventListener('click', (event) => {
    // A page script can call .click() on nothing here (closed shadow root), but a synthetic
    // event dispatched at the host could bubble; only trusted user clicks toggle.
    if (!event.isTrusted) return;
    collapsed = false;
    apply();
    options.onToggle(collapsed);
  });

  shadow.append(style, launcher, frame);
  doc.documentElement.append(host);
  apply();

  return {
    get collapsed() {
      return collapsed !== false;
    },
    setCollapsed(next: boolean) {
      if (next === collapsed) return;
      collapsed = next;
      apply();
    },
    setDark(next: boolean) {
      dark = next;
      frame.classList.toggle('frame--dark', dark);
      if (loaded) applyTheme();
    },
    destroy() {
      win?.clearTimeout(recheck);
      win?.removeEventListener('resize', onResize);
      room.destroy();
      host.remove();
    },
  };
}
