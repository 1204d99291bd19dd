// `npx tsx bench/import.ts`: imports a generated Shopify orders export of IMPORT_ROWS rows
// (default 1,000,000 line-item rows) through the manager page of the built extension in
// headless Chromium, and reports the time until the commit finished and the peak memory.
// Memory, each figure for one thing: the manager page's JS heap (CDP Performance.getMetrics on
// the page target), the import worker's and the background service worker's JS heaps (CDP
// Runtime.getHeapUsage on their own targets), and the resident set of the extension's renderer
// process(es) from /proc, which hold all three plus Chromium's own buffers: an upper bound, not
// "the page". The budget applies to the page (its heap plus its worker's). Run `npx wxt build`.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { launchExtension, sendFromPage } from '../scripts/browser';
import { ORDER_HEADERS, shopifyTime } from '../lib/sample/shopify-export';
import { extensionProcessMb, targetHeaps } from './process-memory';

const ROWS = Number(process.env.IMPORT_ROWS ?? 1_000_000);
const CUSTOMERS = Number(process.env.IMPORT_CUSTOMERS ?? 50_000);

async function writeExport(path: string): Promise<{ orders: number }> {
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  const column = new Map(ORDER_HEADERS.map((h, i) => [h, i]));
  const empty = ORDER_HEADERS.map(() => '');
  await write(ORDER_HEADERS.join(','));
  let rows = 0;
  let order = 0;
  const start = Date.UTC(2025, 0, 1);
  while (rows < ROWS) {
    const lines = 1 + (order % 5); // 1–5 line items, ~3 on average
    const email = `customer${order % CUSTOMERS}@example.com`;
    const at = shopifyTime(start + order * 60_000);
    for (let line = 0; line < lines && rows < ROWS; line++, rows++) {
      const cells = [...empty];
      const set = (h: string, v: string) => {
        const i = column.get(h);
        if (i !== undefined) cells[i] = v;
      };
      set('Name', `#${100000 + order}`);
      set('Email', email);
      set('Created at', at);
      set('Lineitem quantity', '1');
      set('Lineitem name', `Product ${line}`);
      set('Lineitem price', '19.90');
      set('Lineitem sku', `SKU-${line}`);
      set('Lineitem requires shipping', 'true');
      set('Lineitem taxable', 'true');
      set('Lineitem fulfillment status', 'fulfilled');
      if (line === 0) {
        set('Financial Status', 'paid');
        set('Paid at', at);
        set('Fulfillment Status', 'fulfilled');
        set('Currency', 'EUR');
        set('Subtotal', (lines * 19.9).toFixed(2));
        set('Shipping', '0.00');
        set('Taxes', '0.00');
        set('Total', (lines * 19.9).toFixed(2));
        set('Billing Name', `Customer ${order % CUSTOMERS}`);
        set('Id', String(6_000_000_000_000 + order));
        set('Source', 'web');
        set('Risk Level', 'Low');
      }
      await write(cells.join(','));
    }
    order += 1;
  }
  out.end();
  await once(out, 'finish');
  return { orders: order };
}

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-import-'));
const file = join(dir, 'orders_export_1.csv');
const t0 = Date.now();
const { orders } = await writeExport(file);
console.log(`Generated ${ROWS.toLocaleString()} rows (${orders.toLocaleString()} orders, ${CUSTOMERS.toLocaleString()} customers), ${(statSync(file).size / 1_048_576).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const session = await launchExtension();
try {
  const page = await session.extensionPage('/options.html');
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapOf = targetHeaps(cdp);
  let peakHeap = 0;
  let peakWorkerHeap = 0;
  let peakPageAndWorker = 0;
  let peakBackgroundHeap = 0;
  let peakRss = 0;
  let lastWorkerProbe = 0;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const pageHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    // Worker heaps once a second: each probe is a round trip into the worker being measured.
    const probeWorkers = Date.now() - lastWorkerProbe >= 1000;
    if (probeWorkers) lastWorkerProbe = Date.now();
    const workerHeap = probeWorkers ? await heapOf('worker', 'import.worker') : 0;
    peakHeap = Math.max(peakHeap, pageHeap);
    peakWorkerHeap = Math.max(peakWorkerHeap, workerHeap);
    if (probeWorkers) peakPageAndWorker = Math.max(peakPageAndWorker, pageHeap + workerHeap);
    if (probeWorkers) peakBackgroundHeap = Math.max(peakBackgroundHeap, await heapOf('service_worker', 'background'));
    peakRss = Math.max(peakRss, (extensionProcessMb() ?? 0) * 1_048_576);
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 200);

  await page.getByRole('button', { name: 'Import' }).first().click();
  await page.getByLabel('File to import').setInputFiles(file);
  await page.locator('.preview').getByRole('button', { name: 'Import', exact: true }).waitFor();
  const started = Date.now();
  await page.locator('.preview').getByRole('button', { name: 'Import', exact: true }).click();
  // "Saving…" marks the end of parse + staging and the start of the one-transaction commit.
  await page.getByText(/^Saving /).waitFor({ timeout: 600_000 });
  const stagedAfter = (Date.now() - started) / 1000;
  await page.locator('.banner--ok, .banner--error').first().waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(timer);
  await sample();
  const outcome = await page.locator('.panel').textContent();
  const status = (await sendFromPage(page, 'manager.status', {})) as { data: { customers: number; orders: number } };
  console.log(outcome?.replace(/\s+/g, ' ').slice(0, 300));
  console.log(
    JSON.stringify(
      {
        rows: ROWS,
        ordersInDatabase: status.data.orders,
        customersInDatabase: status.data.customers,
        seconds: Math.round(seconds * 10) / 10,
        parseAndStageSeconds: Math.round(stagedAfter * 10) / 10,
        commitSeconds: Math.round((seconds - stagedAfter) * 10) / 10,
        rowsPerSecond: Math.round(ROWS / seconds),
        peakPageJsHeapMB: Math.round(peakHeap / 1_048_576),
        peakImportWorkerJsHeapMB: Math.round(peakWorkerHeap / 1_048_576),
        peakPagePlusWorkerJsHeapMB: Math.round(peakPageAndWorker / 1_048_576),
        peakBackgroundJsHeapMB: Math.round(peakBackgroundHeap / 1_048_576),
        peakExtensionRendererRssMB: Math.round(peakRss / 1_048_576),
        budget: { seconds: 60, pageMemoryMB: 300 },
      },
      null,
      2,
    ),
  );
} finally {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
}
