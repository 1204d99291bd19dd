import { signal, type Signal } from '@preact/signals';
import type { Loadable } from '../loadable';
import type { SiteStatus } from '../messaging/protocol';

/** What the popup knows about the tab it was opened over. */
export type SiteAccessState =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; origin: string; builtIn: boolean; enabled: boolean };

/** What the popup's site access needs from the browser and the background. */
export interface SiteAccessApi {
  status(tabId: number): Promise<SiteStatus>;
  /** permissions.request: must run inside the click (a user gesture), before anything is awaited. */
  requestOrigin(pattern: string): Promise<boolean>;
  enable(origin: string, tabId: number): Promise<unknown>;
  showOnce(tabId: number): Promise<unknown>;
}

/** The popup's "Enable on this site" state and actions for the tab under the popup. */
export function createSiteAccessStore(api: SiteAccessApi) {
  const state: Signal<SiteAccessState> = signal({ kind: 'loading' });
  let tabId: number | null = null;

  /**
   * Loads the status of the tab (null: no tab under the popup). With `showOnPage`, a page where
   * the sidebar does not run yet gets it once, at once: a click on the toolbar button is how a
   * user asks for the sidebar on any page (the click grants activeTab), and the popup that click
   * opens would otherwise make it two clicks.
   */
  async function load(tab: number | null, options: { showOnPage?: boolean } = {}) {
    tabId = tab;
    if (tabId === null) {
      state.value = { kind: 'unavailable' };
      return;
    }
    const status = await api.status(tabId).catch(() => null);
    state.value =
      status?.origin == null ? { kind: 'unavailable' } : { kind: 'ready', origin: status.origin, builtIn: status.builtIn, enabled: status.enabled };
    if (options.showOnPage && status?.origin != null && !status.builtIn && !status.enabled) {
      await api.showOnce(tabId).catch(() => undefined);
    }
  }

  async function enable() {
    const current = state.value;
    if (current.kind !== 'ready' || tabId === null) return;
    const granted = await api.requestOrigin(`${current.origin}/*`);
    if (!granted) throw new Error('Access to this site was not allowed.');
    await api.enable(current.origin, tabId);
    state.value = { ...current, enabled: true };
  }

  async function showOnce() {
    if (tabId === null) return;
    await api.showOnce(tabId);
  }

  return { state, load, enable, showOnce };
}

/** The settings page's list of enabled sites. */
export function createEnabledSitesStore(api: { list(): Promise<string[]>; remove(origin: string): Promise<unknown> }) {
  const sites: Signal<Loadable<string[]>> = signal({ kind: 'loading' });
  async function load() {
    try {
      sites.value = { kind: 'ready', value: await api.list() };
    } catch (error) {
      sites.value = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }
  async function remove(origin: string) {
    await api.remove(origin);
    await load();
  }
  return { sites, load, remove };
}
