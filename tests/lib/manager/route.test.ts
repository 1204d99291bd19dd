import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { HOME, parseRoute, routeHash, selectionHref, syncRouteWithHash, type Route } from '../../../lib/manager/route';

describe('manager routes', () => {
  it.each<[string, Route]>([
    ['#companies', { view: 'companies', open: null }],
    ['#companies/company/co-1', { view: 'companies', open: { kind: 'company', id: 'co-1' } }],
    ['#companies/customer/c%2F1', { view: 'companies', open: { kind: 'customer', id: 'c/1' } }],
    ['#customers/customer/c1', { view: 'customers', open: { kind: 'customer', id: 'c1' } }],
    ['#import', { view: 'import', open: null }],
    ['#dashboard', { view: 'dashboard', open: null }],
  ])('reads %s and writes it back the same', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routeHash(route)).toBe(hash);
  });

  it.each<[string, Route['view']]>([
    ['', 'dashboard'],
    ['#', 'dashboard'],
    ['#nowhere', 'dashboard'],
    ['#companies/company', 'companies'],
    ['#companies/order/o1', 'companies'],
    ['#import/company/co1', 'import'],
    ['#customers/customer/%E0%A4%A', 'customers'],
    ['#customers/only/%7Bbroken', 'customers'],
    ['#customers/only/' + encodeURIComponent(JSON.stringify({ filters: {}, segment: { part: 'rfm', r: 9, band: 'low' }, label: 'x' })), 'customers'],
  ])('reads %s as the nearest place that exists: %s with nothing open', (hash, view) => {
    expect(parseRoute(hash)).toEqual({ view, open: null });
  });

  it('carries a part of the dashboard to the customer list, and a customer opened from it', () => {
    const only = { filters: { period: 'last-90-days', tier: 'A', tag: null, currency: 'EUR' }, segment: { part: 'cohort', month: '2026-01', after: 3 }, label: 'First order in 2026-01, still buying after 3 months' } as const;
    const hash = selectionHref(only);
    expect(hash.startsWith('#customers/only/')).toBe(true);
    expect(parseRoute(hash)).toEqual({ view: 'customers', open: null, only });
    const opened: Route = { view: 'customers', open: { kind: 'customer', id: 'c/1' }, only };
    expect(parseRoute(routeHash(opened))).toEqual(opened);
    // Only the customer list narrows to a part.
    expect(routeHash({ view: 'companies', open: null, only })).toBe('#companies');
  });
});

function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const location = { hash };
  return {
    location,
    addEventListener: (_type: 'hashchange', listener: () => void) => void listeners.add(listener),
    removeEventListener: (_type: 'hashchange', listener: () => void) => void listeners.delete(listener),
    /** The user pressed Back, or typed an address. */
    navigate(next: string) {
      location.hash = next;
      listeners.forEach((l) => l());
    },
    listeners,
  };
}

describe('syncRouteWithHash', () => {
  it('applies the address it starts on, writes the page’s moves, and applies Back', () => {
    const win = fakeWindow('#companies/company/co1');
    const route = signal<Route>(HOME);
    const apply = vi.fn((next: Route) => (route.value = next));
    const stop = syncRouteWithHash(route, apply, win);
    expect(apply).toHaveBeenLastCalledWith({ view: 'companies', open: { kind: 'company', id: 'co1' } });
    expect(win.location.hash).toBe('#companies/company/co1');

    route.value = { view: 'companies', open: null };
    expect(win.location.hash).toBe('#companies');

    win.navigate('#customers');
    expect(route.value).toEqual({ view: 'customers', open: null });

    stop();
    expect(win.listeners.size).toBe(0);
    route.value = { view: 'backup', open: null };
    expect(win.location.hash).toBe('#customers');
  });

  it('leaves an empty address alone on the dashboard (no history entry for the start page)', () => {
    const win = fakeWindow('');
    const route = signal<Route>(HOME);
    syncRouteWithHash(route, (next) => (route.value = next), win)();
    expect(win.location.hash).toBe('');
  });
});
