import Dexie from 'dexie';
import type { CustomerFacts, Dismissal, Snooze, SuggestionState } from '../insights/index';
import { Interaction, type Customer, type CustomerInsights } from '../model/records';
import { refreshStats, statsTables } from './activity';
import { tagOrigin } from './changes';
import type { CrmDatabase } from './schema';
import { holdId, SuggestionHoldRow } from './rows';
import { DbError, guard } from './errors';
import { ordersOf } from './orders/store';
import { expandOrderFacts, factsPrefix, mergeFacts, type OrderFactsPage, type OrderFactsRow } from './orders/fact-rows';
import { byText, isLive } from './shared';

/**
 * The database side of relationship insights: reading every customer's facts for a full
 * recompute, one customer's for a single write, the cached classification on customers,
 * and the user's "not now" on suggestions (dismissals and snoozes).
 */

/**
 * Every live customer with their orders and interactions, for a full recompute, in key (id)
 * order: readFactsInPages collected into one list.
 */
export async function readAllFacts(db: CrmDatabase): Promise<{ facts: CustomerFacts[]; orders: number }> {
  const facts: CustomerFacts[] = [];
  const { orders } = await readFactsInPages(db, (page) => {
    for (const entry of page) facts.push(entry);
  });
  return { facts, orders };
}

/**
 * Where readFactsInPages splits the key space: 16 contiguous ranges cut at the first hex digit,
 * so random uuids (lib/db/shared.ts newId) fall about evenly into them. Together they cover every
 * possible key exactly once, whatever the ids look like; ids of another shape only make the
 * pages uneven.
 */
export const PAGE_CUTS: readonly string[] = [...'123456789abcdef'];

/**
 * Every live customer with their orders and interactions, for a full recompute, handed to
 * `onPage` a page at a time in key (id) order. Orders come from the compact per-customer order
 * facts, already sorted as the engine wants them (date, then id): at 100,000 customers that is
 * 256 pages of compact rows instead of a million order records (./orders/fact-rows.ts). Interactions are
 * few; each customer's are sorted here (time, then id), so the engine can use the arrays as they
 * are (lib/insights/prepare.ts).
 *
 * One read-only IndexedDB transaction (one consistent snapshot) with the browser's own `getAll`
 * (Dexie's `toArray` took about half as long again at 100,000 rows in Chromium). Every request
 * is issued at once: the interactions, the customers range by range (`cuts`), the order facts
 * rows of their own range by range, then the pages of order facts holding each range's
 * customers (`pageRanges`), merged with those rows (./orders/fact-rows.ts mergeFacts). The database
 * reads the next range while `onPage` works on this one, which a recompute uses to do each
 * customer's own part (lib/insights/recompute.ts startRecompute) during the read instead of
 * after it. `onPage` runs synchronously inside the transaction; if it throws, the read is
 * aborted and the promise rejects with its error.
 */
export function readFactsInPages(
  db: CrmDatabase,
  onPage: (facts: CustomerFacts[]) => void,
  cuts: readonly string[] = PAGE_CUTS,
): Promise<{ customers: number; orders: number }> {
  return guard(async () => {
    if (!db.isOpen()) await db.open();
    const idb = db.backendDB();
    return new Promise((resolve, reject) => {
      const tx = idb.transaction(['customers', 'orderFactPages', 'orderFactRows', 'interactions'], 'readonly');
      let failure: unknown = null;
      let customers = 0;
      let orders = 0;
      let interactionsOf = new Map<string, Interaction[]>();
      const fail = (error: unknown) => {
        if (failure !== null) return;
        failure = error;
        try {
          tx.abort();
        } catch {
          // Already finished: the error is reported all the same.
        }
      };
      const interactionsRequest = tx.objectStore('interactions').getAll();
      interactionsRequest.onsuccess = () => {
        try {
          interactionsOf = byCustomer(interactionsRequest.result as Interaction[]);
        } catch (error) {
          fail(error);
        }
      };
      // Customers first, every range, then the order facts: the pages of facts are large
      // records Chromium keeps as files and loads before handing them over, so each range's
      // customers are turned into objects while those load. Requests of one transaction
      // complete in the order they were made: a range's customers are in when its facts are.
      const ranges = keyRanges(cuts, keyRangeOf(db));
      /** Requests every range of a table; `into[i]` gets range i's rows when they are in. */
      const collect = <T>(table: string, into: T[][]) =>
        ranges.forEach((range, i) => {
          const request = tx.objectStore(table).getAll(range);
          request.onsuccess = () => {
            if (failure !== null) return;
            try {
              into[i] = request.result as T[];
            } catch (error) {
              fail(error);
            }
          };
        });
      const customersOf: Customer[][] = [];
      const ownOf: OrderFactsRow[][] = [];
      collect('customers', customersOf);
      collect('orderFactRows', ownOf);
      pageRanges(cuts, keyRangeOf(db)).forEach((range, i) => {
        const request = tx.objectStore('orderFactPages').getAll(range);
        request.onsuccess = () => {
          if (failure !== null) return;
          try {
            const rows = mergeFacts((request.result as OrderFactsPage[]).flatMap((p) => p.rows), ownOf[i] ?? []);
            const page = joinPage(customersOf[i] ?? [], rows, interactionsOf);
            customersOf[i] = [];
            customers += page.facts.length;
            orders += page.orders;
            onPage(page.facts);
          } catch (error) {
            fail(error);
          }
        };
      });
      tx.oncomplete = () => (failure === null ? resolve({ customers, orders }) : reject(failure));
      tx.onerror = () => reject(failure ?? tx.error ?? new Error('Reading the tables failed.'));
      tx.onabort = () => reject(failure ?? tx.error ?? new Error('Reading the tables was aborted.'));
    });
  });
}

/**
 * Contiguous ranges between the cuts (ascending): below the first, between each two, from the
 * last; null (every key) without cuts.
 */
export function keyRanges(cuts: readonly string[], KeyRange: typeof IDBKeyRange): (IDBKeyRange | null)[] {
  if (cuts.length === 0) return [null];
  const ranges: (IDBKeyRange | null)[] = [KeyRange.upperBound(cuts[0] as string, true)];
  for (let i = 1; i < cuts.length; i++) ranges.push(KeyRange.bound(cuts[i - 1] as string, cuts[i] as string, false, true));
  ranges.push(KeyRange.lowerBound(cuts[cuts.length - 1] as string));
  return ranges;
}

/**
 * The ranges of order-facts pages holding the customers of each of `keyRanges(cuts)`: a page is
 * keyed by its customers' id prefix, so a range runs from the prefix of its lower cut to that of
 * its upper cut, both included. A page a cut falls inside is read by both ranges; each range
 * takes only its own customers' rows from it (joinPage).
 */
export function pageRanges(cuts: readonly string[], KeyRange: typeof IDBKeyRange): (IDBKeyRange | null)[] {
  const prefixes = cuts.map(factsPrefix);
  if (prefixes.length === 0) return [null];
  const ranges: (IDBKeyRange | null)[] = [KeyRange.upperBound(prefixes[0] as string)];
  for (let i = 1; i < prefixes.length; i++) ranges.push(KeyRange.bound(prefixes[i - 1] as string, prefixes[i] as string));
  ranges.push(KeyRange.lowerBound(prefixes[prefixes.length - 1] as string));
  return ranges;
}

/** The IDBKeyRange of the IndexedDB the database was opened with (tests pass a fake one). */
function keyRangeOf(db: CrmDatabase): typeof IDBKeyRange {
  return (db._options.IDBKeyRange as typeof IDBKeyRange | undefined) ?? Dexie.dependencies.IDBKeyRange;
}

/** Each customer's interactions, sorted by time, then id. */
function byCustomer(interactions: readonly Interaction[]): Map<string, Interaction[]> {
  const lists = new Map<string, Interaction[]>();
  for (const interaction of interactions) {
    const list = lists.get(interaction.customerId);
    if (list === undefined) lists.set(interaction.customerId, [interaction]);
    else list.push(interaction);
  }
  for (const list of lists.values()) if (list.length > 1) list.sort((x, y) => x.at - y.at || byText(x.id, y.id));
  return lists;
}

/**
 * One range's live customers with their orders and interactions. Both lists come in key order
 * (customer id; IndexedDB orders string keys by code unit, as `<` does), so they are merged
 * in one walk; order facts of customers deleted or missing are passed over.
 */
function joinPage(
  customers: readonly Customer[],
  rows: readonly OrderFactsRow[],
  interactionsOf: ReadonlyMap<string, Interaction[]>,
): { facts: CustomerFacts[]; orders: number } {
  const facts: CustomerFacts[] = [];
  let orders = 0;
  let r = 0;
  for (const customer of customers) {
    if (!isLive(customer)) continue;
    const id = customer.id;
    while (r < rows.length && (rows[r] as OrderFactsRow).customerId < id) r++;
    const row = rows[r];
    const entry: CustomerFacts = { customer, orders: [], interactions: interactionsOf.get(id) ?? [] };
    if (row !== undefined && row.customerId === id) {
      entry.orders = expandOrderFacts(row);
      orders += entry.orders.length;
      r++;
    }
    facts.push(entry);
  }
  return { facts, orders };
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
 * edit, and `updatedAt` stays the user's (derived figures are not an edit). The writes are
 * `derived` (./changes.ts): recomputed here from the facts, never sent to the team, and not a
 * change the insights need to hear about again.
 */
export async function writeClassifications(
  db: CrmDatabase,
  changes: readonly { id: string; insights: CustomerInsights }[],
  chunkSize = 2_000,
): Promise<void> {
  await guard(async () => {
    for (let i = 0; i < changes.length; i += chunkSize) {
      const chunk = changes.slice(i, i + chunkSize);
      await db.transaction('rw', db.customers, (tx) => {
        tagOrigin(tx, 'derived');
        return db.customers.bulkUpdate(chunk.map(({ id, insights }) => ({ key: id, changes: { insights } })));
      });
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

/** A customer's holds as stored (the card lists the snoozed and dismissed ones). */
export function readHoldRows(db: CrmDatabase, customerId: string): Promise<SuggestionHoldRow[]> {
  return guard(() => db.suggestionHolds.where('customerId').equals(customerId).toArray());
}

export function putHold(db: CrmDatabase, hold: Omit<SuggestionHoldRow, 'id' | 'createdAt'>, now: number): Promise<SuggestionHoldRow> {
  return guard(async () => {
    const row = SuggestionHoldRow.parse({ ...hold, id: holdId(hold.customerId, hold.ruleId), createdAt: now });
    await db.suggestionHolds.put(row);
    return row;
  });
}

/**
 * Takes back a Done, Snooze or Dismiss: the hold goes, and what a Done logged is tombstoned
 * (the customer's figures follow), in one transaction. Only the hold on these very facts is
 * taken back; anything else is "nothing to undo".
 */
export function undoHold(db: CrmDatabase, customerId: string, ruleId: string, factsKey: string, now: number): Promise<SuggestionHoldRow> {
  return guard(() =>
    db.transaction('rw', [db.suggestionHolds, ...statsTables(db)], async () => {
      const hold = await db.suggestionHolds.get(holdId(customerId, ruleId));
      if (!hold || hold.factsKey !== factsKey) throw new DbError('not_found', 'There is nothing to undo for this suggestion any more.');
      if (hold.interactionId) {
        const logged = await db.interactions.get(hold.interactionId);
        if (logged && logged.customerId === customerId && isLive(logged)) {
          await db.interactions.put(Interaction.parse({ ...logged, deletedAt: now, updatedAt: now }));
          await refreshStats(db, customerId, now);
        }
      }
      await db.suggestionHolds.delete(hold.id);
      return hold;
    }),
  );
}

/** Snoozes that have run out hold nothing any more (each browser clears its own: `derived`). */
export function purgeExpiredSnoozes(db: CrmDatabase, now: number): Promise<number> {
  return guard(() =>
    db.transaction('rw', db.suggestionHolds, (tx) => {
      tagOrigin(tx, 'derived');
      return db.suggestionHolds.filter((row) => row.kind === 'snoozed' && (row.until === null || row.until <= now)).delete();
    }),
  );
}

export function readMeta(db: CrmDatabase, key: string): Promise<unknown> {
  return guard(async () => (await db.meta.get(key))?.value);
}

/** Writes a meta row of derived state (the insights' context and today's list): a `derived` change. */
export function writeDerivedMeta(db: CrmDatabase, key: string, value: unknown): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.meta, async (tx) => {
      tagOrigin(tx, 'derived');
      await db.meta.put({ key, value });
    }),
  );
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
