import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../scripts/browser';
import { verdictOf, type Figure, type Verdict } from './figures';

/** The table on stdout and bench/results.json (one entry per size, the latest run of each). */

export interface RunRecord {
  date: string;
  command: string;
  machine: string;
  /** 1, 5 and 15-minute load averages at the start and the end of the run. */
  load: { start: number[]; end: number[] };
  size: string;
  customers: number;
  orders: number;
  seconds: number;
  figures: (Figure & { verdict: Verdict })[];
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}, Node ${process.versions.node}`;
}

export const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);

export function printTable(record: RunRecord): void {
  console.log(`\n${record.size}: ${record.customers.toLocaleString('en')} customers, ${record.orders.toLocaleString('en')} orders`);
  console.log(`Machine: ${record.machine}; load average ${record.load.start.join(' ')} → ${record.load.end.join(' ')}\n`);
  const name = Math.max(...record.figures.map((f) => f.name.length));
  for (const f of record.figures) {
    const budget = f.budget === null ? '' : `${f.budgetIsMinimum ? '≥' : '≤'} ${f.budget} ${f.unit}`;
    console.log(`${String(f.group)}. ${f.name.padEnd(name)}  ${String(f.value).padStart(8)} ${f.unit.padEnd(6)} ${budget.padEnd(16)} ${f.verdict.padEnd(4)}  ${f.detail ?? ''}`);
  }
}

export function saveResults(record: RunRecord, groups: readonly number[]): string {
  const path = join(ROOT, 'bench/results.json');
  let runs: Record<string, RunRecord> = {};
  if (existsSync(path)) {
    try {
      const previous = JSON.parse(readFileSync(path, 'utf8')) as { runs?: Record<string, RunRecord> };
      runs = previous.runs ?? {};
    } catch {
      // An unreadable file is replaced.
    }
  }
  // A run of some figures only (--only) keeps the other figures of the last run of that size.
  const previous = runs[record.size];
  if (previous && groups.length < 10) {
    const kept = previous.figures.filter((f) => !groups.includes(f.group)).map((f) => ({ ...f, detail: `${f.detail ?? ''} [from the run of ${previous.date.slice(0, 16)}]`.trim() }));
    record = { ...record, figures: [...record.figures, ...kept].sort((a, b) => a.group - b.group) };
  }
  runs[record.size] = record;
  writeFileSync(path, `${JSON.stringify({ runs }, null, 2)}\n`);
  return path;
}

export function withVerdicts(figures: Figure[]): (Figure & { verdict: Verdict })[] {
  return figures.map((f) => ({ ...f, verdict: verdictOf(f) }));
}
