// `npm run screenshots`: the README's pictures, taken from the built extension in both browsers
// with the sample business: a Gmail thread (the fixture served at Gmail's address) with the
// sidebar beside it, at 1366×768, in Chromium and in Firefox ESR.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, readGmailFixture, ROOT, sendFromPage, serveGmail } from './browser';
import { frameLocation, launchFirefoxExtension } from './firefox';

const OUT = join(ROOT, 'docs/screenshots');
const VIEWPORT = { width: 1366, height: 768 };
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbshot';
const SAMPLE_NAME = 'Maria Jensen';
mkdirSync(OUT, { recursive: true });

if (!process.argv.includes('--no-build')) {
  execSync('npx wxt build && npx wxt build -b firefox', { cwd: ROOT, stdio: 'inherit' });
}

async function chromiumShot(): Promise<void> {
  const session = await launchExtension();
  try {
    await serveGmail(session.context, () => 'thread-single.html');
    const options = await session.extensionPage('/options.html');
    await sendFromPage(options, 'sample.load', {});
    await options.close();
    const page = await session.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(THREAD);
    // The frame sits in a closed shadow root: found among the page's frames by its address.
    await page.waitForFunction(() => document.querySelector('crm-sidebar-host') !== null);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
      const shown = frame ? await frame.evaluate((name) => document.querySelector('main')?.textContent?.includes(name) ?? false, SAMPLE_NAME).catch(() => false) : false;
      if (shown) break;
      if (Date.now() > deadline) throw new Error('Chromium: the card did not appear.');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'chromium-gmail.png') });
  } finally {
    await session.close();
  }
}

async function firefoxShot(): Promise<void> {
  const session = await launchFirefoxExtension();
  try {
    session.route('https://mail.google.com/', (_url, request) =>
      request.isNavigationRequest() ? { body: readGmailFixture('thread-single.html') } : { status: 204, body: '' },
    );
    const options = await session.extensionPage('/options.html');
    await options.evaluate(() =>
      (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({
        type: 'sample.load',
        payload: {},
      }),
    );
    await options.close();
    const page = await session.newPage();
    await page.setViewport(VIEWPORT);
    await page.goto(THREAD, { waitUntil: 'domcontentloaded' });
    const deadline = Date.now() + 15_000;
    for (;;) {
      let shown = false;
      for (const frame of page.mainFrame().childFrames()) {
        if (!(await frameLocation(frame)).startsWith('moz-extension://')) continue;
        shown = await frame.evaluate((name) => document.querySelector('main')?.textContent?.includes(name) ?? false, SAMPLE_NAME).catch(() => false);
        if (shown) break;
      }
      if (shown) break;
      if (Date.now() > deadline) throw new Error('Firefox: the card did not appear.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.screenshot({ path: join(OUT, 'firefox-gmail.png') });
  } finally {
    await session.close();
  }
}

await chromiumShot();
await firefoxShot();
console.log(`Screenshots in ${OUT}: chromium-gmail.png, firefox-gmail.png`);
