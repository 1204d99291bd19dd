// `npx tsx bench/insights.ts [--size=1k|10k|100k] [--runs=N]`: the full insights recompute alone,
// in headless Chromium with the built extension (run `npx wxt build` first). The business enters
// through the manager's import, as in `npm run bench` (bench/measure-import.ts), then the
// background's own `insights.recompute` is timed (bench/measure-insights.ts). Prints the figures;
// writes no results file, so it never races a full bench run. `--keep=DIR` keeps the browser
// profile and the build copy in DIR: a later run with the same DIR skips the import and measures
// the database already there (after `npx wxt build`, the new build is copied over the old one).
// `--reimport` first imports the same orders file again (every order already stored) and prints
// how long that took.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchExtension, sendFromPage } from '../scripts/browser';
import { benchData, SIZES, type SizeName } from './generate';
import { importFile, loadBusiness } from './measure-import';
import { measureInsights } from './measure-insights';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = (option('size') ?? '10k') as SizeName;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const runs = Number(option('runs') ?? 5);
const began = Date.now();
const log = (line: string) => console.log(`[insights ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run npx wxt build.');
// A copy: a rebuild of .output by someone else midway must not change what is measured.
const keep = option('keep');
const build = keep === undefined ? mkdtempSync(join(tmpdir(), 'crm-insights-build-')) : join(keep, 'build');
cpSync(EXTENSION_DIR, build, { recursive: true });

/**
 * `manager.status` from a fresh manager page. Right after launch the first message from a page
 * sometimes never reaches the service worker (a later one from the same page is answered), so
 * an unanswered request is given up and sent again from a new page. The wait is long: a kept
 * profile made by an older build is upgraded first (a minute or more at a million orders).
 */
async function firstAnswer(session: Awaited<ReturnType<typeof launchExtension>>): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const page = await session.extensionPage('/options.html');
    const reply = await Promise.race([sendFromPage(page, 'manager.status', {}), new Promise((resolve) => setTimeout(() => resolve(null), 150_000))]);
    if (reply !== null) return reply;
    await page.close();
    if (attempt === 3) throw new Error('The background answered no manager.status in three tries.');
    log('manager.status went unanswered for 150 s: asking again from a new page');
  }
}

const data = await benchData(size);
log(`data: ${data.customers.toLocaleString('en')} customers, ${data.orders.toLocaleString('en')} orders`);
// Chromium keeps the service worker's script in the profile: drop that copy (and the code cache)
// so a kept profile runs the build just copied, with the database left as it was.
if (keep !== undefined) for (const dir of ['Service Worker', 'Code Cache']) rmSync(join(keep, 'profile', 'Default', dir), { recursive: true, force: true });
const session = await launchExtension({ extensionDir: build, userDataDir: keep === undefined ? undefined : join(keep, 'profile') });
try {
  const status = (await firstAnswer(session)) as { data?: { customers: number } };
  if ((status.data?.customers ?? 0) === data.customers) log('the kept profile already holds the business');
  else {
    await loadBusiness(session, data, log);
    log('imported');
  }
  if (process.argv.includes('--reimport')) {
    const page = await session.extensionPage('/options.html');
    const again = await importFile(page, data.ordersFile);
    console.log(`re-import of the same orders file: ${again.seconds.toFixed(1)} s (the commit ${again.commitSeconds?.toFixed(1) ?? '?'} s); ${again.banner}`);
    await page.close();
  }
  for (const figure of await measureInsights(session, data, runs)) {
    console.log(`${figure.name}: ${figure.value} ${figure.unit} (${figure.detail ?? ''})`);
  }
  // One more run, split into its phases (database reads, the engine, database writes).
  const page = await session.extensionPage('/options.html');
  console.log('one more run:', JSON.stringify(await sendFromPage(page, 'insights.recompute', {})));
} finally {
  await session.close();
  if (keep === undefined) rmSync(build, { recursive: true, force: true });
}
