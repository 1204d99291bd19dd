import type { SessionArea } from '../tab-contexts';

/** Which site family a tab's content script runs for, and the host of its page. */
export interface SitePage {
  site: 'shopify' | 'woocommerce' | 'generic';
  host: string | null;
}

/**
 * Per-tab page facts for sites beyond Gmail, in memory and mirrored to `storage.session`
 * (an MV3 service worker may stop between the report and the sidebar's request), as
 * TabContexts does for the people.
 */
export class SitePages {
  private readonly pages = new Map<number, SitePage>();

  constructor(private readonly session: SessionArea | null) {}

  async set(tabId: number, page: SitePage): Promise<void> {
    this.pages.set(tabId, page);
    await this.session?.set({ [key(tabId)]: page }).catch(() => undefined);
  }

  async get(tabId: number): Promise<SitePage | null> {
    const known = this.pages.get(tabId);
    if (known) return known;
    const stored = await this.session?.get(key(tabId)).catch(() => undefined);
    const page = stored?.[key(tabId)] as SitePage | undefined;
    if (page) this.pages.set(tabId, page);
    return page ?? null;
  }

  async forget(tabId: number): Promise<void> {
    this.pages.delete(tabId);
    await this.session?.remove(key(tabId)).catch(() => undefined);
  }
}

const key = (tabId: number) => `site:${tabId}`;
