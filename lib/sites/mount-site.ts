import { reportPage, reportSite } from '../messaging/content-client';
import { mountSidebar, type ScriptContext } from '../mount/mount-sidebar';
import type { SiteAdapter, SiteScan } from './registry';
import { watchPage } from './watch';

export type { ScriptContext } from '../mount/mount-sidebar';

/** Set in the content scripts' isolated world (invisible to the page) once a script runs in a tab. */
const RUNNING = Symbol.for('local-crm-sidebar.site-script');

/**
 * Mounts the launcher and sidebar iframe on a non-Gmail page and reports what the adapter
 * finds: the page's site and host once (and again if they change), the people once per change
 * burst. Every failure stays inside: the host page never sees an error from us.
 */
export async function runSiteSidebar(ctx: ScriptContext, { scan, room }: SiteAdapter): Promise<void> {
  // Only the top frame hosts the sidebar; a second injection (toolbar click on an enabled site) is a no-op.
  const marks = window as unknown as Record<symbol, boolean>;
  if (window.top !== window || marks[RUNNING]) return;
  marks[RUNNING] = true;
  ctx.onInvalidated(() => {
    marks[RUNNING] = false;
  });

  if ((await mountSidebar(ctx, room)) === null) return;

  let sentPage: string | null = null;
  watchPage<SiteScan>({
    win: window,
    scan: () => scan(document, location.href),
    signal: ctx.signal,
    attributeFilter: ['href', 'value', 'selected', 'content', 'data-cfemail'],
    onChange: ({ report, host }) => {
      const page = JSON.stringify([report.site, host]);
      const deliver = async () => {
        if (page !== sentPage) {
          sentPage = page;
          await reportSite({ site: report.site === 'gmail' ? 'generic' : report.site, host });
        }
        await reportPage(report);
      };
      void deliver().catch(() => undefined);
    },
  });
}
