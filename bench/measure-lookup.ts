import type { ExtensionSession } from '../scripts/browser';
import { sendFromPage } from '../scripts/browser';
import { round, summarize, type Figure } from './figures';
import type { BenchData } from './generate';
import { customerIds, ensureProbe, type BenchGlobal } from './worker-probe';

/**
 * Figure 3: email → card data in the background service worker. Per address, interleaved so both
 * see the same cache state:
 * - the handler path: `findCustomersByEmails` (the multi-entry `emails` index, as
 *   `sidebar.context` does) then `getCustomerCard` (as `customer.card` does), both from lib/db;
 * - raw IndexedDB on the same data: the `emails` index `get`, then the same rows the card reads
 *   (company, the customer's order book, interactions by their compound index, notes), in one
 *   transaction;
 * - a raw `emails` index `get` alone.
 * The budget's ratio is handler ÷ raw on the same data; the ratio to the single `get` is printed
 * beside it. The round trip of `customer.card` from an extension page is measured too (info).
 */

interface Timings {
  handler: number[];
  rawSame: number[];
  rawGet: number[];
  orders: number;
}

export async function measureLookup(session: ExtensionSession, data: BenchData, rounds = 4): Promise<Figure[]> {
  await ensureProbe(session.worker);
  const t = await session.worker.evaluate(
    async ({ probes, rounds }) => {
      const bench = (globalThis as unknown as { crmBench: BenchGlobal }).crmBench;
      const db = (bench.db ??= bench.openDatabase());
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('crm');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const req = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const rawGet = (email: string) => req(raw.transaction('customers').objectStore('customers').index('emails').get(email));
      const rawSame = async (email: string) => {
        const tx = raw.transaction(['customers', 'companies', 'orderBooks', 'interactions', 'notes']);
        const customer = (await req(tx.objectStore('customers').index('emails').get(email))) as { id: string; companyId: string | null } | undefined;
        if (!customer) return 0;
        const range = IDBKeyRange.bound([customer.id, -Infinity], [customer.id, Infinity]);
        const [, book] = await Promise.all([
          customer.companyId === null ? null : req(tx.objectStore('companies').get(customer.companyId)),
          req(tx.objectStore('orderBooks').get(customer.id) as IDBRequest<{ ids: unknown[] } | undefined>),
          req(tx.objectStore('interactions').index('[customerId+at]').getAll(range)),
          req(tx.objectStore('notes').index('customerId').getAll(customer.id)),
          customer.companyId === null ? [] : req(tx.objectStore('notes').index('companyId').getAll(customer.companyId)),
        ]);
        return book?.ids.length ?? 0;
      };
      const handler = async (email: string) => {
        const found = await bench.findCustomersByEmails(db, [email]);
        const customer = found.get(email);
        if (!customer) return 0;
        const card = (await bench.getCustomerCard(db, customer.id)) as { orders: unknown[] } | null;
        return card?.orders.length ?? 0;
      };
      const out: Timings = { handler: [], rawSame: [], rawGet: [], orders: 0 };
      const time = async (work: () => Promise<unknown>, into: number[] | null) => {
        const t0 = performance.now();
        await work();
        into?.push(performance.now() - t0);
      };
      // Round 0 warms the connection and code; it is not counted.
      for (let r = 0; r <= rounds; r++) {
        for (const [i, email] of probes.entries()) {
          const steps: [() => Promise<unknown>, number[]][] = [
            [() => handler(email), out.handler],
            [() => rawSame(email), out.rawSame],
            [() => rawGet(email), out.rawGet],
          ];
          // Alternate the order so no variant always runs first on a cold row.
          if ((i + r) % 2 === 1) steps.reverse();
          for (const [work, into] of steps) await time(work, r === 0 ? null : into);
        }
      }
      out.orders = await handler(probes[0] ?? '');
      raw.close();
      return out;
    },
    { probes: data.probes, rounds },
  );
  if (t.orders === 0) throw new Error('The lookup found no orders for the first probe: the data did not load.');

  // The same card through the protocol from an extension page (the sidebar's way), for scale.
  const ids = [...(await customerIds(session.worker, data.probes.slice(0, 50))).values()];
  const page = await session.extensionPage('/settings.html');
  const trips: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (const id of ids) {
      const t0 = performance.now();
      const reply = (await sendFromPage(page, 'customer.card', { customerId: id })) as { ok: boolean };
      if (r > 0) trips.push(performance.now() - t0);
      if (!reply.ok) throw new Error(`customer.card failed: ${JSON.stringify(reply)}`);
    }
  }
  await page.close();

  const handler = summarize(t.handler);
  const rawSame = summarize(t.rawSame);
  const rawGet = summarize(t.rawGet);
  const trip = summarize(trips);
  const n = `${handler.n} lookups of ${data.probes.length} addresses`;
  return [
    {
      group: 3,
      name: 'email → card data in the background (lib/db handler path), p95',
      value: round(handler.p95, 2),
      unit: 'ms',
      budget: 10,
      detail: `median ${round(handler.median, 2)} ms; ${n}`,
    },
    {
      group: 3,
      name: 'handler ÷ raw IndexedDB on the same data, p95 ratio',
      value: round(handler.p95 / rawSame.p95, 2),
      unit: 'x',
      budget: 3,
      detail: `raw same data: median ${round(rawSame.median, 2)} ms, p95 ${round(rawSame.p95, 2)} ms; median ratio ${round(handler.median / rawSame.median, 2)}x`,
    },
    {
      group: 3,
      name: 'handler ÷ one raw `emails` index get, p95 ratio',
      value: round(handler.p95 / rawGet.p95, 2),
      unit: 'x',
      budget: null,
      detail: `raw get: median ${round(rawGet.median, 2)} ms, p95 ${round(rawGet.p95, 2)} ms (the card makes 6 reads: 4 through indexes, the company and the order book by key; the get 1)`,
    },
    {
      group: 3,
      name: '`customer.card` round trip from an extension page, p95',
      value: round(trip.p95, 2),
      unit: 'ms',
      budget: null,
      detail: `median ${round(trip.median, 2)} ms; ${trip.n} messages (sendMessage, zod both ways, JSON)`,
    },
  ];
}
