import type { TabContext } from '../messaging/protocol';

/** What the sidebar knows when a site's adapter found no one where people should be. */
export type Drift = NonNullable<TabContext['drift']>;

/**
 * The diagnostic a person can paste into a bug report: the extension's version, the site and the
 * view, and how many elements each of the adapter's selectors matched. Nothing from the page
 * itself (no address, no name, no URL), so it is safe to share.
 */
export function driftDiagnostic(drift: Drift, { version, now, browser }: { version: string; now: number; browser: string }): string {
  return JSON.stringify(
    {
      product: 'Local CRM Sidebar',
      version,
      site: drift.site,
      view: drift.view,
      selectorCounts: drift.counts,
      browser,
      at: new Date(now).toISOString(),
    },
    null,
    2,
  );
}
