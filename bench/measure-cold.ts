import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ExtensionSession } from '../scripts/browser';
import { round, summarize, type Figure } from './figures';
import { timeTab } from './measure-paint';

/**
 * Figure 11: a cold service worker is not a slow card. New tabs open the Gmail thread fixture,
 * alternately with the background's service worker running and stopped just before (through the
 * DevTools protocol, as the browser stops an idle one), in one run; the figure is the difference
 * of the two medians of the card's paint. Beside it, the background script's size.
 */
export async function measureCold(session: ExtensionSession, extensionDir: string, runs: number): Promise<Figure[]> {
  const control = await session.extensionPage('/options.html');
  const cdp = await session.context.newCDPSession(control);
  await cdp.send('ServiceWorker.enable');
  const running: number[] = [];
  const stopped: number[] = [];
  const startup: number[] = [];
  try {
    // A warm-up tab, then pairs in alternating order so a drift of the machine's load hits both.
    await timeTab(session, 'FMfcgzQcoldwarmup');
    for (let i = 0; i < runs; i++) {
      for (const cold of i % 2 === 0 ? [false, true] : [true, false]) {
        if (cold) {
          await cdp.send('ServiceWorker.stopAllWorkers');
          await control.waitForTimeout(200);
        } else {
          // Make sure it runs: any message wakes it.
          await control.evaluate(() => chrome.runtime.sendMessage({ type: 'site.list', payload: {} }));
        }
        const t = await timeTab(session, `FMfcgzQcold${i}${cold ? 'c' : 'w'}`);
        (cold ? stopped : running).push(t.painted);
        if (cold) startup.push(await workerStartup(session));
      }
    }
  } finally {
    await control.close();
  }
  const warm = summarize(running);
  const cold = summarize(stopped);
  const start = summarize(startup);
  const script = readFileSync(join(extensionDir, 'background.js'));
  return [
    {
      group: 11,
      name: 'new tab: card painted with the service worker stopped − running, difference of medians',
      value: Math.round(cold.median - warm.median),
      unit: 'ms',
      budget: 100,
      detail: `stopped: median ${round(cold.median, 0)} ms (p95 ${round(cold.p95, 0)}), running: median ${round(warm.median, 0)} ms (p95 ${round(warm.p95, 0)}), ${warm.n} tabs each; a stopped worker's own start to its code having run: median ${round(start.median, 0)} ms`,
    },
    { group: 11, name: 'background script, minified', value: round(script.length / 1024), unit: 'KB', budget: null },
    { group: 11, name: 'background script, gzipped', value: round(gzipSync(script, { level: 9 }).length / 1024), unit: 'KB', budget: null },
  ];
}

/** How long the restarted worker took from its start until its code had run (its own marks). */
async function workerStartup(session: ExtensionSession): Promise<number> {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) return NaN;
  return worker.evaluate(() => performance.getEntriesByName('crm:background')[0]?.startTime ?? NaN).catch(() => NaN);
}
