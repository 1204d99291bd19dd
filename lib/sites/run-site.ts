import { reportPage, reportSite } from '../messaging/content-client';
import { mountSidebar, type ScriptContext } from '../mount/mount-sidebar';
import { OVERLAY } from '../mount/room';
import type { SiteAdapter, SiteScan, WatchTuning } from './adapter';
import { watchPage } from './watch';

export type { ScriptContext } from '../mount/mount-sidebar';

/** Set in the content scripts' isolated world (invisible to the page) once a script runs in a tab. */
const RUNNING = Symbol.for('local-crm-sidebar.site-script');

/**
 * How long a page that should show people must show none, its structure missing, before the
 * sidebar is told the site's markup changed: a mail app renders a conversation a moment after
 * its URL changes, and that moment is no drift.
 */
export const DRIFT_AFTER_MS = 1500;

/**
 * Every site's content script: mounts the launcher and the sidebar frame, then reports what the
 * site's adapter finds: the page's site and host once (and again when they change), the people
 * once per burst of changes. `adapters` are tried in order on each scan, the first that claims
 * the page reads it (the enabled-site script's WooCommerce-then-generic; one for a built-in
 * site). Every failure stays inside: the host page never sees an error from us.
 */
export async function runSite(ctx: ScriptContext, adapters: readonly SiteAdapter[]): Promise<void> {
  // Only the top frame hosts the sidebar; a second script (a toolbar click on a page whose
  // script already runs) is a no-op.
  const marks = window as unknown as Record<symbol, boolean>;
  if (window.top !== window || marks[RUNNING]) return;
  marks[RUNNING] = true;
  ctx.onInvalidated(() => {
    marks[RUNNING] = false;
  });

  const extras = adapters.map((adapter) => adapter.extras?.(document, ctx.signal) ?? {});
  // The frame starts loading at once (at document_start too), while the site itself loads.
  // The enabled-site script's adapters all make room as any page does; a built-in site has one.
  const room = adapters[0]?.room ?? OVERLAY;
  const frame = await mountSidebar(ctx, room, (state) => {
    for (const extra of extras) extra.onState?.(state);
  });
  if (frame === null) return;

  const scan = (): SiteScan | null => {
    for (const adapter of adapters) {
      const found = adapter.scan(document, location.href);
      if (found) return found;
    }
    return null;
  };

  let sentPage: string | null = null;
  let driftTimer: ReturnType<typeof setTimeout> | undefined;
  ctx.signal.addEventListener('abort', () => clearTimeout(driftTimer), { once: true });
  /** The adapter's diagnosis of the page as it is now, when it should show people and shows none. */
  const drift = (found: SiteScan): Record<string, number> | null => {
    if (found.report.people.length > 0) return null;
    const adapter = adapters.find((a) => a.site.id === found.report.site);
    try {
      return adapter?.diagnose?.(document, location.href) ?? null;
    } catch {
      return null;
    }
  };
  const { identity, ...rest } = mergeTuning(adapters);
  const tuning = { ...rest, identity: identity && (() => identity(document)) };
  // The sidebar turns dark with a page in a dark theme, checked again whenever the page settles.
  const followTheme = () => {
    try {
      frame.setDark(adapters.some((adapter) => adapter.isDark?.(document) ?? false));
    } catch {
      // A theme we cannot read leaves the sidebar as it is.
    }
  };
  const watch = () => {
    followTheme();
    watchPage<SiteScan | null>({
      win: window,
      scan,
      signal: ctx.signal,
      ...tuning,
      onSettle: () => {
        for (const extra of extras) extra.onSettle?.();
        followTheme();
      },
      onChange: (found) => {
        clearTimeout(driftTimer);
        if (!found) return;
        // Nobody where people should be: tell the sidebar if it lasts (the site changed its markup).
        if (drift(found)) {
          driftTimer = setTimeout(() => {
            const now = scan();
            const counts = now && drift(now);
            if (now && counts) void reportPage({ ...now.report, drift: { counts } }).catch(() => undefined);
          }, DRIFT_AFTER_MS);
        }
        const { report, host } = found;
        const page = JSON.stringify([report.site, host]);
        const deliver = async () => {
          // The report names the site; the host is worth a message of its own only where there is one.
          if (page !== sentPage && (host !== null || sentPage !== null)) {
            sentPage = page;
            await reportSite({ site: report.site, host });
          }
          await reportPage(report);
        };
        void deliver().catch(() => undefined);
      },
    });
  };
  // The page is read once its DOM is there.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true, signal: ctx.signal });
  else watch();
}

/** One watcher for several adapters: every attribute any of them reads, the shortest quiet time. */
function mergeTuning(adapters: readonly SiteAdapter[]): WatchTuning {
  const [first, ...rest] = adapters;
  if (!first || rest.length === 0) return first?.watch ?? {};
  const all = adapters.map((a) => a.watch);
  const debounce = all.map((w) => w.debounceMs).filter((ms): ms is number => ms !== undefined);
  const filters = all.map((w) => w.attributeFilter);
  return {
    debounceMs: debounce.length > 0 ? Math.min(...debounce) : undefined,
    // Any adapter that watches every attribute makes the merged watcher do so.
    attributeFilter: filters.some((f) => f === undefined) ? undefined : [...new Set(filters.flatMap((f) => f ?? []))],
    characterData: all.some((w) => w.characterData !== false),
    alsoObserve: (doc: Document) => all.flatMap((w) => w.alsoObserve?.(doc) ?? []),
    identity: all.some((w) => w.identity) ? (doc: Document) => all.map((w) => w.identity?.(doc) ?? '').join('|') : undefined,
  };
}
