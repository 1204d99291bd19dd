import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE } from '../../lib/sample/business';
import { browserAvailable, evaluateInContentScript, launchExtension, sendFromPage, serveGmail, sidebarFrame, type ExtensionSession } from './harness';

/**
 * The host page and other extensions as attackers, in the built extension in Chromium: what a
 * page's renderer (with our content script's powers), a page's own scripts and another
 * installed extension can do, and that none of it reveals or changes anything.
 */

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const run = browserAvailable();

/** Another installed extension: a service worker and nothing else. */
function probeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-probe-extension-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ name: 'Probe', version: '1.0', manifest_version: 3, background: { service_worker: 'sw.js' } }));
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => self.skipWaiting());\n');
  return dir;
}

describe.runIf(run)('hostile pages and extensions in real Chromium', () => {
  let session: ExtensionSession;
  let extension: Page;
  let probeDir: string;
  let probe: Worker;

  beforeAll(async () => {
    probeDir = probeExtension();
    session = await launchExtension({ otherExtensions: [probeDir] });
    await serveGmail(session.context, () => 'inbox.html');
    const isProbe = (w: Worker) => w.url().endsWith('/sw.js');
    probe = session.context.serviceWorkers().find(isProbe) ?? (await session.context.waitForEvent('serviceworker', { predicate: isProbe }));
    extension = await session.extensionPage('/options.html');
    expect(await sendFromPage(extension, 'sample.load', {})).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await session?.close();
    if (probeDir) rmSync(probeDir, { recursive: true, force: true });
  });

  it('a content script writing storage.local turns nothing on: not the inbox marks, not a site, not the settings', async () => {
    const page = await session.context.newPage();
    await page.goto(INBOX);
    await sidebarFrame(page);
    const before = await sendFromPage(extension, 'settings.get', {});
    // The renderer writes every value earlier versions kept in storage.local…
    await evaluateInContentScript(
      page,
      session.extensionId,
      `chrome.storage.local.set({
        settings: { ...${JSON.stringify((before as { data: object }).data)}, gmailInboxMarks: true, ownAddresses: [] },
        enabledSites: ['https://evil.example'],
        ui: { collapsed: true },
      })`,
    );
    // …then asks for what the inbox-marks switch guards.
    const marks = await evaluateInContentScript(
      page,
      session.extensionId,
      `chrome.runtime.sendMessage({ type: 'gmail.inboxMarks', payload: { emails: [${JSON.stringify(SAMPLE_PEOPLE.maria.email)}] } })`,
    );
    expect(marks).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await sendFromPage(extension, 'settings.get', {})).toEqual(before);
    expect(await sendFromPage(extension, 'site.list', {})).toEqual({ ok: true, data: [] });
    await page.reload();
    const frame = await sidebarFrame(page);
    await frame.locator('main').waitFor();
    expect(await page.locator('crm-tier-mark').count()).toBe(0);
    await page.close();
  });

  describe('S5 another extension messages ours', () => {
    it('is refused, and the manifest admits no other extension and no web page', async () => {
      const sent = await probe.evaluate(
        (id) =>
          chrome.runtime.sendMessage(id, { type: 'settings.get', payload: {} }).then(
            (reply: unknown) => ({ reply }),
            (error: Error) => ({ error: error.message }),
          ),
        session.extensionId,
      );
      expect(sent).toEqual({ error: expect.stringMatching(/Could not establish connection|Receiving end does not exist/) });
      const manifest = (await session.worker.evaluate(() => chrome.runtime.getManifest())) as { externally_connectable?: unknown };
      expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
      // A web page has no way to reach the extension at all.
      const page = await session.context.newPage();
      await page.goto(INBOX);
      expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
      await page.close();
    });
  });
});
