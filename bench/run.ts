// `npm run bench`: figures measured in headless Chromium with the built extension.
// Prints a table and writes bench/results.json; `--strict` exits non-zero when a figure is
// over its budget. Run after `npm run build` (the npm script does both).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launchExtension, ROOT, sendFromPage, serveGmail } from '../scripts/browser';

interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  detail?: string;
}

const figures: Figure[] = [];
const strict = process.argv.includes('--strict');
const runs = Number(process.env.BENCH_RUNS ?? 10);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

// 1. Content-script sizes, minified (as built) and gzipped.
const scriptsDir = join(EXTENSION_DIR, 'content-scripts');
for (const file of readdirSync(scriptsDir).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join(scriptsDir, file));
  const name = file.replace(/\.js$/, '');
  figures.push({
    name: `content script ${name}, minified`,
    value: Math.round((statSync(join(scriptsDir, file)).size / 1024) * 10) / 10,
    unit: 'KB',
    budget: name === 'gmail' ? 20 : null,
  });
  figures.push({
    name: `content script ${name}, gzipped`,
    value: Math.round((gzipSync(bytes, { level: 9 }).length / 1024) * 10) / 10,
    unit: 'KB',
    budget: null,
  });
}

// 2. Gmail thread fixture load → customer card painted in the sidebar.
const session = await launchExtension();
try {
  await serveGmail(session.context, () => 'thread-single.html');
  const options = await session.extensionPage('/options.html');
  await sendFromPage(options, 'sample.load', {});
  const paint: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await session.context.newPage();
    await page.goto(`https://mail.google.com/mail/u/0/#inbox/FMfcgzQbench${i}`, { waitUntil: 'commit' });
    const frame = await (async () => {
      for (;;) {
        const found = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
        if (found) return found;
        await page.waitForTimeout(5);
      }
    })();
    const paintedAt = await frame.waitForFunction(
      () => (document.querySelector('article.card') ? performance.timeOrigin + performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 10_000 },
    );
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    // The first run warms the service worker and the database; it is not counted.
    if (i > 0) paint.push((await paintedAt.jsonValue()) - navigationStart);
    await page.close();
  }
  figures.push({
    name: `Gmail thread load → card painted, median of ${runs} (sample data)`,
    value: Math.round(quantile(paint, 0.5)),
    unit: 'ms',
    budget: 150,
    detail: `p95 ${Math.round(quantile(paint, 0.95))} ms`,
  });
} finally {
  await session.close();
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
const rows = figures.map((f) => {
  const verdict = f.budget === null ? '' : f.value <= f.budget ? 'PASS' : 'OVER';
  return { ...f, verdict };
});
console.log(`\nMachine: ${machine}\n`);
for (const row of rows) {
  const budget = row.budget === null ? '' : `budget ${row.budget} ${row.unit}`;
  console.log(
    `${row.name.padEnd(70)} ${String(row.value).padStart(8)} ${row.unit.padEnd(3)} ${budget.padEnd(18)} ${row.verdict} ${row.detail ?? ''}`,
  );
}
writeFileSync(
  join(ROOT, 'bench/results.json'),
  JSON.stringify({ date: new Date().toISOString(), machine, figures: rows }, null, 2),
);
if (strict && rows.some((r) => r.verdict === 'OVER')) process.exit(1);
