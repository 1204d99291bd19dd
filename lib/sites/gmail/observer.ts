import type { PageReport } from '../../messaging/protocol';
import { findPeople } from './finder';
import { WATCHED_ATTRIBUTES } from './selectors';

export interface WatchOptions {
  /** Tears everything down: listeners, observer, pending timer. */
  signal: AbortSignal;
  /** Quiet time that ends a burst of changes. */
  debounceMs?: number;
  /**
   * Called after every burst, even when the report did not change: the inbox marks follow
   * list rows that come and go without changing who the sidebar is about.
   */
  onSettle?: () => void;
}

/**
 * A burst that never goes quiet (Gmail streaming in a long thread) still reports after this
 * many debounce periods, so the sidebar is never left waiting for the page to settle.
 */
const MAX_WAIT_PERIODS = 10;

/** The report for the page as it is now. */
export function reportGmail(win: Window): PageReport {
  const found = findPeople(win.document, { url: win.location.href });
  return { site: 'gmail', view: found.view, threadId: found.threadId, self: found.self, people: found.people };
}

/**
 * Watches Gmail's SPA navigation and DOM changes and calls `onChange` with a fresh report: once
 * at start, then at most once per burst of changes (DESIGN.md: one lookup per change burst),
 * and only when the report differs from the last one sent. Nothing it does may throw into the
 * host page, so every callback is guarded.
 */
export function watchGmail(
  win: Window,
  onChange: (report: PageReport) => void,
  { signal, debounceMs = 100, onSettle }: WatchOptions,
): void {
  if (signal.aborted) return;
  let lastSent: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let burstStartedAt: number | null = null;

  const report = () => {
    timer = null;
    burstStartedAt = null;
    if (signal.aborted) return;
    try {
      const next = reportGmail(win);
      const key = stableJson(next);
      if (key !== lastSent) {
        lastSent = key;
        onChange(next);
      }
    } catch {
      // A broken page or a failing listener must not surface in Gmail's console as ours.
    }
    try {
      onSettle?.();
    } catch {
      // Same as above.
    }
  };

  const schedule = () => {
    if (signal.aborted) return;
    const now = Date.now();
    burstStartedAt ??= now;
    if (timer !== null) clearTimeout(timer);
    const waited = now - burstStartedAt;
    const delay = Math.max(0, Math.min(debounceMs, debounceMs * MAX_WAIT_PERIODS - waited));
    timer = setTimeout(report, delay);
  };

  try {
    win.addEventListener('hashchange', schedule, { signal });
    win.addEventListener('popstate', schedule, { signal });

    const Observer = (win as Window & typeof globalThis).MutationObserver ?? globalThis.MutationObserver;
    const observer = new Observer(schedule);
    const observe = () => {
      const { body } = win.document;
      if (!body || signal.aborted) return;
      observer.observe(body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: [...WATCHED_ATTRIBUTES],
      });
      // The signed-in user is read from <title>, which lives outside <body>.
      const title = win.document.querySelector('title');
      if (title) observer.observe(title, { childList: true, characterData: true, subtree: true });
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
    // Same reason as above: degrade to the one report below rather than break Gmail.
  }

  report();
}

/** JSON with object keys sorted, so two equal reports always compare equal as strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}
