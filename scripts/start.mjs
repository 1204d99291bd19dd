// `npm start`: builds the extension, opens Chromium with it installed, loads the sample
// business through the extension's own write path, and opens demo Gmail threads served
// from the test fixtures at Gmail's real address (no Google account needed).
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3');
const fixtures = join(root, 'tests/fixtures/pages/gmail');
const DEMOS = [
  ['thread-single', 'FMfcgzQbdemoMaria'],
  ['thread-many-recipients', 'FMfcgzQbdemoTeam'],
  ['thread-long', 'FMfcgzQbdemoBecker'],
];

const browserPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => p && existsSync(p));
if (!browserPath) {
  console.error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}

execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

const headless = process.env.HEADLESS === '1' || (!process.env.DISPLAY && process.platform === 'linux');
if (headless) console.log('No display found: running headless (set DISPLAY to see the browser).');

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'crm-start-')), {
  executablePath: browserPath,
  headless,
  viewport: null,
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});

// Gmail is served from the fixtures; `?demo=<name>` picks one (the hash never reaches a server).
await context.route('https://mail.google.com/**', async (route) => {
  const url = new URL(route.request().url());
  if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
  const demo = DEMOS.find(([name]) => name === url.searchParams.get('demo'))?.[0] ?? 'inbox';
  return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(fixtures, `${demo}.html`), 'utf8') });
});

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const options = context.pages()[0] ?? (await context.newPage());
await options.goto(`chrome-extension://${extensionId}/options.html`);
const loaded = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'sample.load', payload: {} }));
console.log(loaded.ok ? `Sample data: ${loaded.data.customers} customers, ${loaded.data.orders} orders.` : `Sample data: ${loaded.error.message}`);

for (const [name, thread] of DEMOS) {
  const page = await context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/?demo=${name}#inbox/${thread}`);
}
console.log('Demo Gmail threads are open in tabs. Close the browser window to stop.');
if (headless) {
  await new Promise((r) => setTimeout(r, 3000));
  await context.close();
} else {
  await new Promise((r) => context.on('close', r));
}
