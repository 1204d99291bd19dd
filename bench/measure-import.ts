import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../scripts/browser';
import { sendFromPage } from '../scripts/browser';
import type { Figure } from './figures';
import { round } from './figures';
import type { BenchData } from './generate';
import { extensionProcessMb, samplePeak } from './process-memory';
import { customerIds } from './worker-probe';

/**
 * Loads the bench's business the way an owner does: the manager page (options.html), Import,
 * the Shopify customers file, then the Shopify orders file (parsed in the import worker, staged
 * chunk by chunk in the background, committed in one transaction). Then the interactions, logged
 * through the protocol's `interaction.log` as the sidebar does. The orders import is figure 5.
 */

const IMPORT_TIMEOUT_MS = 30 * 60_000;

async function importFile(page: Page, path: string): Promise<{ seconds: number; commitSeconds: number | null; banner: string }> {
  await page.locator('button.tab', { hasText: 'Import' }).click();
  // After a finished import the panel offers the file input again.
  await page.locator('input[aria-label="File to import"]').setInputFiles(path);
  const start = page.locator('.preview').getByRole('button', { name: 'Import', exact: true });
  await start.waitFor({ timeout: 60_000 });
  if (await start.isDisabled()) throw new Error(`The manager will not import ${path}: ${await page.locator('.panel').textContent()}`);
  // When the panel says "Saving …", parsing and staging are over and the commit runs.
  await page.evaluate(() => {
    const g = globalThis as unknown as { benchSavingAt: number | null };
    g.benchSavingAt = null;
    const observer = new MutationObserver(() => {
      if (g.benchSavingAt === null && document.querySelector('.panel [role="status"]')?.textContent?.startsWith('Saving')) {
        g.benchSavingAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const t0 = await page.evaluate(() => performance.now());
  await start.click();
  const done = page.locator('.banner--ok, .banner--error, .review');
  await done.first().waitFor({ timeout: IMPORT_TIMEOUT_MS });
  const { seconds, commitSeconds } = await page.evaluate((started) => {
    const savingAt = (globalThis as unknown as { benchSavingAt: number | null }).benchSavingAt;
    const end = performance.now();
    return { seconds: (end - started) / 1000, commitSeconds: savingAt === null ? null : (end - savingAt) / 1000 };
  }, t0);
  const banner = (await done.first().textContent()) ?? '';
  if (!banner.startsWith('Imported')) throw new Error(`Import of ${path} did not finish: ${banner}`);
  return { seconds, commitSeconds, banner };
}

/** Used JS heap of a page (CDP Performance metrics), in MB. */
async function pageHeapReader(page: Page): Promise<() => Promise<number | null>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return used === undefined ? null : used / 2 ** 20;
  };
}

export async function loadBusiness(session: ExtensionSession, data: BenchData, log: (line: string) => void): Promise<Figure[]> {
  const manager = await session.extensionPage('/options.html');
  const customers = await importFile(manager, data.customersFile);
  log(`customers file: ${customers.banner}`);

  const pageHeap = samplePeak(await pageHeapReader(manager));
  const processPeak = samplePeak(extensionProcessMb);
  const orders = await importFile(manager, data.ordersFile);
  const heapMb = await pageHeap.stop();
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
      name: 'import: peak memory of the extension process (manager page, import worker, background)',
      value: processMb === null ? NaN : Math.round(processMb),
      unit: 'MB',
      budget: 300,
      detail: `resident set, sampled every 200 ms; the manager page's own JS heap peaked at ${heapMb === null ? '?' : round(heapMb)} MB`,
    },
  ];
}
