// `npx tsx bench/engine.ts [--size=1k|10k|100k] [--runs=N] [--check-only | --time-only]
// [--compare=DIR]`: the pure insights engine (`recomputeAll`, lib/insights) alone, in Node,
// on the bench's business built in memory. Prints fingerprints of the full output (every customer's insight plus the
// business-wide parts) on that business and on the unit tests' generated book (refunds, other
// currencies, interactions, birthdays, difficult customers, with and without holds), then the
// median time of N runs after a warm-up. A change to the engine must leave the fingerprints
// as they are; at 100k they are:
//   fingerprint bench 100k: c72d7ac9cc8106cd3ae216e2ae474faf88e7fdd014d922f7f42031f82c0b110f
//   fingerprint book: 518a03ecc621ad0fc751161603b091111235dd68385c3a5b35cdb4129cb14f72
//   fingerprint book with holds: 4ca7e9964cbbbadbced21a0a7bb5603509876f5738bab3f5b58f5f2e63e27573
// Node's V8 is close to the one in Chromium's service worker, where the background runs it.
// --compare=DIR times the engine of another checkout of the project (DIR with its own
// node_modules, e.g. made with `git worktree add`) in turns with this one on the same rows,
// and checks that it gives the same output.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, NO_HOLDS, recomputeAll, type CustomerFacts, type Insights, type SuggestionState } from '../lib/insights/index';
import { INTERACTION_KINDS, customerDefaults, type Customer, type Interaction, type Order } from '../lib/model/records';
import { createRandom } from '../lib/sample/random';
import { generateBook } from '../tests/lib/insights/generate';
import { NOW as BOOK_NOW } from '../tests/lib/insights/factories';
import { SEED, SIZES, type SizeName } from './generate';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = (option('size') ?? '100k') as SizeName;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const runs = Number(option('runs') ?? 7);
const checkOnly = process.argv.includes('--check-only');
const timeOnly = process.argv.includes('--time-only');
const compare = option('compare');

const DAY = 86_400_000;
export const DATA_NOW = Date.UTC(2026, 10, 1);

/**
 * The business of bench/generate.ts, as the import leaves it in the database and the
 * background reads it back (lib/db/insights.ts `readAllFacts`): the same seeded draws in the
 * same order (so the same customers, order dates and totals), minus the CSV. Dates go through
 * the export's whole seconds, orders are `paid` in EUR, ids are uuid-shaped from a second
 * stream (the database's ids are random uuids). Interactions are the ones the bench logs
 * after the import.
 */
export function benchBusiness(count: number): CustomerFacts[] {
  const random = createRandom(SEED);
  const ids = createRandom(SEED + 1);
  const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Kira', 'Lukas', 'Mia', 'Noah', 'Olga', 'Paul', 'Rosa', 'Simon', 'Tara', 'Uwe'];
  const LAST = ['Berger', 'Claussen', 'Dietrich', 'Engel', 'Fischer', 'Graf', 'Hansen', 'Iversen', 'Jung', 'Krause', 'Lorenz', 'Meyer', 'Nowak', 'Otto', 'Peters', 'Richter', 'Schulz', 'Thiel', 'Vogel', 'Wolff'];
  const FREE_MAIL = ['gmail.com', 'gmx.de', 'web.de', 'outlook.com', 't-online.de'];
  const PRODUCTS = ['Oak side table', 'Linen cushion', 'Bistro chair', 'Bread basket', 'Ceramic vase', 'Wool throw', 'Floor lamp', 'Walnut shelf'];
  const companies = Array.from({ length: Math.max(20, Math.round(count / 20)) }, (_, i) => `firma${i}.example`);
  const interactionEvery = Math.max(10, Math.floor(count / 1000));
  const wholeSecond = (t: number) => Math.floor(t / 1000) * 1000;
  const customers: Customer[] = [];
  const orders: Order[] = [];
  const interactions: Interaction[] = [];
  let orderNumber = 0;
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const company = random.next() < 0.3 ? random.pick(companies) : null;
    // The generator's first two customers are fixed people: their address draws nothing.
    const fixed = i < 2;
    const name = `${first} ${last}`;
    const email = fixed ? `known.${i}@example.com` : `${first}.${last}.${i}@${company ?? random.pick(FREE_MAIL)}`.toLowerCase();
    const customer: Customer = { ...customerDefaults(), id: ids.uuid(), name, emails: [email], source: 'shopify', createdAt: DATA_NOW, updatedAt: DATA_NOW };
    customers.push(customer);
    const n = fixed ? 12 : random.int(5, 15);
    let at = DATA_NOW - random.int(400, 1095) * DAY;
    for (let k = 0; k < n; k++) {
      at = Math.min(DATA_NOW - DAY, at + random.int(10, 90) * DAY + random.int(0, DAY - 1));
      const total = random.int(15, 600) * 100 + random.int(0, 99);
      orderNumber += 1;
      random.pick(PRODUCTS);
      orders.push({
        id: ids.uuid(), createdAt: DATA_NOW, updatedAt: DATA_NOW, deletedAt: null, customerId: customer.id, orderedAt: wholeSecond(at),
        total: { currency: 'EUR', minor: total }, number: `#${1000 + orderNumber}`, source: 'shopify', externalId: String(6_800_000_000_000 + orderNumber), status: 'paid',
      });
    }
    if (fixed || i % interactionEvery === 0) {
      for (let k = random.int(1, 2); k > 0; k--) {
        const kind = random.pick(INTERACTION_KINDS);
        const when = DATA_NOW - random.int(1, 300) * DAY;
        interactions.push({ id: ids.uuid(), createdAt: when, updatedAt: when, deletedAt: null, customerId: customer.id, kind, at: when, summary: `Talked about the next order (${i}).` });
      }
    }
  }
  return asReadFromDatabase(customers, orders, interactions);
}

/**
 * What readAllFacts hands the engine: each table read whole in primary-key (id) order as
 * fresh copies (IndexedDB clones what it reads; structuredClone does the same here, so each
 * customer's orders lie scattered over the heap as they do in the background), grouped by
 * customer, each customer's rows sorted by time, then id.
 */
function asReadFromDatabase(customers: Customer[], orders: Order[], interactions: Interaction[]): CustomerFacts[] {
  const byId = (x: { id: string }, y: { id: string }) => byText(x.id, y.id);
  const tables = structuredClone({ customers: customers.sort(byId), orders: orders.sort(byId), interactions: interactions.sort(byId) });
  const facts = new Map<string, CustomerFacts>();
  for (const customer of tables.customers) facts.set(customer.id, { customer, orders: [], interactions: [] });
  for (const order of tables.orders) facts.get(order.customerId)?.orders.push(order);
  for (const interaction of tables.interactions) facts.get(interaction.customerId)?.interactions.push(interaction);
  for (const entry of facts.values()) {
    entry.orders.sort((x, y) => x.orderedAt - y.orderedAt || byText(x.id, y.id));
    entry.interactions.sort((x, y) => x.at - y.at || byText(x.id, y.id));
  }
  return [...facts.values()];
}

function byText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * SHA-256 of a stable JSON of the whole output, customer by customer in output order. Stricter
 * than equal values: key order counts too (the results are stored and compared as JSON), and
 * -0, NaN, Infinity and undefined fields are spelled out instead of collapsing in JSON.
 */
function fingerprint(insights: Insights): string {
  const hash = createHash('sha256');
  const replacer = (_key: string, value: unknown) => {
    if (typeof value === 'number' && (Object.is(value, -0) || !Number.isFinite(value))) return `<number ${Object.is(value, -0) ? '-0' : String(value)}>`;
    if (value === undefined) return '<undefined>';
    return value;
  };
  for (const [id, insight] of insights.customers) hash.update(JSON.stringify([id, insight], replacer)).update('\n');
  hash.update(JSON.stringify({ concentration: insights.concentration, businessMedianIntervalDays: insights.businessMedianIntervalDays }, replacer));
  return hash.digest('hex');
}

/** Holds on some of the book's suggestions (dismissed, snoozed, and some already over). */
function someHolds(insights: Insights, now: number): SuggestionState {
  const dismissals: SuggestionState['dismissals'][number][] = [];
  const snoozes: SuggestionState['snoozes'][number][] = [];
  let i = 0;
  for (const insight of insights.customers.values()) {
    for (const s of insight.suggestions) {
      i++;
      const hold = { customerId: s.customerId, ruleId: s.ruleId, factsKey: s.factsKey };
      if (i % 7 === 0) dismissals.push(hold);
      else if (i % 11 === 0) dismissals.push({ ...hold, until: i % 2 ? now + DAY : now - DAY });
      else if (i % 13 === 0) snoozes.push({ ...hold, until: i % 2 ? now + DAY : now - DAY });
      else if (i % 17 === 0) dismissals.push({ ...hold, factsKey: `${s.factsKey}|stale` });
    }
  }
  return { dismissals, snoozes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

// Run as a script (not when another bench script imports benchBusiness).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  const facts = benchBusiness(SIZES[size]);
  const orders = facts.reduce((n, f) => n + f.orders.length, 0);
  const logged = facts.reduce((n, f) => n + f.interactions.length, 0);
  console.log(`bench data ${size}: ${facts.length.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders, ${logged.toLocaleString('en')} interactions (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  if (!timeOnly) {
    // The bench business, then the test book with a mix of holds on it.
    console.log(`fingerprint bench ${size}: ${fingerprint(recomputeAll(facts, DEFAULT_SETTINGS, DATA_NOW, NO_HOLDS))}`);
    const book = generateBook(20_000, 150_000, 7);
    const bookInsights = recomputeAll(book, DEFAULT_SETTINGS, BOOK_NOW, NO_HOLDS);
    console.log(`fingerprint book: ${fingerprint(bookInsights)}`);
    console.log(`fingerprint book with holds: ${fingerprint(recomputeAll(book, DEFAULT_SETTINGS, BOOK_NOW, someHolds(bookInsights, BOOK_NOW)))}`);
  }

  if (!checkOnly) {
    // With --compare, the other checkout's engine runs on the same rows, in turns with this one,
    // so both see the same load on a busy machine; its output must have the same fingerprint.
    const engines: { label: string; recompute: typeof recomputeAll }[] = [{ label: 'this checkout', recompute: recomputeAll }];
    if (compare) {
      const other = (await import(pathToFileURL(resolve(compare, 'lib/insights/index.ts')).href)) as { recomputeAll: typeof recomputeAll };
      engines.push({ label: compare, recompute: other.recomputeAll });
      const same = fingerprint(other.recomputeAll(facts, DEFAULT_SETTINGS, DATA_NOW, NO_HOLDS)) === fingerprint(recomputeAll(facts, DEFAULT_SETTINGS, DATA_NOW, NO_HOLDS));
      console.log(`fingerprint of ${compare} on the bench data: ${same ? 'the same' : 'DIFFERENT'}`);
    }
    const times = engines.map(() => [] as number[]);
    const cpu = engines.map(() => [] as number[]);
    for (let i = 0; i <= runs; i++) {
      engines.forEach((engine, e) => {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        engine.recompute(facts, DEFAULT_SETTINGS, DATA_NOW, NO_HOLDS);
        const ms = performance.now() - start;
        const used = process.cpuUsage(cpuStart);
        // The first run warms up.
        if (i > 0) {
          times[e]?.push(ms);
          cpu[e]?.push((used.user + used.system) / 1000);
        }
      });
    }
    engines.forEach((engine, e) => {
      const wall = times[e] ?? [];
      const used = cpu[e] ?? [];
      console.log(`recomputeAll ${size} (${engine.label}): median ${median(wall).toFixed(0)} ms over ${wall.length} runs (min ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)})`);
      // On a busy machine the wall time waits for other work; the CPU time (every thread of
      // this process, so the garbage collector's helpers too) does not.
      console.log(`  CPU time: median ${median(used).toFixed(0)} ms (min ${Math.min(...used).toFixed(0)})`);
    });
  }
}
