/**
 * The generic adapter runs wherever the user enabled it (or clicked the toolbar button); what
 * identifies a company is the page's host. The host to report for company recognition; the
 * background takes its registrable domain.
 */
export function pageHost(url: string): string | null {
  try {
    const { hostname } = new URL(url);
    return hostname === '' ? null : hostname.slice(0, 253);
  } catch {
    return null;
  }
}

/** A stable key for "the same page", so the sidebar keeps its selection while the page changes. */
export function pageKey(url: string): string | null {
  try {
    const { origin, pathname } = new URL(url);
    return `${origin}${pathname}`.slice(0, 100);
  } catch {
    return null;
  }
}
