import type { ExtensionSession } from '../scripts/browser';
import { BLANK_PAGE } from './blank-page';
import { NAME_SHIM } from './bundle';
import { round, summarize, type Figure } from './figures';
import type { BenchData } from './generate';

/**
 * Figure 2: a Gmail thread (tests/fixtures/pages/gmail/thread-single.html, served at Gmail's
 * real URL) from navigation start to the customer card painted in the sidebar iframe. Each run
 * is a new tab; the first run warms the service worker and the database and is not counted.
 *
 * Figure 10, in the same tabs: the floor. The moment the sidebar's frame is put into the page, the
 * bench puts an empty extension page (bench/blank-page.ts) into it too, and the card's paint is
 * compared with that empty page's load: what the sidebar costs beyond being an extension page in
 * an iframe at all, on whatever machine this runs.
 */
export async function measurePaint(session: ExtensionSession, data: BenchData, runs: number): Promise<Figure[]> {
  const paint: number[] = [];
  const blank: number[] = [];
  const overBlank: number[] = [];
  /** Where the time goes: the sidebar document's start and its DOMContentLoaded. */
  const frameStart: number[] = [];
  const frameReady: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = await timeTab(session, `FMfcgzQbench${i}`);
    if (i > 0) {
      paint.push(t.painted);
      blank.push(t.blank);
      overBlank.push(t.painted - t.blank);
      frameStart.push(t.frameStart);
      frameReady.push(t.frameReady);
    }
  }
  const s = summarize(paint);
  const b = summarize(blank);
  const o = summarize(overBlank);
  return [
    {
      group: 2,
      name: `Gmail thread load → card painted, ${data.customers.toLocaleString('en')} customers / ${data.orders.toLocaleString('en')} orders, median`,
      value: Math.round(s.median),
      unit: 'ms',
      budget: 150,
      detail: `p95 ${round(s.p95, 0)} ms over ${s.n} tab loads; medians: sidebar document starts at ${round(summarize(frameStart).median, 0)} ms, its DOMContentLoaded ${round(summarize(frameReady).median, 0)} ms`,
    },
    {
      group: 10,
      name: 'new tab: card painted − an empty extension page framed at the same moment loaded, median',
      value: Math.round(o.median),
      unit: 'ms',
      budget: 50,
      detail: `p95 ${round(o.p95, 0)} ms; in the same ${o.n} tabs the empty page loaded at ${round(b.median, 0)} ms (median), the card painted at ${round(s.median, 0)} ms`,
    },
  ];
}

export interface TabTimes {
  /** From the tab's navigation start: the card painted in the sidebar. */
  painted: number;
  /** The empty extension page framed beside the sidebar loaded. */
  blank: number;
  frameStart: number;
  frameReady: number;
}

/** Opens a new tab on the Gmail thread fixture and times its first card. */
export async function timeTab(session: ExtensionSession, threadId: string): Promise<TabTimes> {
  const page = await session.context.newPage();
  try {
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(
      ([id, blankPage]) => {
        const w = window as unknown as { blankLoaded?: number };
        // Beside the sidebar's frame, the moment it is put into the page.
        const observer = new MutationObserver(() => {
          if (!document.querySelector('crm-sidebar-host')) return;
          observer.disconnect();
          const frame = document.createElement('iframe');
          frame.style.cssText = 'position:fixed;left:0;bottom:0;width:10px;height:10px;border:0;opacity:0';
          frame.addEventListener('load', () => (w.blankLoaded = performance.timeOrigin + performance.now()), { once: true });
          frame.src = `chrome-extension://${id}/${blankPage}`;
          document.documentElement.append(frame);
        });
        observer.observe(document, { childList: true, subtree: true });
      },
      [session.extensionId, BLANK_PAGE] as const,
    );
    await page.goto(`https://mail.google.com/mail/u/0/#inbox/${threadId}`, { waitUntil: 'commit' });
    const deadline = Date.now() + 15_000;
    let frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/sidebar.html'));
    while (!frame) {
      if (Date.now() > deadline) throw new Error('The sidebar iframe did not appear.');
      await page.waitForTimeout(5);
      frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/sidebar.html'));
    }
    const paintedAt = await frame.waitForFunction(
      () => (document.querySelector('article.card') ? performance.timeOrigin + performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 15_000 },
    );
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const blankLoaded = await (await page.waitForFunction(() => (window as unknown as { blankLoaded?: number }).blankLoaded ?? 0, undefined, { timeout: 15_000 })).jsonValue();
    const sidebar = await frame.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { origin: performance.timeOrigin, ready: nav?.domContentLoadedEventEnd ?? NaN };
    });
    return {
      painted: (await paintedAt.jsonValue()) - navigationStart,
      blank: blankLoaded - navigationStart,
      frameStart: sidebar.origin - navigationStart,
      frameReady: sidebar.origin + sidebar.ready - navigationStart,
    };
  } finally {
    await page.close();
  }
}

