// `npx tsx bench/readme-table.ts`: bench/results.json as the Markdown table of the README's
// "Performance" section (one column per size that has a run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/browser';
import type { RunRecord } from './report';

const { runs } = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as { runs: Record<string, RunRecord> };
const sizes = ['1k', '10k', '100k'].filter((s) => runs[s]);
/** Figures are matched across sizes by name with the size-specific counts taken out. */
const key = (name: string) => name.replace(/[\d,]+ (customers|orders|rows)/g, 'N $1');
const names = [...new Map(sizes.flatMap((s) => runs[s]?.figures ?? []).map((f) => [key(f.name), f])).values()].sort((a, b) => a.group - b.group);

const cell = (size: string, name: string) => {
  const f = runs[size]?.figures.find((x) => key(x.name) === name);
  if (!f) return '';
  const p95 = /^p95 ([\d.]+ ?\w+)/.exec(f.detail ?? '')?.[1];
  return `${f.value} ${f.unit}${p95 && f.name.endsWith('median') ? ` (p95 ${p95})` : ''}${f.verdict ? ` ${f.verdict}` : ''}`;
};

const header = sizes.map((s) => `${s}: ${runs[s]?.customers.toLocaleString('en')} customers / ${runs[s]?.orders.toLocaleString('en')} orders`);
console.log(`| # | Figure | Budget | ${header.join(' | ')} |`);
console.log(`|---|---|---|${sizes.map(() => '---|').join('')}`);
for (const f of names) {
  const budget = f.budget === null ? '' : `${f.budgetIsMinimum ? '≥' : '≤'} ${f.budget} ${f.unit}`;
  console.log(`| ${f.group} | ${key(f.name).replace(/\|/g, '\\|')} | ${budget} | ${sizes.map((s) => cell(s, key(f.name))).join(' | ')} |`);
}
for (const s of sizes) {
  const r = runs[s];
  if (!r) continue;
  const carried = [...new Set(r.figures.filter((f) => f.detail?.includes('[from the run of ')).map((f) => f.group))];
  const earlier = carried.length === 0 ? '' : `; figures ${carried.join(', ')} are from the run before it (${/\[from the run of ([^\]]+)\]/.exec(r.figures.find((f) => carried.includes(f.group))?.detail ?? '')?.[1]?.replace('T', ' ') ?? '?'} UTC)`;
  console.log(`\n${s}: \`${r.command}\`, ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds} s; load average ${r.load.start.join(' ')} → ${r.load.end.join(' ')}${earlier}`);
}
