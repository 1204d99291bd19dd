import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { readGmailFixture } from '../../../scripts/browser';
import { markByRole } from '../axe';
import { swapGmailView } from '../harness';
import { firefoxPath, FIREFOX_EXTENSION_DIR, frameLocation, type FirefoxSession } from '../../../scripts/firefox';

export { launchFirefoxExtension, type FirefoxSession } from '../../../scripts/firefox';

export const GMAIL = 'https://mail.google.com/mail/u/0/';

/**
 * Whether the Firefox tests can run here. Under CI a missing Firefox or build is an error, never
 * a silent skip.
 */
export function firefoxAvailable(): boolean {
  const ok = firefoxPath() !== null && existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'));
  if (!ok && process.env.CI) {
    throw new Error('Firefox tests need Firefox ESR (/usr/bin/firefox-esr) and a build in .output/firefox-mv2 (CI=true).');
  }
  if (!ok) console.warn('Skipping Firefox tests: no firefox-esr or no build (set CI=true to make this an error).');
  return ok;
}

/**
 * Serves Gmail from its fixtures at its real URL (`pick` names the fixture for a document; the
 * hash never reaches a server) and answers every other Gmail request with nothing.
 */
export function serveGmail(session: FirefoxSession, pick: (url: URL) => string): void {
  session.route('https://mail.google.com/', (url, request) =>
    request.isNavigationRequest() ? { body: readGmailFixture(pick(url)) } : { status: 204, body: '' },
  );
}

/** Opens a Gmail URL in a new tab with the routes; returns once its document is loaded. */
export async function openGmail(session: FirefoxSession, hash: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(GMAIL + hash, { waitUntil: 'domcontentloaded' });
  return page;
}

/**
 * The sidebar iframe's frame in a page, once attached and loaded. Found by its document's
 * address: puppeteer's `frame.url()` stays `about:blank` for moz-extension frames in Firefox.
 */
export async function sidebarFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.mainFrame().childFrames()) {
      if (!(await frameLocation(frame)).startsWith('moz-extension://')) continue;
      const ready = await frame.evaluate(() => document.readyState !== 'loading' && !!document.querySelector('main')).catch(() => false);
      if (ready) return frame;
    }
    if (Date.now() > deadline) throw new Error('The sidebar iframe did not appear.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends a protocol message from an extension page through Firefox's promise-based `browser.*`. */
export async function sendFromPage(page: Page | Frame, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    (messageType, messagePayload) =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
        type: messageType,
        payload: messagePayload,
      }),
    type,
    payload,
  );
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** `sendFromPage`, returning the reply's data or throwing its error. */
export async function ask<T>(page: Page | Frame, type: string, payload: unknown): Promise<T> {
  const reply = (await sendFromPage(page, type, payload)) as Envelope;
  if (!reply.ok) throw new Error(`${type}: ${reply.error.code} ${reply.error.message}`);
  return reply.data as T;
}

/** The text of the first element matching `selector` ('' when there is none). */
export function textOf(scope: Page | Frame, selector = 'main'): Promise<string> {
  return scope.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
}

/**
 * The element with this ARIA role and accessible name (exact, or a pattern), inside the
 * element `within` selects if given, once it exists:
 * role and name as assistive technology computes them (axe-core's commons). puppeteer's
 * `::-p-aria` matches names exactly only.
 */
export async function byRole(
  scope: Page | Frame,
  role: string,
  name: string | RegExp,
  { within, timeout = 5000 }: { within?: string; timeout?: number } = {},
): Promise<ElementHandle> {
  const evaluate = (expression: string) => scope.evaluate(expression);
  const deadline = Date.now() + timeout;
  for (;;) {
    const selector = await markByRole(evaluate, role, name, within);
    const handle = selector ? await scope.$(selector) : null;
    if (handle) return handle as ElementHandle;
    if (Date.now() > deadline) throw new Error(`No ${role} named ${String(name)}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Simulates Gmail's single-page navigation (see the Chromium harness's `spaNavigate`). */
export async function spaNavigate(page: Page, fixture: string, hash: string): Promise<void> {
  await page.evaluate(swapGmailView, [readGmailFixture(fixture), hash] as const);
}
