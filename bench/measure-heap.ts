import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../scripts/browser';
import { readGmailFixture } from '../scripts/browser';
import { round, summarize, type Figure } from './figures';

/**
 * Figure 7: the Gmail content script's JavaScript heap on the thread fixture.
 *
 * A content script runs in an isolated world of the page's V8 isolate, and CDP reports heap use
 * per isolate (`Runtime.getHeapUsage`), not per world. So the figure is a difference: the same
 * fixture loaded (a) at mail.google.com, where the content script runs, and (b) at a host no
 * content script matches; after two forced garbage collections each, the used heap of (a) minus
 * that of (b). The sidebar iframe is an extension page in its own process and is not counted;
 * the launcher and iframe host elements the script adds to the page are (their JS wrappers).
 * One tab at a time, so no other page shares the isolate.
 */

const BARE = 'https://gmail-copy.bench.test/mail/u/0/';

async function usedHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

export async function measureHeap(session: ExtensionSession, runs: number): Promise<Figure[]> {
  await session.context.route(BARE, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readGmailFixture('thread-single.html') }));
  const withScript: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const url of [`https://mail.google.com/mail/u/0/#inbox/FMfcgzQbenchHeap${i}`, `${BARE}#inbox/FMfcgzQbenchHeap${i}`]) {
      const page = await session.context.newPage();
      await page.goto(url);
      if (url.startsWith('https://mail.google.com')) await page.waitForSelector('crm-sidebar-host', { state: 'attached' });
      // Let the first report go out and the sidebar settle.
      await page.waitForTimeout(700);
      (url.startsWith(BARE) ? without : withScript).push(await usedHeapMb(page));
      await page.close();
    }
  }
  const a = summarize(withScript);
  const b = summarize(without);
  return [
    {
      group: 7,
      name: 'Gmail content script heap on the thread fixture (isolate with − without), median',
      value: round(a.median - b.median, 2),
      unit: 'MB',
      budget: 5,
      detail: `page heap with the script: median ${round(a.median, 2)} MB, p95 ${round(a.p95, 2)}; without: median ${round(b.median, 2)} MB; ${runs} loads each`,
    },
  ];
}
