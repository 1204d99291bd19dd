import { findCompanyByDomain, findCustomersByEmails } from '../../db/index';
import { isFreeMailDomain, registrableDomain } from '../../email/company';
import type { SITES_MESSAGES, SiteContext } from '../../messaging/messages/sites';
import { ProtocolError } from '../../messaging/router';
import { buildCompanyCard } from '../sites/company-card';
import { browserSitesPlatform, type SitesPlatform } from '../sites/platform';
import {
  ENABLED_SITES_KEY,
  isBuiltIn,
  originOf,
  originPattern,
  scriptId,
} from '../sites/site-access';
import { requireTab, withDb, type BackgroundDeps, type HandlersFor } from './types';

/**
 * Sites beyond Gmail: which site and host a tab's page is on, the company card for the page's
 * registrable domain, the toolbar badge (how many customers the tab has), and the user's
 * per-site opt-in (optional host permission + a registered page script).
 */
/** What the sites handlers use of the background's deps. */
export type SitesDeps = Pick<BackgroundDeps, 'db' | 'tabs' | 'prefs' | 'pushToTab' | 'now'>;

export function sitesHandlers(
  deps: SitesDeps,
  platform: SitesPlatform = browserSitesPlatform(),
): HandlersFor<typeof SITES_MESSAGES> {
  const enabled = enabledSites(deps, platform);

  return {
    async 'site.page'({ site, host }, ctx) {
      const tabId = requireTab(ctx.tabId);
      await deps.tabs.setSite(tabId, { site, host });
      deps.pushToTab(tabId, { type: 'context', seq: deps.now() });
      return { ok: true };
    },

    async 'site.context'(_request, ctx) {
      const tabId = requireTab(ctx.tabId);
      const [state, page] = await Promise.all([deps.tabs.get(tabId), deps.tabs.site(tabId)]);
      const domain = companyDomain(page?.host ?? null);
      const records = domain === null ? null : await withDb(() => findCompanyByDomain(deps.db, domain));
      const company = records && domain !== null ? buildCompanyCard(records, domain) : null;

      // The badge: distinct customers among the page's people and the page's company contacts.
      const customers = state ? await withDb(() => findCustomersByEmails(deps.db, state.people.map((p) => p.email))) : null;
      const ids = new Set([...(customers?.values() ?? [])].map((c) => c.id));
      for (const contact of company?.contacts ?? []) ids.add(contact.customerId);
      // Not awaited: the sidebar waits for this reply before it paints, and the badge needs no answer.
      void platform.setBadge(tabId, ids.size > 0 ? String(ids.size) : '').catch(() => undefined);

      const site = page?.site ?? (state ? 'gmail' : null);
      return { site, domain, company } satisfies SiteContext;
    },

    async 'site.status'({ tabId }) {
      const url = await platform.tabUrl(tabId);
      const origin = originOf(url);
      if (origin === null || url === null) return { origin: null, builtIn: false, enabled: false };
      if (isBuiltIn(url)) return { origin, builtIn: true, enabled: true };
      const listed = (await enabled.list()).includes(origin);
      return { origin, builtIn: false, enabled: listed && (await platform.hasOrigin(originPattern(origin))) };
    },

    async 'site.enable'({ origin, tabId }) {
      const clean = requireOrigin(origin);
      if (!(await platform.hasOrigin(originPattern(clean)))) {
        throw new ProtocolError('invalid', `Access to ${clean} was not granted.`);
      }
      await enabled.register(clean);
      if (tabId !== null) {
        // Show it on the page the user is looking at now, without a reload.
        const url = await platform.tabUrl(tabId);
        if (originOf(url) === clean) await platform.injectScript(tabId).catch(() => undefined);
      }
      return { ok: true };
    },

    async 'site.disable'({ origin }) {
      const clean = requireOrigin(origin);
      await enabled.unregister(clean);
      await platform.removeOrigin(originPattern(clean)).catch(() => undefined);
      return { ok: true };
    },

    async 'site.list'() {
      return enabled.list();
    },

    async 'site.showOnce'({ tabId }) {
      const url = await platform.tabUrl(tabId);
      if (originOf(url) === null) throw new ProtocolError('invalid', 'The sidebar cannot open on this page.');
      if (url !== null && isBuiltIn(url)) return { ok: true };
      try {
        await platform.injectScript(tabId);
      } catch {
        throw new ProtocolError('invalid', 'The sidebar cannot open on this page. Click the toolbar button on the page first.');
      }
      return { ok: true };
    },
  };
}

/** The registrable domain that may identify a company: never a free-mail provider. */
export function companyDomain(host: string | null): string | null {
  if (host === null) return null;
  const domain = registrableDomain(host);
  return domain === null || isFreeMailDomain(domain) ? null : domain;
}

function requireOrigin(origin: string): string {
  const clean = originOf(origin);
  if (clean === null || clean !== origin.toLowerCase()) throw new ProtocolError('bad_request', 'Not a web site origin.');
  if (isBuiltIn(`${clean}/`)) throw new ProtocolError('invalid', 'The extension already runs on this site.');
  return clean;
}

/**
 * The enabled origins: kept in the preferences (the list the user sees) and as registered
 * scripts (what runs). `reconcile` repairs the two after a browser restart or a permission
 * removed in the browser's own settings.
 */
export function enabledSites(deps: Pick<BackgroundDeps, 'prefs'>, platform: SitesPlatform) {
  async function list(): Promise<string[]> {
    const stored = (await deps.prefs.get(ENABLED_SITES_KEY))[ENABLED_SITES_KEY];
    return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string' && originOf(o) === o) : [];
  }
  async function save(origins: string[]) {
    await deps.prefs.set({ [ENABLED_SITES_KEY]: [...new Set(origins)].sort() });
  }
  async function register(origin: string) {
    await platform.unregisterScript(scriptId(origin)).catch(() => undefined);
    await platform.registerScript(scriptId(origin), originPattern(origin));
    await save([...(await list()), origin]);
  }
  async function unregister(origin: string) {
    await platform.unregisterScript(scriptId(origin)).catch(() => undefined);
    await save((await list()).filter((o) => o !== origin));
  }
  async function reconcile() {
    const registered = new Set(await platform.registeredScriptIds());
    for (const origin of await list()) {
      if (!(await platform.hasOrigin(originPattern(origin)))) await unregister(origin);
      else if (!registered.has(scriptId(origin))) await platform.registerScript(scriptId(origin), originPattern(origin));
    }
  }
  return { list, register, unregister, reconcile };
}

/** Startup and permission-removal repair of the enabled sites (see `enabledSites`). */
export function reconcileEnabledSites(prefs: BackgroundDeps['prefs']): Promise<void> {
  return enabledSites({ prefs }, browserSitesPlatform()).reconcile();
}
