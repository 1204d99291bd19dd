import { z } from 'zod';
import type { CustomerFacts, Dismissal, Snooze, SuggestionState } from '../insights/index';
import { EpochMs, Id, type Customer, type CustomerInsights, type Interaction } from '../model/records';
import type { CrmDatabase } from './database';
import { guard } from './errors';
import { ordersOf } from './order-books';
import { expandOrderFacts, type OrderFactsRow } from './order-facts';
import { isLive } from './shared';

/**
 * The database side of relationship insights: reading every customer's facts for a full
 * recompute, one customer's for a single write, the cached classification on customers,
 * and the user's "not now" on suggestions (dismissals and snoozes).
 */

export const HOLD_KINDS = ['done', 'dismissed', 'snoozed'] as const;

/**
 * One held suggestion per customer and rule (a new hold replaces the old). `done` holds like a
 * dismissal: most rules' facts are orders, which logging an interaction does not change, so
 * without it a done suggestion would come straight back. All three end when the facts change.
 */
export const SuggestionHoldRow = z.object({
  /** `${ruleId}:${customerId}`: a string key, as backups expect (lib/db/backup.ts). */
  id: z.string().min(1).max(200),
  customerId: Id,
  ruleId: z.string().min(1).max(60),
  factsKey: z.string().min(1).max(500),
  kind: z.enum(HOLD_KINDS),
  until: EpochMs.nullable(),
  createdAt: EpochMs,
});
export type SuggestionHoldRow = z.infer<typeof SuggestionHoldRow>;

export function holdId(customerId: string, ruleId: string): string {
  return `${ruleId}:${customerId}`;
}

/**
 * Every live customer with their orders and interactions, for a full recompute. Orders come from
 * the compact per-customer order facts, already sorted as the engine wants them (date, then id):
 * at 100,000 customers that is 100,000 small rows instead of a million order records
 * (./order-facts.ts). Interactions are few; each customer's are sorted here (time, then id), so
 * the engine can use the arrays as they are (lib/insights/prepare.ts).
 */
export function readAllFacts(db: CrmDatabase): Promise<{ facts: CustomerFacts[]; orders: number }> {
  return guard(async () => {
    const [customers, orderFacts, interactions] = (await readWholeTables(db, ['customers', 'orderFacts', 'interactions'])) as [
      Customer[],
      OrderFactsRow[],
      Interaction[],
    ];
    const byId = new Map<string, CustomerFacts>();
    const facts: CustomerFacts[] = [];
    for (const customer of customers) {
      if (!isLive(customer)) continue;
      const entry: CustomerFacts = { customer, orders: [], interactions: [] };
      byId.set(customer.id, entry);
      facts.push(entry);
    }
    let orders = 0;
    for (const row of orderFacts) {
      const entry = byId.get(row.customerId);
      if (entry === undefined) continue;
      entry.orders = expandOrderFacts(row);
      orders += entry.orders.length;
    }
    for (const interaction of interactions) byId.get(interaction.customerId)?.interactions.push(interaction);
    for (const entry of facts) if (entry.interactions.length > 1) entry.interactions.sort((x, y) => x.at - y.at || byText(x.id, y.id));
    return { facts, orders };
  });
}

/**
 * Whole tables in one read-only IndexedDB transaction (one consistent snapshot), with the
 * browser's own `getAll`, all requests issued at once. Dexie's `toArray` took about half as long
 * again at 100,000 rows in Chromium (0.95 s against 0.62 s for the customers), which a full
 * recompute pays on every table; the rows are the stored records either way.
 */
async function readWholeTables(db: CrmDatabase, tables: readonly string[]): Promise<unknown[][]> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const tx = idb.transaction([...tables], 'readonly');
    const results: unknown[][] = [];
    tables.forEach((name, i) => {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => {
        results[i] = request.result as unknown[];
      };
    });
    tx.oncomplete = () => resolve(results);
    tx.onerror = () => reject(tx.error ?? new Error('Reading the tables failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('Reading the tables was aborted.'));
  });
}

function byText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One live customer's facts, or null. */
export function readCustomerFacts(db: CrmDatabase, customerId: string): Promise<CustomerFacts | null> {
  return guard(() =>
    db.transaction('r', [db.customers, db.orderBooks, db.interactions], async () => {
      const customer = await db.customers.get(customerId);
      if (!isLive(customer)) return null;
      const orders = await ordersOf(db, customerId);
      const interactions = await db.interactions.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).toArray();
      return { customer, orders, interactions };
    }),
  );
}

/** True when the classification differs (the time it was computed aside). */
export function classificationChanged(before: CustomerInsights | null, after: CustomerInsights): boolean {
  return (
    before === null ||
    before.tier !== after.tier ||
    before.tierOverridden !== after.tierOverridden ||
    before.rfm !== after.rfm ||
    before.stage !== after.stage
  );
}

/**
 * Writes cached classifications, a chunk per transaction so a full recompute never holds the
 * customers table for long. Only `insights` is changed: a customer edited meanwhile keeps the
 * edit, and `updatedAt` stays the user's (derived figures are not an edit).
 */
export async function writeClassifications(
  db: CrmDatabase,
  changes: readonly { id: string; insights: CustomerInsights }[],
  chunkSize = 2_000,
): Promise<void> {
  await guard(async () => {
    for (let i = 0; i < changes.length; i += chunkSize) {
      const chunk = changes.slice(i, i + chunkSize);
      await db.transaction('rw', db.customers, () =>
        db.customers.bulkUpdate(chunk.map(({ id, insights }) => ({ key: id, changes: { insights } }))),
      );
    }
  });
}

/** Holds as the engine takes them; snoozes that have run out are left out. */
export function toSuggestionState(rows: readonly SuggestionHoldRow[], now: number): SuggestionState {
  const dismissals: Dismissal[] = [];
  const snoozes: Snooze[] = [];
  for (const row of rows) {
    const hold = { customerId: row.customerId, ruleId: row.ruleId, factsKey: row.factsKey };
    if (row.kind === 'snoozed') {
      if (row.until !== null && row.until > now) snoozes.push({ ...hold, until: row.until });
    } else dismissals.push(row.until === null ? hold : { ...hold, until: row.until });
  }
  return { dismissals, snoozes };
}

export function readAllHolds(db: CrmDatabase, now: number): Promise<SuggestionState> {
  return guard(async () => toSuggestionState(await db.suggestionHolds.toArray(), now));
}

export function readHolds(db: CrmDatabase, customerId: string, now: number): Promise<SuggestionState> {
  return guard(async () => toSuggestionState(await db.suggestionHolds.where('customerId').equals(customerId).toArray(), now));
}

export function putHold(db: CrmDatabase, hold: Omit<SuggestionHoldRow, 'id' | 'createdAt'>, now: number): Promise<SuggestionHoldRow> {
  return guard(async () => {
    const row = SuggestionHoldRow.parse({ ...hold, id: holdId(hold.customerId, hold.ruleId), createdAt: now });
    await db.suggestionHolds.put(row);
    return row;
  });
}

/** Snoozes that have run out hold nothing any more. */
export function purgeExpiredSnoozes(db: CrmDatabase, now: number): Promise<number> {
  return guard(() =>
    db.suggestionHolds.filter((row) => row.kind === 'snoozed' && (row.until === null || row.until <= now)).delete(),
  );
}

export function readMeta(db: CrmDatabase, key: string): Promise<unknown> {
  return guard(async () => (await db.meta.get(key))?.value);
}

export function writeMeta(db: CrmDatabase, key: string, value: unknown): Promise<void> {
  return guard(async () => {
    await db.meta.put({ key, value });
  });
}

/** Names and first addresses of some customers (today's list, concentration). */
export function customerLabels(db: CrmDatabase, ids: readonly string[]): Promise<Map<string, Pick<Customer, 'name' | 'emails'>>> {
  return guard(async () => {
    const rows = await db.customers.bulkGet([...ids]);
    const labels = new Map<string, Pick<Customer, 'name' | 'emails'>>();
    for (const row of rows) if (isLive(row)) labels.set(row.id, { name: row.name, emails: row.emails });
    return labels;
  });
}
