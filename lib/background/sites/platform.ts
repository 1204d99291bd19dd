import { browser } from 'wxt/browser';
import { toolbarAction } from '../toolbar-action';
import { ENABLED_SITE_SCRIPT } from './site-access';

/** The browser APIs the sites feature uses, behind one interface so handlers are unit-tested with a fake. */
export interface SitesPlatform {
  tabUrl(tabId: number): Promise<string | null>;
  hasOrigin(pattern: string): Promise<boolean>;
  removeOrigin(pattern: string): Promise<void>;
  registerScript(id: string, pattern: string): Promise<void>;
  unregisterScript(id: string): Promise<void>;
  registeredScriptIds(): Promise<string[]>;
  /** Runs the page script in a tab now (activeTab or a granted origin). */
  injectScript(tabId: number): Promise<void>;
  setBadge(tabId: number, text: string): Promise<void>;
}

export function browserSitesPlatform(): SitesPlatform {
  const action = toolbarAction();
  return {
    async tabUrl(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      return tab?.url ?? null;
    },
    hasOrigin: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    async removeOrigin(pattern) {
      await browser.permissions.remove({ origins: [pattern] });
    },
    async registerScript(id, pattern) {
      await browser.scripting.registerContentScripts([
        { id, matches: [pattern], js: [ENABLED_SITE_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    },
    async unregisterScript(id) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    },
    async registeredScriptIds() {
      const scripts = await browser.scripting.getRegisteredContentScripts();
      return scripts.map((s) => s.id);
    },
    async injectScript(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [`/${ENABLED_SITE_SCRIPT}`] });
    },
    async setBadge(tabId, text) {
      if (!action) return;
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#1a73e8' });
    },
  };
}
