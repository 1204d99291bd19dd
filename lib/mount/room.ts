/**
 * Making room for the open sidebar, so it lies beside the page rather than over it.
 *
 * Each site says how its pages make room (a `RoomStrategy`, kept with the site's adapter in
 * lib/sites/<site>/room.ts); this module does it without knowing any site:
 *
 * - `app`: pages that fill the window and scroll inside (Gmail, store admins). The body is
 *   narrowed and made the containing block of its fixed-position descendants, so the page's
 *   own layout, fixed bars, menus and docked windows all end at the sidebar's edge.
 * - `flow`: ordinary pages that scroll as a whole. The root element is narrowed, so the text
 *   and boxes in the flow reflow into the room left; fixed-position parts keep the window as
 *   their box (containing them would make them scroll away).
 * - `auto`: `app` when the page does not scroll, else `flow`.
 * - `overlay`: the page is left as it is and the sidebar lies over its right edge.
 *
 * After narrowing, the page is measured: if a control of the page (a link, a button, a field)
 * still lies under the sidebar, the narrowing did not work for this page and is taken back,
 * unless the site says its narrowing is to be kept anyway (`keep: true`, for a site whose layout
 * is known to follow). The collapsed sidebar's tab is placed where no control lies under it.
 *
 * Everything here runs in the content script's world; the page sees one `<style>` element and an
 * attribute on `<html>`, nothing it can use to reach the sidebar.
 */

export type RoomMode = 'app' | 'flow' | 'auto' | 'overlay';

export interface RoomStrategy {
  mode: RoomMode;
  /** Keep the narrowing even if a control is measured under the sidebar (the site's layout is known to follow). */
  keep?: boolean;
  /** After the page was narrowed or given back its width (Gmail lays parts out on window resize). */
  afterChange?: (win: Window) => void;
}

export const OVERLAY: RoomStrategy = { mode: 'overlay' };

/** Where the room was made, as it is measured. */
export type RoomState = 'narrowed' | 'overlay';

const ATTRIBUTE = 'data-crm-sidebar-room';
const STYLE_ID = 'crm-sidebar-room-style';

/** What counts as a control of the page: what a person clicks, types into or tabs to. */
export const CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type=hidden])',
  'select',
  'textarea',
  'summary',
  '[role=button]',
  '[role=link]',
  '[role=tab]',
  '[role=menuitem]',
  '[role=checkbox]',
  '[role=option]',
  '[contenteditable=""]',
  '[contenteditable=true]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function css(width: number): string {
  const room = `calc(100% - ${width}px)`;
  return `
html[${ATTRIBUTE}=app] { overflow: hidden !important; }
html[${ATTRIBUTE}=app] > body {
  box-sizing: border-box !important; width: ${room} !important; min-width: 0 !important; max-width: none !important;
  margin-right: 0 !important; contain: layout !important;
}
html[${ATTRIBUTE}=flow] {
  box-sizing: border-box !important; width: ${room} !important; min-width: 0 !important; max-width: none !important;
}`;
}

/** Whether the document scrolls as a whole (then fixed parts must keep the window as their box). */
export function documentScrolls(doc: Document): boolean {
  const root = doc.scrollingElement ?? doc.documentElement;
  return root.scrollHeight > root.clientHeight + 1 || root.scrollWidth > root.clientWidth + 1;
}

function visible(el: Element, rect: DOMRect): boolean {
  if (rect.width < 1 || rect.height < 1) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) !== 0);
}

/**
 * The page's visible controls that reach into the right strip of `width` pixels, our own
 * elements left out. The strip is the window's right edge, where the sidebar lies.
 */
export function controlsUnder(doc: Document, width: number, ignore: (el: Element) => boolean = () => false): Element[] {
  const win = doc.defaultView;
  if (!win) return [];
  const edge = doc.documentElement.clientWidth - width;
  const found: Element[] = [];
  for (const el of doc.querySelectorAll(CONTROL_SELECTOR)) {
    if (ignore(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right <= edge + 0.5 || rect.left >= win.innerWidth || rect.bottom <= 0 || rect.top >= win.innerHeight) continue;
    if (visible(el, rect)) found.push(el);
  }
  return found;
}

export interface Room {
  /** Makes room for a sidebar `width` pixels wide (open), or gives the page its width back (0). */
  set(width: number): RoomState;
  /** Measures again (the page may lay itself out later, or after a resize); takes the room back if it failed. */
  recheck(): RoomState;
  readonly state: RoomState;
  destroy(): void;
}

/**
 * Makes room in `doc` as `strategy` says. `ignore` tells our own elements (the sidebar's host)
 * from the page's. A failure of any kind leaves the page as it was.
 */
export function createRoom(doc: Document, strategy: RoomStrategy, ignore: (el: Element) => boolean): Room {
  let state: RoomState = 'overlay';
  let width = 0;
  let style: HTMLStyleElement | null = null;
  const root = doc.documentElement;

  function clear() {
    root.removeAttribute(ATTRIBUTE);
    style?.remove();
    style = null;
  }

  function fails(): boolean {
    return !strategy.keep && controlsUnder(doc, width, ignore).length > 0;
  }

  function takeBack(): RoomState {
    clear();
    strategy.afterChange?.(doc.defaultView as Window);
    return 'overlay';
  }

  function apply(): RoomState {
    if (strategy.mode === 'overlay' || width <= 0) return 'overlay';
    const mode = strategy.mode === 'auto' ? (documentScrolls(doc) ? 'flow' : 'app') : strategy.mode;
    style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = css(width);
    (doc.head ?? root).append(style);
    root.setAttribute(ATTRIBUTE, mode);
    strategy.afterChange?.(doc.defaultView as Window);
    return fails() ? takeBack() : 'narrowed';
  }

  return {
    get state() {
      return state;
    },
    set(next) {
      const had = state === 'narrowed';
      width = next;
      try {
        clear();
        if (had && width <= 0) strategy.afterChange?.(doc.defaultView as Window);
        state = apply();
      } catch {
        clear();
        state = 'overlay';
      }
      return state;
    },
    recheck() {
      try {
        if (state === 'narrowed' && fails()) state = takeBack();
      } catch {
        clear();
        state = 'overlay';
      }
      return state;
    },
    destroy() {
      const had = state === 'narrowed';
      clear();
      state = 'overlay';
      if (had) {
        try {
          strategy.afterChange?.(doc.defaultView as Window);
        } catch {
          // The page is given back its width either way.
        }
      }
    },
  };
}

/**
 * Where along the window's right edge the collapsed tab can sit with no control of the page
 * under it: the first free one of a few heights, from the preferred one (96 px above the
 * bottom) upwards; the preferred one if none is free.
 */
export function freeTabOffset(
  doc: Document,
  tab: { width: number; height: number },
  ignore: (el: Element) => boolean,
  preferred = 96,
): number {
  const win = doc.defaultView;
  if (!win || typeof doc.elementsFromPoint !== 'function') return preferred;
  const height = win.innerHeight;
  const right = doc.documentElement.clientWidth;
  const candidates: number[] = [];
  for (let bottom = preferred; bottom + tab.height <= height - 8; bottom += tab.height + 8) candidates.push(bottom);
  for (const bottom of candidates) {
    if (!controlAt(doc, right - tab.width, height - bottom - tab.height, tab.width, tab.height, ignore)) return bottom;
  }
  return preferred;
}

function controlAt(doc: Document, x: number, y: number, width: number, height: number, ignore: (el: Element) => boolean): boolean {
  for (const [fx, fy] of [
    [0.1, 0.1],
    [0.9, 0.1],
    [0.5, 0.5],
    [0.1, 0.9],
    [0.9, 0.9],
  ] as const) {
    for (const el of doc.elementsFromPoint(x + width * fx, y + height * fy)) {
      if (ignore(el)) continue;
      if (el.closest(CONTROL_SELECTOR)) return true;
    }
  }
  return false;
}
