import type { Worker } from 'playwright-core';
import { bundleForBrowser, NAME_SHIM } from './bundle';

/**
 * The background's lookup and recompute code (bench/probe-entry.ts) loaded into the extension's
 * service worker, beside the background itself, with its own connection to the same database.
 * Measuring there keeps message passing out of the lookup figure and runs on the same data.
 */

let code: string | null = null;

export async function ensureProbe(worker: Worker): Promise<void> {
  const loaded = await worker.evaluate(() => 'crmBench' in globalThis);
  if (loaded) return;
  await worker.evaluate(NAME_SHIM);
  code ??= bundleForBrowser('bench/probe-entry.ts', 'crmBench');
  await worker.evaluate(code);
}

/** Customer ids for addresses, read in the worker (a read: writes go through the protocol). */
export async function customerIds(worker: Worker, emails: readonly string[]): Promise<Map<string, string>> {
  await ensureProbe(worker);
  const pairs = await worker.evaluate(async (wanted) => {
    const bench = (globalThis as unknown as { crmBench: BenchGlobal }).crmBench;
    const db = (bench.db ??= bench.openDatabase());
    const found = await bench.findCustomersByEmails(db, wanted);
    return wanted.map((email): [string, string | null] => [email, found.get(email)?.id ?? null]);
  }, [...emails]);
  return new Map(pairs.filter((p): p is [string, string] => p[1] !== null));
}

/** What the probe bundle puts on the worker's global object (typed loosely: it crosses CDP). */
export interface BenchGlobal {
  db?: unknown;
  openDatabase(): unknown;
  findCustomersByEmails(db: unknown, emails: readonly string[]): Promise<Map<string, { id: string; companyId: string | null }>>;
  getCustomerCard(db: unknown, id: string): Promise<unknown>;
  bookOrders(book: unknown): { id: string; customerId: string }[];
  recomputeAll(facts: unknown[], settings: unknown, now: number): { customers: Map<string, unknown> };
  DEFAULT_SETTINGS: unknown;
}
