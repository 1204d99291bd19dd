import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

const run = browserAvailable();
const SHOPIFY_CUSTOMER_HEADERS = 'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags';
const ORDER_HEADERS = ['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Billing Name', 'Id'];

function bigOrdersFile(dir: string, rows: number): string {
  const lines = [ORDER_HEADERS.join(',')];
  for (let i = 0; i < rows; i++) lines.push(`#${1000 + i},buyer${i % 5000}@example.com,paid,EUR,${(i % 900) + 10}.00,2025-06-01 10:00:00 +0200,1,Chair,10.00,Buyer ${i % 5000},${9_000_000 + i}`);
  const path = join(dir, 'orders_export.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Every table's row count (orders counted one by one), as a backup lists them. */
async function status(session: ExtensionSession) {
  const page = await session.extensionPage('/options.html');
  const reply = (await sendFromPage(page, 'backup.tables', {})) as { ok: true; data: { counts: Record<string, number> } };
  await page.close();
  return reply.data.counts;
}

describe.runIf(run)('the manager in real Chromium', () => {
  let session: ExtensionSession;
  let dir: string;

  beforeAll(async () => {
    session = await launchExtension();
    await serveGmail(session.context, () => 'thread-single.html');
    dir = mkdtempSync(join(tmpdir(), 'crm-manager-e2e-'));
  });

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a Shopify customers file and the customer is recognized on a Gmail thread', async () => {
    const page = await session.extensionPage('/options.html');
    await page.getByRole('button', { name: 'Import' }).first().click();
    const csv = `${SHOPIFY_CUSTOMER_HEADERS}\n${Papa.unparse([["'7100000000001", 'Maria', 'Jensen', SAMPLE_PEOPLE.maria.email, 'yes', SAMPLE_PEOPLE.maria.company, '', '', 'Hamburg', '', 'DE', '', '', "'+49 40 555 0142", 'no', '0.00', '0', '', 'no', 'wholesale']])}\n`;
    await page.getByLabel('File to import').setInputFiles({ name: 'customers_export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('.preview').textContent(), { timeout: 10_000 }).toContain('Shopify customers');
    expect(await page.getByRole('table', { name: 'First rows of the file' }).textContent()).toContain(SAMPLE_PEOPLE.maria.email);
    await page.locator('.preview').getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/1 new customers/));
    await page.close();

    const gmail = await session.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbtest');
    const frame = await sidebarFrame(gmail);
    await expect.poll(() => frame.locator('main').textContent(), { timeout: 10_000 }).toContain(SAMPLE_PEOPLE.maria.name);
    expect(await frame.locator('main').textContent()).toContain(SAMPLE_PEOPLE.maria.company);
    await gmail.close();
  });

  it('leaves the row counts unchanged when an import is cancelled midway', async () => {
    const before = await status(session);
    const path = bigOrdersFile(dir, 300_000);
    const page = await session.extensionPage('/options.html');
    await page.getByRole('button', { name: 'Import' }).first().click();
    await page.getByLabel('File to import').setInputFiles(path);
    await expect.poll(() => page.locator('.preview').textContent(), { timeout: 10_000 }).toContain('Shopify orders');
    await page.locator('.preview').getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.locator('.progress-box [role=status]');
    await expect.poll(async () => Number(((await progress.textContent()) ?? '0').replace(/[^\d].*$/s, '').replace(/,/g, '')), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringMatching(/Import cancelled/));
    await page.waitForTimeout(500);
    expect(await status(session)).toEqual(before);
    await page.close();
  });

  it('lists customers and opens one for editing', async () => {
    const page = await session.extensionPage('/options.html#customers');
    await page.getByLabel('Search customers').fill('jensen');
    await expect.poll(() => page.locator('.filters__count').textContent()).toBe('1 customer');
    await page.getByRole('button', { name: SAMPLE_PEOPLE.maria.name }).click();
    await page.getByLabel('Family').fill('Two kids, Ole and Frida');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.detail').textContent()).toContain('Saved.');
    await page.close();
  });
});
