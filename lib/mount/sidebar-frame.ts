/**
 * Mounts the slim launcher and the sidebar iframe into a host page.
 *
 * Everything lives in a closed shadow root so the page's CSS cannot restyle it and page
 * scripts cannot reach into it through `element.shadowRoot`. The sidebar itself is an
 * extension page in the iframe: the page cannot read what it shows or what the user types.
 * No HTML strings are ever assigned (Gmail enforces Trusted Types); nodes are built by hand.
 */

import { withFrameTheme } from '../sidebar/frame-theme';

export const SIDEBAR_WIDTH = 360;
const HOST_TAG = 'crm-sidebar-host';

const CSS = `
:host { all: initial; }
.frame {
  position: fixed; top: 0; right: 0; bottom: 0; width: ${SIDEBAR_WIDTH}px; height: 100vh;
  border: 0; border-left: 1px solid #dadce0; background: Canvas; z-index: 2147483646;
  box-shadow: -2px 0 12px rgba(60, 64, 67, .15); color-scheme: light dark;
}
/* The backdrop before the sidebar paints: the system's scheme, or dark beside a dark page. */
.frame--dark { color-scheme: dark; border-left-color: #3c4043; }
.frame[hidden] { display: none; }
.launcher {
  position: fixed; right: 0; bottom: 96px; width: 22px; height: 56px; z-index: 2147483646;
  border: 1px solid #dadce0; border-right: 0; border-radius: 8px 0 0 8px; padding: 0;
  background: #1a73e8; color: #fff; cursor: pointer; font: 600 12px/1 system-ui, sans-serif;
  writing-mode: vertical-rl; box-shadow: -1px 1px 4px rgba(60, 64, 67, .3);
}
.launcher:hover { width: 26px; }
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
}): SidebarFrame {
  const doc = options.document;
  doc.querySelector(HOST_TAG)?.remove();
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });

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
  const apply = () => {
    frame.hidden = collapsed !== false;
    launcher.hidden = collapsed !== true;
  };
  apply();

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

  return {
    get collapsed() {
      return collapsed !== false;
    },
    setCollapsed(next: boolean) {
      collapsed = next;
      apply();
    },
    setDark(next: boolean) {
      dark = next;
      frame.classList.toggle('frame--dark', dark);
      if (loaded) applyTheme();
    },
    destroy() {
      host.remove();
    },
  };
}
