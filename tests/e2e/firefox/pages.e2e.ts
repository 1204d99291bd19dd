import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../../lib/sample/business';
import { QUICK_NOTE_SUGGESTED_KEY } from '../../../lib/shortcut';
import { describeViolations, seriousViolations } from '../axe';
import { ask, byRole, firefoxAvailable, launchFirefoxExtension, openGmail, serveGmail, sidebarFrame, textOf, type FirefoxSession } from './harness';

const run = firefoxAvailable();
const CUSTOMER_HEADERS = ['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address City', 'Default Address Country Code', 'Phone', 'Total Spent', 'Total Orders', 'Tags'];

describe.runIf(run)('the extension’s own pages in real Firefox', () => {
  let session: FirefoxSession;
  let dir: string;
  let fixture = 'thread-own-replies.html';

  beforeAll(async () => {
    session = await launchFirefoxExtension();
    serveGmail(session, () => fixture);
    dir = mkdtempSync(join(tmpdir(), 'crm-firefox-e2e-'));
    const page = await session.extensionPage('/options.html');
    await ask(page, 'sample.load', {});
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs as an MV2 add-on: a background page, promise-based browser.*, a toolbar popup and no side panel', async () => {
    const page = await session.extensionPage('/options.html');
    const facts = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome & { runtime: { getBackgroundPage(): Promise<Window | null> } } }).browser;
      const manifest = api.runtime.getManifest() as chrome.runtime.ManifestV2 & { side_panel?: unknown; sidebar_action?: unknown };
      const reply = api.runtime.sendMessage({ type: 'backup.tables', payload: {} }) as unknown;
      const background = await api.runtime.getBackgroundPage();
      return {
        version: manifest.manifest_version,
        popup: manifest.browser_action?.default_popup,
        // Firefox has its own sidebar API; this add-on shows in the page, as in Chrome.
        sidePanel: 'sidePanel' in api || manifest.side_panel != null || manifest.sidebar_action != null,
        // MV2: the toolbar button is browserAction (there is no `action`).
        toolbarApi: 'action' in api ? 'action' : 'browserAction' in api ? 'browserAction' : null,
        promise: reply instanceof Promise,
        answered: JSON.stringify(await (reply as Promise<unknown>)),
        // The background is a page of its own (not a service worker) and the only owner of the database.
        backgroundIsPage: !!background && background.document.documentElement !== null && !('registration' in background),
        databases: background ? (await background.indexedDB.databases()).map((d) => d.name ?? '') : [],
      };
    });
    expect(facts).toMatchObject({ version: 2, popup: `${session.origin}/popup.html`, sidePanel: false, toolbarApi: 'browserAction', promise: true, backgroundIsPage: true });
    expect(facts.answered).toContain('"ok":true');
    expect(facts.databases.length).toBeGreaterThan(0);
    await page.close();
  });

  it('has the quick-note shortcut assigned after install, and the popup names it', async () => {
    const page = await session.extensionPage('/popup.html');
    const shortcut = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.commands.getAll()).find((c) => c.name === '_execute_browser_action')?.shortcut ?? null;
    });
    expect(shortcut).toBe(QUICK_NOTE_SUGGESTED_KEY);
    const hint = await byRole(page, 'button', /^Keyboard shortcut/);
    expect(await hint.evaluate((el) => el.textContent)).toBe(QUICK_NOTE_SUGGESTED_KEY);
    await page.close();
  });

  it('has no serious accessibility violation on the popup, the settings and the manager', async () => {
    for (const path of ['/popup.html', '/settings.html', '/options.html#customers', '/options.html#import']) {
      const page = await session.extensionPage(path);
      await page.waitForSelector('h1', { timeout: 10_000 });
      // The page's content, not only its frame (the manager's list, the settings' sections).
      await page.waitForFunction(() => document.querySelectorAll('button').length > 2, { timeout: 10_000 });
      const violations = await seriousViolations((expression) => page.evaluate(expression));
      expect(violations, `${path}:\n${describeViolations(violations)}`).toEqual([]);
      await page.close();
    }
  });

  it('imports a customers file, reports its bad row, and the customer is recognized in Gmail', async () => {
    const good = ["'7100000000002", 'Julia', 'Hartmann', 'julia@hartmann-gartenbau.de', 'yes', 'Hartmann Gartenbau', 'Kiel', 'DE', '', '0.00', '0', 'garden'];
    const bad = ["'7100000000003", 'No', 'Address', 'not-an-address', 'no', '', '', '', '', '0.00', '0', ''];
    const path = join(dir, 'customers_export.csv');
    writeFileSync(path, Papa.unparse({ fields: CUSTOMER_HEADERS, data: [good, bad] }));

    const page = await session.extensionPage('/options.html');
    await (await byRole(page, 'button', 'Import')).click();
    const input = await page.waitForSelector('input[type=file][aria-label="File to import"]');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    await expect.poll(() => textOf(page, '.preview'), { timeout: 10_000 }).toContain('Shopify customers');
    await (await byRole(page, 'button', 'Import', { within: '.preview' })).click();
    // The review before anything is saved: the good row counted, the bad one listed with its reason.
    await expect.poll(() => textOf(page, '.review'), { timeout: 10_000 }).toContain('1 customer and 0 orders are ready. 1 row cannot be imported.');
    expect(await textOf(page, '.bad-rows')).toContain('“not-an-address” is not an email address.');
    await (await byRole(page, 'button', 'Import the good rows')).click();
    await expect.poll(() => textOf(page, '.banner--ok'), { timeout: 10_000 }).toMatch(/Imported customers_export\.csv: 1 new customers, .*; 1 rows skipped\./);
    await page.close();

    fixture = 'thread-own-replies.html';
    const gmail = await openGmail(session, '#inbox/FMfcgzQbjulia');
    const frame = await sidebarFrame(gmail);
    await expect.poll(() => textOf(frame), { timeout: 5000 }).toContain('Hartmann Gartenbau');
    expect(await textOf(frame)).toContain('Julia Hartmann');
    await gmail.close();
  });

  it('saves a quick note from the popup by keyboard and shows it in an open Gmail sidebar', async () => {
    fixture = 'thread-single.html';
    const gmail = await openGmail(session, '#inbox/FMfcgzQbquick');
    const frame = await sidebarFrame(gmail);
    await expect.poll(() => textOf(frame), { timeout: 5000 }).toContain(SAMPLE_PEOPLE.maria.name);

    const popup = await session.extensionPage('/popup.html');
    // Focus starts in the note, so typing first and choosing the customer after works too.
    const body = `Wants the oak table in grey ${Date.now()} #oak`;
    await popup.keyboard.type(body);
    const about = await byRole(popup, 'combobox', 'About');
    await about.type('Maria');
    await byRole(popup, 'option', new RegExp(SAMPLE_PEOPLE.maria.name));
    await about.press('Enter');
    const note = await byRole(popup, 'textbox', 'Note');
    expect(await note.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(body);
    await note.focus();
    await popup.keyboard.down('Control');
    await popup.keyboard.press('Enter');
    await popup.keyboard.up('Control');
    await expect.poll(() => textOf(popup, '[role=status]'), { timeout: 5000 }).toContain(`Saved note about ${SAMPLE_PEOPLE.maria.name}`);
    await expect.poll(() => textOf(frame), { timeout: 2000, interval: 50 }).toContain(body);
    await popup.close();
    await gmail.close();
  });

  it('raises a due reminder as a notification without buttons, snoozed from the popup instead', async () => {
    const popup = await session.extensionPage('/popup.html');
    // Records the background page's notifications (Firefox's notifications have no buttons).
    await popup.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
      const background = (await api.runtime.getBackgroundPage()) as Window & { browser: typeof chrome; raised?: unknown[][] };
      const raised: unknown[][] = [];
      background.raised = raised;
      const original = background.browser.notifications.create.bind(background.browser.notifications) as (...args: unknown[]) => unknown;
      (background.browser.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
        raised.push(args);
        return original(...args);
      };
    });
    const raised = () =>
      popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window & { raised?: unknown[][] }> } } }).browser;
        return JSON.parse(JSON.stringify((await api.runtime.getBackgroundPage()).raised ?? [])) as [string, { message: string; buttons?: unknown[] }][];
      });
    const found = await ask<{ matches: { customerId: string; name: string }[] }>(popup, 'quicknote.candidates', { query: SAMPLE_PEOPLE.maria.email, tabId: null });
    const customerId = found.matches[0]?.customerId;
    const title = `Call Maria back about the invoice ${Date.now()}`;
    await ask(popup, 'reminder.set', { customerId, title, dueAt: Date.now() + 2000 });
    await expect.poll(async () => (await raised()).filter(([, options]) => options.message === title).length, { timeout: 15_000, interval: 250 }).toBe(1);
    const [, options] = (await raised()).find(([, o]) => o.message === title) ?? [];
    expect(options).toBeDefined();
    expect(options?.buttons).toBeUndefined();

    await session.reloadExtensionPage(popup, '/popup.html');
    const snooze = await byRole(popup, 'button', 'Snooze 1 hour', { within: `[aria-label=${JSON.stringify(`Reminder: ${title}`)}]` });
    await snooze.click();
    const listed = async () =>
      (await ask<{ reminders: { reminder: { title: string; dueAt: number; firedAt: number | null } }[] }>(popup, 'reminder.list', {})).reminders.find((r) => r.reminder.title === title)?.reminder;
    await expect.poll(async () => (await listed())?.firedAt, { timeout: 3000 }).toBeNull();
    expect((await listed())?.dueAt).toBeGreaterThan(Date.now() + 3_500_000);
    await popup.close();
  });
});
