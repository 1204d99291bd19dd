import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Chromium with the built extension, shared by `npm start`, the real-browser tests and the bench. */

export const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const GMAIL_FIXTURES = join(ROOT, 'tests/fixtures/pages/gmail');

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
  /** Opens an extension page (requests from it are "page" requests, as the sidebar's are). */
  extensionPage(path?: string): Promise<Page>;
}

/**
 * `userDataDir`: a profile to keep (the caller owns it; the bench reuses a loaded database
 * across runs). Without it, a fresh profile is made and removed on close.
 */
export async function launchExtension(
  options: { headless?: boolean; extensionDir?: string; userDataDir?: string; otherExtensions?: string[] } = {},
): Promise<ExtensionSession> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  // A copy of the build (the bench's long runs) is safe from a rebuild of .output midway.
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build in ${extensionDir}: run npm run build.`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'crm-chromium-'));
  // Other unpacked extensions beside ours (the tests' stand-in for another installed extension).
  const loaded = [extensionDir, ...(options.otherExtensions ?? [])].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.headless === false ? null : { width: 1400, height: 900 },
    args: [
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Chromium's sandbox refuses to run as root (CI and containers).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const ours = (w: Worker) => w.url().endsWith('/background.js');
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (options.userDataDir === undefined) rmSync(userDataDir, { recursive: true, force: true });
    },
    async extensionPage(path = '/options.html') {
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
 * `pick(url)` names the fixture for a document request (the hash never reaches a server).
 */
export async function serveGmail(context: BrowserContext, pick: (url: URL) => string): Promise<void> {
  await context.route('https://mail.google.com/**', async (route) => {
    if (route.request().resourceType() !== 'document') {
      await route.fulfill({ status: 204, body: '' });
      return;
    }
    const body = readGmailFixture(pick(new URL(route.request().url())));
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** Sends a protocol message from an extension page, as the sidebar or popup would. */
export async function sendFromPage(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([messageType, messagePayload]) => chrome.runtime.sendMessage({ type: messageType, payload: messagePayload }),
    [type, payload] as const,
  );
}
