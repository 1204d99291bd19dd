import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of this run's Chromium processes, read from /proc (Linux). Only descendants of
 * this Node process count: other browsers on the machine are not ours. The extension process
 * (`--extension-process`) holds the extension's pages, their workers and the background.
 */

interface Proc {
  pid: number;
  ppid: number;
  rssKb: number;
  args: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(entry), ppid, rssKb, args });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

function descendants(all: Proc[], root: number): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: Proc[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() ?? -1) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** MB resident in the extension process(es) of the browser this process launched; null off Linux. */
export function extensionProcessMb(): number | null {
  if (process.platform !== 'linux') return null;
  const ours = descendants(processes(), process.pid).filter((p) => p.args.includes('--extension-process'));
  return ours.length === 0 ? null : ours.reduce((n, p) => n + p.rssKb, 0) / 1024;
}

/** Samples a reading every `everyMs` until stopped; returns the peak seen. */
export function samplePeak(read: () => Promise<number | null> | number | null, everyMs = 200): { stop(): Promise<number | null> } {
  let peak: number | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const value = await Promise.resolve(read()).catch(() => null);
      if (value !== null && (peak === null || value > peak)) peak = value;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}
