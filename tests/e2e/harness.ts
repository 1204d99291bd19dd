import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, readGmailFixture } from '../../scripts/browser';

export { launchExtension, sendFromPage, serveGmail, type ExtensionSession } from '../../scripts/browser';

/**
 * Whether real-browser tests can run here. Under CI a missing browser or build is an error,
 * never a silent skip.
 */
export function browserAvailable(): boolean {
  const ok = chromiumPath() !== null && existsSync(join(EXTENSION_DIR, 'manifest.json'));
  if (!ok && process.env.CI) {
    throw new Error('Real-browser tests need Chromium (/usr/bin/chromium) and a build in .output/chrome-mv3 (CI=true).');
  }
  if (!ok) console.warn('Skipping real-browser tests: no Chromium or no build (set CI=true to make this an error).');
  return ok;
}

/** The sidebar iframe's frame in a Gmail page, once attached and loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('crm-sidebar-host', { state: 'attached' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('The sidebar iframe did not appear.');
    await page.waitForTimeout(25);
  }
}

/**
 * Simulates Gmail's single-page navigation: swaps the body for another fixture's body and
 * changes the hash, without a document load (as Gmail does).
 */
export async function spaNavigate(page: Page, fixture: string, hash: string): Promise<void> {
  await page.evaluate(swapGmailView, [readGmailFixture(fixture), hash] as const);
}

/** Runs in the page (Chromium's or Firefox's): what `spaNavigate` does there. */
export function swapGmailView([source, nextHash]: readonly [string, string]): void {
  const next = new DOMParser().parseFromString(source, 'text/html');
  document.title = next.title;
  document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)));
  location.hash = nextHash;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/**
 * Runs `expression` in our content script's isolated world of the page's top frame (through the
 * DevTools protocol): what a compromised renderer of the host page can do with the content
 * script's powers. The expression may return a promise; its value comes back as JSON.
 */
export async function evaluateInContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) throw new Error('The content script’s isolated world is not in this page.');
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}
