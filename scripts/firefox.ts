import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { ROOT } from './browser';

/**
 * Firefox with the built extension (.output/firefox-mv2), for the real-browser tests: Debian's
 * firefox-esr driven by puppeteer-core over WebDriver BiDi (Playwright drives only its own
 * patched Firefox, which cannot be installed here). No browser is ever downloaded.
 */

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');

/** Debian's Firefox ESR unless FIREFOX_PATH says otherwise. */
export function firefoxPath(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** What a fixture route answers: a body (a document or anything else) or nothing (204). */
export interface RoutedResponse {
  status?: number;
  contentType?: string;
  body: string;
}

/** Answers requests whose URL starts with a prefix; `null` passes the request on to the network. */
export type RouteHandler = (url: URL, request: HTTPRequest) => RoutedResponse | null;

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id (browser_specific_settings.gecko.id). */
  addonId: string;
  /** moz-extension://<uuid>, fixed per session through `extensions.webextensions.uuids`. */
  origin: string;
  /**
   * Serves requests whose URL starts with `prefix` from `handler` in every page opened through
   * `newPage` (BiDi network interception): the content scripts match the real URL, as in the field.
   * Where several prefixes match, the route added last answers.
   */
  route(prefix: string, handler: RouteHandler): void;
  /** A new tab whose requests go through the routes. */
  newPage(): Promise<Page>;
  /** Opens an extension page (popup, manager, settings) in a new tab, once its document is interactive. */
  extensionPage(path?: string): Promise<Page>;
  /** Loads an extension page again (`page.reload()` waits for events Firefox does not send for it). */
  reloadExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

function addonIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id: build it with npm run build:firefox.`);
  return id;
}

/**
 * Navigates a tab to a moz-extension:// page. WebDriver BiDi only allows it with
 * -remote-allow-system-access, and Firefox sends no navigation events for pages of the extension
 * process, so puppeteer's `goto` (which waits for them) would time out: the BiDi command itself
 * returns once the document is interactive. `browsingContext` is puppeteer's BiDi frame internals.
 */
async function navigateExtensionTab(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: string): Promise<void> } })
    .browsingContext;
  if (!context) throw new Error('Not a WebDriver BiDi page: cannot open an extension page.');
  await context.navigate(url, 'interactive');
  await page.waitForFunction(() => document.readyState !== 'loading' && document.body !== null, { timeout: 10_000 });
}

export async function launchFirefoxExtension(options: { headless?: boolean; extensionDir?: string; prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('Firefox not found: install it (apt-get install firefox-esr) or set FIREFOX_PATH.');
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build in ${extensionDir}: run npm run build:firefox.`);
  const addonId = addonIdOf(extensionDir);
  const uuid = randomUUID();
  // puppeteer makes a fresh profile in the temporary folder and removes it on close.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: options.headless ?? true,
    defaultViewport: { width: 1400, height: 900 },
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      // The extension's moz-extension:// host is random per profile unless set here.
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // Quiet and fast: no first-run pages, no updates, no telemetry.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...options.prefs,
    },
  });
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== addonId) throw new Error(`Installed ${installed}, expected ${addonId}.`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}`;
  const routes: { prefix: string; handler: RouteHandler }[] = [];

  async function onRequest(request: HTTPRequest): Promise<void> {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const route = routes.find((r) => url.startsWith(r.prefix));
    const answer = route?.handler(new URL(url), request) ?? null;
    if (!answer) {
      await request.continue();
      return;
    }
    await request.respond({ status: answer.status ?? 200, contentType: answer.contentType ?? 'text/html; charset=utf-8', body: answer.body });
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void onRequest(request).catch(() => undefined));
    return page;
  }

  return {
    browser,
    addonId,
    origin,
    route(prefix, handler) {
      // The latest route wins where several match, as in Playwright.
      routes.unshift({ prefix, handler });
    },
    newPage,
    async extensionPage(path = '/options.html') {
      const page = await browser.newPage();
      await navigateExtensionTab(page, origin + path);
      return page;
    },
    reloadExtensionPage: (page, path) => navigateExtensionTab(page, origin + path),
    async close() {
      await browser.close();
    },
  };
}

/** Where a frame's document is (puppeteer's `frame.url()` stays stale for moz-extension frames). */
export function frameLocation(frame: Frame): Promise<string> {
  return frame.evaluate(() => location.href).catch(() => '');
}
