import { effect, type ReadonlySignal } from '@preact/signals';
import { DashboardSelection } from '../insights/dashboard/segment';

/**
 * The manager's place in its URL hash, so a reload or the Back button comes back to the same
 * section and the same open customer or company: `#companies`, `#companies/company/<id>`,
 * `#customers/customer/<id>`, `#import`; the customer list narrowed to a part of the dashboard
 * is `#customers/only/<the part, as JSON>` (a link from a chart). Anything unreadable is the
 * dashboard, the manager's start page.
 */

export const VIEWS = ['dashboard', 'customers', 'today', 'companies', 'import', 'duplicates', 'backup'] as const;
export type View = (typeof VIEWS)[number];

/** The sections that show a customer or a company beside their list. */
const LIST_VIEWS: readonly View[] = ['customers', 'companies'];

export type Opened = { kind: 'customer' | 'company'; id: string };
export interface Route {
  view: View;
  open: Opened | null;
  /** The customer list narrowed to the customers behind a part of the dashboard. */
  only?: DashboardSelection;
}

export const HOME: Route = { view: 'dashboard', open: null };

export function parseRoute(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#/, '').split('/');
  const known = VIEWS.find((v) => v === view);
  if (!known) return HOME;
  const route: Route = { view: known, open: null };
  if (!LIST_VIEWS.includes(known)) return route;
  let i = 0;
  if (known === 'customers' && rest[0] === 'only') {
    const only = readSelection(rest[1]);
    if (only) route.only = only;
    i = 2;
  }
  const [kind, id] = [rest[i], rest[i + 1]];
  if ((kind !== 'customer' && kind !== 'company') || !id) return route;
  try {
    route.open = { kind, id: decodeURIComponent(id) };
  } catch {
    // An address cut short: the list, nothing open.
  }
  return route;
}

function readSelection(encoded: string | undefined): DashboardSelection | null {
  if (!encoded) return null;
  try {
    const parsed = DashboardSelection.safeParse(JSON.parse(decodeURIComponent(encoded)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function routeHash(route: Route): string {
  const only = route.view === 'customers' && route.only ? `/only/${encodeURIComponent(JSON.stringify(route.only))}` : '';
  const open = route.open !== null && LIST_VIEWS.includes(route.view) ? `/${route.open.kind}/${encodeURIComponent(route.open.id)}` : '';
  return `#${route.view}${only}${open}`;
}

/** The address of the customer list narrowed to a part of the dashboard: what a chart links to. */
export function selectionHref(selection: DashboardSelection): string {
  return routeHash({ view: 'customers', open: null, only: selection });
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
