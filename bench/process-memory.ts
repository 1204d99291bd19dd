import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

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

/**
 * JS heap in use of another target (a worker), through the page's CDP session: attach without
 * flattening, then talk to it with Target.sendMessageToTarget (Playwright sessions are per page).
 */
export function targetHeaps(cdp: CDPSession) {
  const sessions = new Map<string, string>();
  const pending = new Map<number, (used: number) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result?.usedSize ?? 0);
    if (reply.id !== undefined) pending.delete(reply.id);
  });
  /** Used heap bytes of every target of `type` whose URL contains `url`, summed. */
  return async (type: string, url: string): Promise<number> => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    let total = 0;
    for (const target of targetInfos.filter((t) => t.type === type && t.url.includes(url))) {
      let sessionId = sessions.get(target.targetId);
      if (sessionId === undefined) {
        sessionId = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })).sessionId;
        sessions.set(target.targetId, sessionId);
      }
      const id = nextId++;
      const used = new Promise<number>((resolve) => pending.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
      total += await Promise.race([used, new Promise<number>((resolve) => setTimeout(() => resolve(0), 2000))]);
    }
    return total;
  };
}
