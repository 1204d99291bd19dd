// `npm run bench [-- --size=1k|10k|100k] [--strict] [--runs=N] [--only=2,3]`: the seven
// figures, measured in headless Chromium with the built extension (run `npm run build` first;
// the npm script does both). Prints a table and writes bench/results.json (one entry per size);
// `--strict` exits non-zero when a figure is over its budget. Not part of `npm test`: at 100k
// customers (1M orders) it takes many minutes; `npm run bench:small` is the 1k size.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchExtension, serveGmail } from '../scripts/browser';
import type { Figure } from './figures';
import { benchData, SIZES, type SizeName } from './generate';
import { measureFinder } from './measure-finder';
import { measureHeap } from './measure-heap';
import { loadBusiness } from './measure-import';
import { measureInsights } from './measure-insights';
import { measureLookup } from './measure-lookup';
import { measurePaint } from './measure-paint';
import { measureSafety } from './measure-safety';
import { measureSizes } from './measure-size';
import { loadAverage, machine, printTable, saveResults, withVerdicts } from './report';

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const size = (option('size') ?? '100k') as SizeName;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const strict = process.argv.includes('--strict');
const runs = Number(option('runs') ?? process.env.BENCH_RUNS ?? 20);
const only = option('only')?.split(',').map(Number) ?? [1, 2, 3, 4, 5, 6, 7, 8];
const wants = (group: number) => only.includes(group);
const log = (line: string) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const began = Date.now();
const loadAtStart = loadAverage();
const figures: Figure[] = [];

// The run uses a copy of the build: a rebuild of .output during a long run (tests started by
// someone else) must not change the extension under measurement.
if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run npm run build.');
const build = mkdtempSync(join(tmpdir(), 'crm-bench-build-'));
cpSync(EXTENSION_DIR, build, { recursive: true });

if (wants(1)) figures.push(...measureSizes(build));

const data = await benchData(size);
log(`data: ${data.customers.toLocaleString('en')} customers, ${data.orders.toLocaleString('en')} orders, ${data.interactions.length} interactions (seed fixed)`);

const session = await launchExtension({ extensionDir: build });
try {
  await serveGmail(session.context, () => 'thread-single.html');
  if ([2, 3, 5, 6, 8].some(wants)) {
    const loaded = await loadBusiness(session, data, log);
    if (wants(5)) figures.push(...loaded);
  }
  // First, as it also waits out the recompute the background schedules after a bulk write,
  // which would otherwise run during the lookups.
  if (wants(6)) {
    figures.push(...(await measureInsights(session, data, Math.min(runs, size === '100k' ? 3 : 5))));
    log('insights measured');
  }
  if (wants(3)) {
    figures.push(...(await measureLookup(session, data)));
    log('lookups measured');
  }
  if (wants(2)) {
    figures.push(...(await measurePaint(session, data, runs)));
    log('card paint measured');
  }
  if (wants(4)) {
    figures.push(...(await measureFinder(session, runs)));
    log('finders measured');
  }
  if (wants(8)) {
    figures.push(...(await measureSafety(session, data, Math.min(runs, 3))));
    log('safety copies measured');
  }
  if (wants(7)) {
    figures.push(...(await measureHeap(session, Math.min(runs, 7))));
    log('content-script heap measured');
  }
} finally {
  await session.close();
  rmSync(build, { recursive: true, force: true });
}

const record = {
  date: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: machine(),
  load: { start: loadAtStart, end: loadAverage() },
  size,
  customers: data.customers,
  orders: data.orders,
  seconds: Math.round((Date.now() - began) / 1000),
  figures: withVerdicts(figures.sort((a, b) => a.group - b.group)),
};
printTable(record);
console.log(`\nWritten to ${saveResults(record, only)}`);
if (strict && record.figures.some((f) => f.verdict === 'OVER')) {
  console.error('Over budget (--strict).');
  process.exit(1);
}
