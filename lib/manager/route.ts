import { effect, type ReadonlySignal } from '@preact/signals';

/**
 * The manager's place in its URL hash, so a reload or the Back button comes back to the same
 * section and the same open customer or company: `#companies`, `#companies/company/<id>`,
 * `#customers/customer/<id>`, `#import`. Anything unreadable is the customer list.
 */

export const VIEWS = ['customers', 'today', 'companies', 'import', 'duplicates', 'backup'] as const;
export type View = (typeof VIEWS)[number];

/** The sections that show a customer or a company beside their list. */
const LIST_VIEWS: readonly View[] = ['customers', 'companies'];

export type Opened = { kind: 'customer' | 'company'; id: string };
export interface Route {
  view: View;
  open: Opened | null;
}

export const HOME: Route = { view: 'customers', open: null };

export function parseRoute(hash: string): Route {
  const [view, kind, id] = hash.replace(/^#/, '').split('/');
  const known = VIEWS.find((v) => v === view);
  if (!known) return HOME;
  if (!LIST_VIEWS.includes(known) || (kind !== 'customer' && kind !== 'company') || !id) return { view: known, open: null };
  try {
    return { view: known, open: { kind, id: decodeURIComponent(id) } };
  } catch {
    return { view: known, open: null };
  }
}

export function routeHash(route: Route): string {
  const open = route.open !== null && LIST_VIEWS.includes(route.view) ? `/${route.open.kind}/${encodeURIComponent(route.open.id)}` : '';
  return `#${route.view}${open}`;
}

export const sameRoute = (a: Route, b: Route) => routeHash(a) === routeHash(b);

interface HashWindow {
  location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Keeps the hash and the page in step both ways: the page's route is written to the hash (one
 * history entry per change, so Back steps through them), and a hash the page did not write
 * (Back, Forward, a typed or reloaded address) is applied to the page. Returns the undo.
 */
export function syncRouteWithHash(route: ReadonlySignal<Route>, apply: (route: Route) => void, win: HashWindow): () => void {
  const onHashChange = () => apply(parseRoute(win.location.hash));
  onHashChange();
  win.addEventListener('hashchange', onHashChange);
  const stop = effect(() => {
    const next = route.value;
    if (!sameRoute(next, parseRoute(win.location.hash))) win.location.hash = routeHash(next);
  });
  return () => {
    stop();
    win.removeEventListener('hashchange', onHashChange);
  };
}
