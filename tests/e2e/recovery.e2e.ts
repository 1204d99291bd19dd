import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { MARKER_URL, SAFETY_CACHE } from '../../lib/safety/copies';
import { browserAvailable, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

/**
 * The browser's own failures, in the built extension in Chromium with a kept profile: damaged
 * database files, and what the owner sees and can do about them.
 */

const run = browserAvailable();
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbtest';

async function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await sendFromPage(page, type, payload)) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

/** The marker of what the book held, as the background keeps it in the Cache API. */
function markerCustomers(page: Page): Promise<number | null> {
  return page.evaluate(
    async ([name, url]) => {
      const response = await (await caches.open(name)).match(url);
      return response ? ((await response.json()) as { counts: { customers: number } }).counts.customers : null;
    },
    [SAFETY_CACHE, MARKER_URL] as const,
  );
}

/** The extension's IndexedDB files in a profile. */
function databaseDir(profile: string, extensionId: string): string {
  return join(profile, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);
}

/** Overwrites every file of the database with garbage, as a failing disk or a crash mid-write might. */
function damage(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) writeFileSync(path, Buffer.alloc(Math.max(statSync(path).size, 4096), 0x5a));
  }
}

describe.runIf(run)('F10 a damaged database in real Chromium: the recovery screen, never the first run', () => {
  let profile: string;
  let session: ExtensionSession | null = null;
  let customers = 0;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'crm-recovery-e2e-'));
  });

  afterAll(async () => {
    await session?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('keeps a marker and a safety copy outside the database', async () => {
    session = await launchExtension({ userDataDir: profile });
    const page = await session.extensionPage('/options.html');
    await send(page, 'sample.load', {});
    customers = (await send<{ customers: number }>(page, 'manager.status', {})).customers;
    expect(customers).toBeGreaterThan(5);
    await expect.poll(() => markerCustomers(page), { timeout: 10_000 }).toBe(customers);
    const copy = await send<{ counts: { customers: number }; bytes: number }>(page, 'safety.snapshot', {});
    expect(copy.counts.customers).toBe(customers);
    expect(copy.bytes).toBeGreaterThan(1000);
    await session.close();
    session = null;
  });

  it('shows what was lost and restores the safety copy, in the manager and the sidebar', async () => {
    const extensionId = await (async () => {
      const probe = await launchExtension({ userDataDir: profile });
      const id = probe.extensionId;
      await probe.close();
      return id;
    })();
    const dir = databaseDir(profile, extensionId);
    expect(existsSync(dir)).toBe(true);
    damage(dir);

    session = await launchExtension({ userDataDir: profile });
    await serveGmail(session.context, () => 'thread-single.html');
    const manager = await session.extensionPage('/options.html');
    await manager.getByRole('heading', { name: 'Your customer book needs recovering' }).waitFor({ timeout: 15_000 });
    const text = (await manager.locator('main').textContent()) ?? '';
    expect(text).toContain(`${customers.toLocaleString('en-US')} customers`);
    // Never the first run's welcome, and nothing written meanwhile.
    expect(await manager.getByRole('button', { name: /sample/i }).count()).toBe(0);
    expect(await sendFromPage(manager, 'manager.status', {})).toMatchObject({ ok: false, error: { code: 'recovery' } });

    // The sidebar on a Gmail thread shows the same screen.
    const gmail = await session.context.newPage();
    await gmail.goto(GMAIL);
    const frame = await sidebarFrame(gmail);
    await frame.getByRole('heading', { name: 'Your customer book needs recovering' }).waitFor({ timeout: 10_000 });

    // Chromium either cannot open the files or starts an empty database in their place.
    if (await manager.getByRole('button', { name: 'Replace the damaged database' }).count()) {
      await manager.getByLabel('I understand the damaged database is deleted').check();
      await manager.getByRole('button', { name: 'Replace the damaged database' }).click();
      await manager.getByText('The damaged database was replaced').waitFor();
    }
    await manager.getByRole('button', { name: 'Restore', exact: true }).first().click();
    // The page starts afresh once the book is back: the ordinary manager, with every customer.
    await manager.getByRole('navigation', { name: 'Manager sections' }).waitFor({ timeout: 30_000 });
    expect(await send<{ customers: number }>(manager, 'manager.status', {})).toMatchObject({ customers });
    await gmail.reload();
    const again = await sidebarFrame(gmail);
    await expect.poll(() => again.locator('main').textContent(), { timeout: 10_000 }).toContain(SAMPLE_PEOPLE.maria.name);
  });
});
