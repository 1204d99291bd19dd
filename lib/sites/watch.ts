/**
 * Watches a page for SPA navigation and DOM changes and calls `onChange` with a fresh scan:
 * once at start, then at most once per burst of changes (DESIGN.md: one lookup per change
 * burst), and only when the scan differs from the last one sent. Nothing here may throw into
 * the host page, so every callback is guarded. Every adapter's observer is this one, tuned by
 * its options (lib/sites/gmail/observer.ts, the other sites' content scripts).
 */

export interface PageWatchOptions<T> {
  win: Window;
  scan: () => T;
  onChange: (value: T) => void;
  /** Tears everything down: observer, listeners, pending timer. */
  signal: AbortSignal;
  /** Quiet time that ends a burst of changes. */
  debounceMs?: number;
  /** Attributes whose change matters (href, value, …); other attribute churn wakes nothing. */
  attributeFilter?: readonly string[];
  /** Whether text edits inside the body count (addresses in visible text); default true. */
  characterData?: boolean;
  /** Nodes outside <body> to watch as well (Gmail reads the signed-in user from <title>). */
  alsoObserve?: (doc: Document) => readonly Node[];
  /** Called after every burst, even when the scan did not change. */
  onSettle?: () => void;
  /**
   * A cheap probe of what the page is about (the open thread, the view), read on every change.
   * When it differs from what the last report was about, the page is scanned and reported at
   * once instead of after the burst's quiet time: a thread switch shows its people without the
   * debounce, while changes within one page still coalesce into one report per burst.
   */
  identity?: () => string;
}

/** The watcher for pages read by their addresses in links, form values, text and structured data. */
export const PAGE_WATCH = {
  attributeFilter: ['href', 'value', 'selected', 'content', 'data-cfemail'],
} as const;

/** A burst that never goes quiet still reports after this many debounce periods. */
const MAX_WAIT_PERIODS = 10;

export function watchPage<T>({
  win,
  scan,
  onChange,
  signal,
  debounceMs = 150,
  attributeFilter,
  characterData = true,
  alsoObserve,
  onSettle,
  identity,
}: PageWatchOptions<T>): void {
  if (signal.aborted) return;
  let lastSent: string | null = null;
  let lastIdentity: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let burstStartedAt: number | null = null;

  const probe = (): string | null => {
    try {
      return identity ? identity() : null;
    } catch {
      return null;
    }
  };

  /** Scans, and reports if the result changed. */
  const report = (): boolean => {
    try {
      // What the page was about when last scanned, reported or not: the next change to it rescans.
      lastIdentity = probe();
      const next = scan();
      const key = stableJson(next);
      if (key === lastSent) return false;
      lastSent = key;
      onChange(next);
      return true;
    } catch {
      // A page we do not understand degrades to no report, never to an error in its console.
      return false;
    }
  };

  const run = () => {
    timer = null;
    burstStartedAt = null;
    if (signal.aborted) return;
    report();
    try {
      onSettle?.();
    } catch {
      // Same as above.
    }
  };

  const schedule = () => {
    if (signal.aborted) return;
    // Another thread or view on screen: report it now; the rest of the burst still coalesces.
    if (identity && probe() !== lastIdentity) report();
    const now = Date.now();
    burstStartedAt ??= now;
    if (timer !== null) clearTimeout(timer);
    const waited = now - burstStartedAt;
    timer = setTimeout(run, Math.max(0, Math.min(debounceMs, debounceMs * MAX_WAIT_PERIODS - waited)));
  };

  try {
    win.addEventListener('popstate', schedule, { signal });
    win.addEventListener('hashchange', schedule, { signal });
    const Observer = (win as Window & typeof globalThis).MutationObserver ?? globalThis.MutationObserver;
    const observer = new Observer(schedule);
    const observe = () => {
      const { body } = win.document;
      if (!body || signal.aborted) return;
      observer.observe(body, {
        subtree: true,
        childList: true,
        characterData,
        ...(attributeFilter ? { attributes: true, attributeFilter: [...attributeFilter] } : {}),
      });
      for (const node of alsoObserve?.(win.document) ?? []) {
        observer.observe(node, { childList: true, characterData: true, subtree: true });
      }
    };
    if (win.document.body) observe();
    else win.document.addEventListener('DOMContentLoaded', observe, { once: true, signal });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        if (timer !== null) clearTimeout(timer);
        timer = null;
      },
      { once: true },
    );
  } catch {
    // Degrade to the one scan below.
  }
  run();
}

/** JSON with object keys sorted, so two equal scans always compare equal as strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}
