import type { ExtensionSession } from '../scripts/browser';
import { sendFromPage } from '../scripts/browser';
import { round, summarize, type Figure } from './figures';
import type { BenchData } from './generate';
import { targetHeaps } from './process-memory';

/**
 * Figure 8: the daily safety copy (lib/safety/snapshots.ts): every table read a page at a time,
 * gzipped as it is read (CompressionStream), stored in the extension's Cache API storage. Taken
 * through `safety.snapshot` from an extension page, as the manager's button does; the copy the
 * background takes on its own each day is the same work. Its time, its size on disk and the
 * background's heap while it runs; then the time to read one back (decompressed) in a page, the
 * first step of a restore.
 */
export async function measureSafety(session: ExtensionSession, data: BenchData, runs: number): Promise<Figure[]> {
  const page = await session.extensionPage('/settings.html');
  const cdp = await page.context().newCDPSession(page);
  const heapOf = targetHeaps(cdp);
  const seconds: number[] = [];
  let bytes = 0;
  let rows = 0;
  let heapPeak = 0;
  for (let i = 0; i < runs; i++) {
    let running = true;
    const sampler = (async () => {
      while (running) {
        heapPeak = Math.max(heapPeak, (await heapOf('service_worker', 'background')) / 2 ** 20);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const started = performance.now();
    const reply = (await sendFromPage(page, 'safety.snapshot', {})) as { ok: true; data: { bytes: number; rows: number; id: string } } | { ok: false; error: { message: string } };
    seconds.push((performance.now() - started) / 1000);
    running = false;
    await sampler;
    if (!reply.ok) throw new Error(`safety.snapshot refused: ${reply.error.message}`);
    bytes = reply.data.bytes;
    rows = reply.data.rows;
  }
  const readBack = await page.evaluate(async () => {
    const started = performance.now();
    const cache = await caches.open('crm-safety');
    const key = (await cache.keys()).find((request) => request.url.includes('/snapshot/'));
    const response = key ? await cache.match(key) : undefined;
    if (!response?.body) return null;
    const blob = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).blob();
    return { seconds: (performance.now() - started) / 1000, mb: blob.size / 2 ** 20 };
  });
  await page.close();
  const s = summarize(seconds);
  const scale = `${data.customers.toLocaleString('en')} customers / ${data.orders.toLocaleString('en')} orders`;
  return [
    {
      group: 8,
      name: `safety copy (gzipped backup in extension storage), ${scale}, median`,
      value: round(s.median, 1),
      unit: 's',
      budget: null,
      detail: `p95 ${round(s.p95, 1)} s over ${s.n}; ${rows.toLocaleString('en')} rows; the background's JS heap peaked at ${Math.round(heapPeak)} MB (read every 250 ms)`,
    },
    { group: 8, name: `safety copy: size on disk, ${scale}`, value: round(bytes / 2 ** 20, 1), unit: 'MB', budget: null, detail: readBack ? `${round(readBack.mb, 0)} MB of JSON uncompressed` : undefined },
    {
      group: 8,
      name: 'safety copy: read back and decompressed in a page (a restore\'s first step)',
      value: readBack ? round(readBack.seconds, 1) : NaN,
      unit: 's',
      budget: null,
    },
  ];
}
