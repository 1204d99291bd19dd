import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const GMAIL_FIXTURES = join(ROOT, 'tests/fixtures/pages/gmail');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/**
 * Whether real-browser tests can run. Under CI a missing browser or build is an error, never
 * a silent skip.
 */
export function browserAvailable(): boolean {
  const ok = chromiumPath() !== null && existsSync(join(EXTENSION_DIR, 'manifest.json'));
  if (!ok && process.env.CI) {
    throw new Error('Real-browser tests need /usr/bin/chromium and a build in .output/chrome-mv3 (CI=true).');
  }
  return ok;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
  /** Opens an extension page (for requests as an extension page would make them). */
  extensionPage(path?: string): Promise<Page>;
}

export async function launchExtension(): Promise<ExtensionSession> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found');
  const userDataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    async extensionPage(path = '/sidebar.html') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return page;
    },
  };
}

export function readGmailFixture(name: string): string {
  return readFileSync(join(GMAIL_FIXTURES, name), 'utf8');
}

/**
 * Serves Gmail from fixtures at its real URL so the content script matches as in the field.
 * `pick()` decides which fixture answers the next document request.
 */
export async function serveGmail(context: BrowserContext, pick: () => string): Promise<void> {
  await context.route('https://mail.google.com/**', async (route) => {
    if (route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 204, body: '' });
      return;
    }
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readGmailFixture(pick()) });
  });
}

/** Sends a protocol message from an extension page, as the sidebar or popup would. */
export async function sendFromPage(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([messageType, messagePayload]) => chrome.runtime.sendMessage({ type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}

/** The sidebar iframe's frame in a Gmail page (waits for it to be attached and loaded). */
export async function sidebarFrame(page: Page) {
  const handle = await page.waitForSelector('crm-sidebar-host', { state: 'attached' });
  void handle;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('sidebar iframe did not appear');
    await page.waitForTimeout(50);
  }
}

/**
 * Simulates Gmail's single-page navigation: swaps the page's body for another fixture's body
 * and changes the hash, without a document load (as Gmail does).
 */
export async function spaNavigate(page: Page, fixture: string, hash: string): Promise<void> {
  const html = readGmailFixture(fixture);
  await page.evaluate(
    ([source, nextHash]) => {
      const next = new DOMParser().parseFromString(source, 'text/html');
      document.title = next.title;
      const host = document.querySelector('crm-sidebar-host');
      document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)));
      if (host && !host.isConnected) document.documentElement.append(host);
      location.hash = nextHash;
    },
    [html, hash] as const,
  );
}
