// `npm start`: builds the extension, opens Chromium with it installed, loads the sample
// business through the extension's own write path, and opens demo Gmail threads served from
// the test fixtures at Gmail's real address (no Google account needed).
import { execSync } from 'node:child_process';
import { launchExtension, ROOT, sendFromPage, serveGmail } from './browser';

const DEMOS = [
  ['thread-single', 'FMfcgzQbdemoMaria'],
  ['thread-many-recipients', 'FMfcgzQbdemoTeam'],
  ['thread-long', 'FMfcgzQbdemoBecker'],
] as const;

execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });

const headless = process.env.HEADLESS === '1' || (process.platform === 'linux' && !process.env.DISPLAY);
if (headless) console.log('No display: running headless, checking the demo, then exiting (set DISPLAY to see it).');

const session = await launchExtension({ headless });
await serveGmail(session.context, (url) => {
  const demo = DEMOS.find(([name]) => name === url.searchParams.get('demo'));
  return `${demo?.[0] ?? 'inbox'}.html`;
});

const options = await session.extensionPage('/options.html');
const loaded = (await sendFromPage(options, 'sample.load', {})) as
  | { ok: true; data: { customers: number; orders: number } }
  | { ok: false; error: { message: string } };
console.log(
  loaded.ok ? `Sample data: ${loaded.data.customers} customers, ${loaded.data.orders} orders.` : loaded.error.message,
);

for (const [name, thread] of DEMOS) {
  const page = await session.context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/?demo=${name}#inbox/${thread}`);
}
console.log('Demo Gmail threads are open in tabs. Close the browser to stop.');

if (headless) {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await session.close();
} else {
  await new Promise((resolve) => session.context.on('close', resolve));
}
