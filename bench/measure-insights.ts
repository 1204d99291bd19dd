import type { ExtensionSession } from '../scripts/browser';
import { sendFromPage } from '../scripts/browser';
import { round, summarize, type Figure } from './figures';
import type { BenchData } from './generate';
import { ensureProbe, type BenchGlobal } from './worker-probe';

/**
 * Figure 6: a full insights recompute at the background's own `insights.recompute` message
 * (read every customer, order and interaction; figures, tiers, RFM, stages and suggestions for
 * all; write the classifications that changed; store the business context and today's list).
 * The first run after the import writes every customer's classification; the figure is the
 * median of the runs after it, with the first beside it. For scale, `recomputeAll` alone (the
 * pure computation, lib/insights) is also timed in the service worker on the same rows.
 */

interface RecomputeReply {
  ok: boolean;
  data?: { customers: number; orders: number; changed: number; ms: number; phases?: { readMs: number; computeMs: number; writeMs: number } };
}

export async function measureInsights(session: ExtensionSession, data: BenchData, runs: number): Promise<Figure[]> {
  const page = await session.extensionPage('/settings.html');
  const wall: number[] = [];
  const inHandler: number[] = [];
  const phases = { readMs: [] as number[], computeMs: [] as number[], writeMs: [] as number[] };
  let first = '';
  let customers = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const reply = (await sendFromPage(page, 'insights.recompute', {})) as RecomputeReply;
    const ms = performance.now() - t0;
    if (!reply.ok || !reply.data) throw new Error(`insights.recompute failed: ${JSON.stringify(reply)}`);
    customers = reply.data.customers;
    if (i === 0) first = `first run after the import ${round(ms / 1000, 2)} s (${reply.data.changed.toLocaleString('en')} classifications written)`;
    else {
      wall.push(ms);
      inHandler.push(reply.data.ms);
      if (reply.data.phases) for (const key of ['readMs', 'computeMs', 'writeMs'] as const) phases[key].push(reply.data.phases[key]);
    }
  }
  await page.close();
  const compute = await pureCompute(session, data);
  const s = summarize(wall);
  return [
    {
      group: 6,
      name: `full insights recompute (insights.recompute), ${customers.toLocaleString('en')} customers, median`,
      value: round(s.median / 1000, 2),
      unit: 's',
      budget: 3,
      detail: `p95 ${round(s.p95 / 1000, 2)} s over ${s.n} runs, ${round(summarize(inHandler).median / 1000, 2)} s inside the background (read ${phaseText(phases.readMs)}, compute ${phaseText(phases.computeMs)}, write ${phaseText(phases.writeMs)}); ${first}; recomputeAll alone ${round(compute / 1000, 2)} s`,
    },
  ];
}

function phaseText(ms: readonly number[]): string {
  return ms.length === 0 ? '?' : `${round(summarize(ms).median / 1000, 2)} s`;
}

/** `recomputeAll` over every row, timed alone in the service worker (read first, untimed). */
async function pureCompute(session: ExtensionSession, data: BenchData): Promise<number> {
  await ensureProbe(session.worker);
  return session.worker.evaluate(async (now) => {
    const bench = (globalThis as unknown as { crmBench: BenchGlobal }).crmBench;
    type Row = { id: string; customerId: string };
    type Table<T = Row> = { toArray(): Promise<T[]> };
    const db = (bench.db ??= bench.openDatabase()) as { customers: Table; orderBooks: Table<{ customerId: string }>; interactions: Table };
    const facts = new Map((await db.customers.toArray()).map((customer) => [customer.id, { customer, orders: [] as Row[], interactions: [] as Row[] }]));
    for (const book of await db.orderBooks.toArray()) facts.get(book.customerId)?.orders.push(...bench.bookOrders(book));
    for (const interaction of await db.interactions.toArray()) facts.get(interaction.customerId)?.interactions.push(interaction);
    const t0 = performance.now();
    bench.recomputeAll([...facts.values()], bench.DEFAULT_SETTINGS, now);
    return performance.now() - t0;
  }, data.now);
}
