import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../scripts/browser';
import { sendFromPage } from '../scripts/browser';
import type { Figure } from './figures';
import type { BenchData } from './generate';
import { extensionProcessMb, samplePeak, targetHeaps } from './process-memory';
import { customerIds } from './worker-probe';

/**
 * Loads the bench's business the way an owner does: the manager page (options.html), Import,
 * the Shopify customers file, then the Shopify orders file (parsed in the import worker, staged
 * chunk by chunk in the background, committed in one transaction). Then the interactions, logged
 * through the protocol's `interaction.log` as the sidebar does. The orders import is figure 5.
 */

const IMPORT_TIMEOUT_MS = 30 * 60_000;

export async function importFile(page: Page, path: string): Promise<{ seconds: number; commitSeconds: number | null; banner: string }> {
  await page.locator('button.tab', { hasText: 'Import' }).click();
  // After a finished import the panel offers the file input again.
  await page.locator('input[aria-label="File to import"]').setInputFiles(path);
  const start = page.locator('.preview').getByRole('button', { name: 'Import', exact: true });
  await start.waitFor({ timeout: 60_000 });
  if (await start.isDisabled()) throw new Error(`The manager will not import ${path}: ${await page.locator('.panel').textContent()}`);
  // Times are taken in the page, as things happen there, not when the harness next looks: the
  // click on Import, the panel saying "Saving …" (parsing and staging are over, the commit runs),
  // and the result (a banner, or the review of bad rows) appearing.
  await page.evaluate(() => {
    const g = globalThis as unknown as { benchStartAt: number | null; benchSavingAt: number | null; benchDoneAt: number | null };
    g.benchStartAt = null;
    g.benchSavingAt = null;
    g.benchDoneAt = null;
    const button = [...document.querySelectorAll('.preview button')].find((b) => b.textContent?.trim() === 'Import');
    button?.addEventListener('click', () => (g.benchStartAt ??= performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (g.benchSavingAt === null && document.querySelector('.panel [role="status"]')?.textContent?.startsWith('Saving')) g.benchSavingAt = performance.now();
      if (document.querySelector('.banner--ok, .banner--error, .review') !== null) {
        g.benchDoneAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await start.click();
  const done = page.locator('.banner--ok, .banner--error, .review');
  await done.first().waitFor({ timeout: IMPORT_TIMEOUT_MS });
  const { seconds, commitSeconds } = await page.evaluate(() => {
    const g = globalThis as unknown as { benchStartAt: number | null; benchSavingAt: number | null; benchDoneAt: number | null };
    if (g.benchStartAt === null || g.benchDoneAt === null) throw new Error('The import click or its result was not seen by the page.');
    return { seconds: (g.benchDoneAt - g.benchStartAt) / 1000, commitSeconds: g.benchSavingAt === null ? null : (g.benchDoneAt - g.benchSavingAt) / 1000 };
  });
  const banner = (await done.first().textContent()) ?? '';
  if (!banner.startsWith('Imported')) throw new Error(`Import of ${path} did not finish: ${banner}`);
  return { seconds, commitSeconds, banner };
}

/**
 * JS heaps in use, in MB: the page's (CDP Performance metrics), its import worker's and the
 * background's (Runtime.getHeapUsage on their own targets). Read once a second at most by the
 * sampler: each reading is a round trip into the thread being measured.
 */
async function heapReader(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapOf = targetHeaps(cdp);
  const mb = (bytes: number) => bytes / 2 ** 20;
  const peak = { page: 0, worker: 0, pageAndWorker: 0, background: 0 };
  return {
    peak,
    async read(): Promise<number> {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const pageHeap = mb(metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      const worker = mb(await heapOf('worker', 'import.worker'));
      peak.page = Math.max(peak.page, pageHeap);
      peak.worker = Math.max(peak.worker, worker);
      peak.background = Math.max(peak.background, mb(await heapOf('service_worker', 'background')));
      peak.pageAndWorker = Math.max(peak.pageAndWorker, pageHeap + worker);
      return pageHeap + worker;
    },
  };
}

export async function loadBusiness(session: ExtensionSession, data: BenchData, log: (line: string) => void): Promise<Figure[]> {
  const manager = await session.extensionPage('/options.html');
  const customers = await importFile(manager, data.customersFile);
  log(`customers file: ${customers.banner}`);

  const heaps = await heapReader(manager);
  const heapPeak = samplePeak(() => heaps.read(), 1000);
  const processPeak = samplePeak(extensionProcessMb);
  const orders = await importFile(manager, data.ordersFile);
  await heapPeak.stop();
  const processMb = await processPeak.stop();
  log(`orders file: ${orders.banner}`);

  await manager.close();

  // Sent from the settings page, which does not listen for data pushes: the manager would
  // reload its list after each of them.
  const sender = await session.extensionPage('/settings.html');
  const ids = await customerIds(session.worker, [...new Set(data.interactions.map((i) => i.email))]);
  const started = Date.now();
  const batch = 25;
  for (let i = 0; i < data.interactions.length; i += batch) {
    await Promise.all(
      data.interactions.slice(i, i + batch).map(async (interaction) => {
        const customerId = ids.get(interaction.email);
        if (!customerId) throw new Error(`No customer for ${interaction.email} after the import.`);
        const reply = (await sendFromPage(sender, 'interaction.log', { customerId, kind: interaction.kind, at: interaction.at, summary: interaction.summary })) as { ok: boolean };
        if (!reply.ok) throw new Error(`interaction.log refused: ${JSON.stringify(reply)}`);
      }),
    );
  }
  log(`${data.interactions.length} interactions logged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await sender.close();

  const rowsPerSecond = data.orders / orders.seconds;
  const oneMillionSeconds = 1_000_000 / rowsPerSecond;
  return [
    {
      group: 5,
      name: `import Shopify orders file, ${data.orders.toLocaleString('en')} rows (rows/s)`,
      value: Math.round(rowsPerSecond),
      unit: 'rows/s',
      // 1M rows in 60 s.
      budget: Math.round(1_000_000 / 60),
      budgetIsMinimum: true,
      detail: `${orders.seconds.toFixed(1)} s from Import to committed (the commit ${orders.commitSeconds?.toFixed(1) ?? '?'} s of it); 1M rows at this rate: ${oneMillionSeconds.toFixed(0)} s; customers file (${data.customers.toLocaleString('en')} rows) ${customers.seconds.toFixed(1)} s`,
    },
    {
      group: 5,
      name: 'import: peak JS heap of the manager page and its import worker',
      value: Math.round(heaps.peak.pageAndWorker),
      unit: 'MB',
      budget: 300,
      detail: `page ${Math.round(heaps.peak.page)} MB, import worker ${Math.round(heaps.peak.worker)} MB (peaks, read once a second); the background's heap peaked at ${Math.round(heaps.peak.background)} MB`,
    },
    {
      group: 5,
      name: 'import: peak resident memory of the extension process (page, worker, background)',
      value: processMb === null ? NaN : Math.round(processMb),
      unit: 'MB',
      budget: null,
      detail: 'sampled every 200 ms from /proc; an upper bound: the process also holds the background and Chromium\'s own buffers',
    },
  ];
}
