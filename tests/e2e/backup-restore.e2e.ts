import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, type ExtensionSession } from './harness';

/**
 * Backup → empty profile → restore through the manager's own buttons, and restores that must be
 * refused without writing anything. The backup file is the one the page downloads.
 */

const run = browserAvailable();
const DATA_TABLES = ['customers', 'companies', 'orders', 'interactions', 'notes'] as const;

async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await sendFromPage(page, type, payload)) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

async function counts(page: Page): Promise<Record<string, number>> {
  const { counts: all } = await send<{ counts: Record<string, number> }>(page, 'backup.tables', {});
  return Object.fromEntries(DATA_TABLES.map((t) => [t, all[t] ?? 0]));
}

/**
 * Maria's card as the manager shows it: the customer with figures, company, orders, notes. The
 * cached `insights` are left out: the background recomputes them on its own schedule after any
 * data change, so they may or may not have been refreshed when the card is read.
 */
async function mariaCard(page: Page): Promise<unknown> {
  const list = await send<{ rows: { id: string }[] }>(page, 'manager.list', { search: SAMPLE_PEOPLE.maria.email });
  const id = list.rows[0]?.id;
  if (id === undefined) throw new Error('Maria is not in the list.');
  const card = await send<{ customer: Record<string, unknown> }>(page, 'manager.customer', { customerId: id });
  return { ...card, customer: { ...card.customer, insights: 'recomputed by the background' } };
}

async function restoreThroughUi(page: Page, file: string, mode: 'merge' | 'replace'): Promise<string> {
  await page.getByRole('button', { name: 'Backup & export' }).click();
  await page.getByLabel(mode === 'replace' ? /Replace everything here/ : /Merge with what is here/).check();
  await page.getByLabel('Backup file to restore').setInputFiles(file);
  const outcome = page.locator('.panel .banner--ok, .panel .banner--error');
  await outcome.first().waitFor({ timeout: 60_000 });
  return (await outcome.first().textContent()) ?? '';
}

describe.runIf(run)('backup and restore in real Chromium', () => {
  let source: ExtensionSession;
  let target: ExtensionSession | null = null;
  let dir: string;
  let backupPath = '';
  let before: Record<string, number> = {};
  let card: unknown = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-backup-e2e-'));
    source = await launchExtension();
  });

  afterAll(async () => {
    await source?.close();
    await target?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads a full backup from the manager', async () => {
    const page = await source.extensionPage('/options.html');
    await send(page, 'sample.load', {});
    before = await counts(page);
    expect(before.customers).toBeGreaterThan(5);
    expect(before.orders).toBeGreaterThan(5);
    expect(before.notes).toBeGreaterThan(0);
    card = await mariaCard(page);

    await page.getByRole('button', { name: 'Backup & export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download full backup (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^crm-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect.poll(() => page.locator('.panel .banner--ok').textContent()).toMatch(/^Backup saved/);
    const file = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; tables: Record<string, unknown[]> };
    expect(file.format).toBe('local-crm-backup');
    expect(file.tables.customers).toHaveLength(before.customers!);
    await page.close();
  });

  it('F12 startup storage check: the manager confirms persistent storage and shows the estimate', async () => {
    const page = await source.extensionPage('/options.html');
    await page.getByRole('button', { name: 'Backup & export' }).click();
    // Chromium refuses persist() to an extension page but never evicts an origin granted
    // unlimitedStorage: the page checks both and says the data is kept, with the estimate.
    await expect.poll(() => page.locator('.panel p', { hasText: 'Last backup' }).textContent()).toMatch(/Using .+ of .+\. Storage is persistent\./);
    await page.close();
  });

  it('restores it into an empty profile: same counts, same customer card', async () => {
    expect(backupPath).not.toBe('');
    target = await launchExtension();
    const page = await target.extensionPage('/options.html');
    expect(Object.values(await counts(page)).every((n) => n === 0)).toBe(true);
    const message = await restoreThroughUi(page, backupPath, 'replace');
    expect(message).toMatch(/^Restored [\d,]+ rows/);
    expect(await counts(page)).toEqual(before);
    expect(await mariaCard(page)).toEqual(card);
    // The page shows it too, not only the protocol.
    await page.getByRole('button', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Search customers').fill(SAMPLE_PEOPLE.maria.email);
    await expect.poll(() => page.locator('.filters__count').textContent()).toBe('1 customer');
    await page.close();
  });

  it('refuses a hostile backup (a bad row after good ones) with a message, and writes nothing even in replace mode', async () => {
    const page = await (target ?? source).extensionPage('/options.html');
    const counted = await counts(page);
    const original = JSON.parse(readFileSync(backupPath, 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
    const orders = original.tables.orders ?? [];
    // Good customers are staged first; then an order whose id smuggles markup and whose total is a string.
    const hostile = { ...original, tables: { ...original.tables, orders: [...orders, { ...orders[0], id: '<img src=x onerror=alert(1)>', total: '12 EUR' }] } };
    const path = join(dir, 'hostile.json');
    writeFileSync(path, JSON.stringify(hostile));
    const message = await restoreThroughUi(page, path, 'replace');
    expect(message).toMatch(/^orders row \d+: .+ Nothing was restored\.$/);
    expect(await page.locator('.panel [role=alert]').count()).toBe(1);
    expect(await counts(page)).toEqual(counted);
    expect(await mariaCard(page)).toEqual(card);
    await page.close();
  });

  it('refuses a corrupt file and a file that is not a backup, naming the problem', async () => {
    const page = await (target ?? source).extensionPage('/options.html');
    const counted = await counts(page);
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(backupPath, 'utf8').slice(0, 2000));
    expect(await restoreThroughUi(page, truncated, 'replace')).toBe('This file is not a backup from this extension (it is not JSON).');
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ customers: [] }));
    expect(await restoreThroughUi(page, other, 'merge')).toMatch(/^This file is not a valid backup \(format: /);
    expect(await counts(page)).toEqual(counted);
    await page.close();
  });
});
