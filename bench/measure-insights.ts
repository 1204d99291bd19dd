import type { ExtensionSession } from '../scripts/browser';
import { round, summarize, type Figure } from './figures';
import type { BenchData } from './generate';
import { ensureProbe, type BenchGlobal } from './worker-probe';

/**
 * Figure 6: a full insights recompute (lib/insights `recomputeAll`: figures, tiers, RFM, stages,
 * suggestions for every customer) in the background service worker, over every customer, order
 * and interaction read from the extension's database. Reading and computing are timed apart;
 * the budget is on the computation, the read is printed beside it.
 */
export async function measureInsights(session: ExtensionSession, data: BenchData, runs: number): Promise<Figure[]> {
  await ensureProbe(session.worker);
  const t = await session.worker.evaluate(
    async ({ now, runs }) => {
      const bench = (globalThis as unknown as { crmBench: BenchGlobal }).crmBench;
      type Row = { id: string; customerId: string };
      type Table = { toArray(): Promise<Row[]> };
      const db = (bench.db ??= bench.openDatabase()) as { customers: Table; orders: Table; interactions: Table };
      const t0 = performance.now();
      const customers = await db.customers.toArray();
      const orders = await db.orders.toArray();
      const interactions = await db.interactions.toArray();
      const facts = new Map(customers.map((customer) => [customer.id, { customer, orders: [] as Row[], interactions: [] as Row[] }]));
      for (const order of orders) facts.get(order.customerId)?.orders.push(order);
      for (const interaction of interactions) facts.get(interaction.customerId)?.interactions.push(interaction);
      const all = [...facts.values()];
      const readMs = performance.now() - t0;
      const computeMs: number[] = [];
      let count = 0;
      for (let i = 0; i < runs; i++) {
        const t1 = performance.now();
        count = bench.recomputeAll(all, bench.DEFAULT_SETTINGS, now).customers.size;
        computeMs.push(performance.now() - t1);
      }
      return { readMs, computeMs, customers: count, orders: orders.length };
    },
    { now: data.now, runs },
  );
  const s = summarize(t.computeMs);
  return [
    {
      group: 6,
      name: `full insights recompute, ${t.customers.toLocaleString('en')} customers / ${t.orders.toLocaleString('en')} orders, median`,
      value: round(s.median / 1000, 2),
      unit: 's',
      budget: 3,
      detail: `p95 ${round(s.p95 / 1000, 2)} s over ${s.n} runs (budget set for 100k customers); reading every row first: ${round(t.readMs / 1000, 2)} s`,
    },
  ];
}
