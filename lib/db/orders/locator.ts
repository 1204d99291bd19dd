import type { CrmDatabase } from '../schema';
import type { OrderBook } from './book';
import { keyPage, type KeyChange, type OrderKeyPage } from './key-pages';

/**
 * The key pages as one transaction sees and changes them. Use inside the caller's rw
 * transaction (it must include `orderKeyPages`); every method awaits Dexie, even with nothing
 * to read, so the transaction stays the caller's (dexie/Dexie.js#1186).
 */
export class OrderLocator {
  private readonly pages = new Map<string, Map<string, string>>();
  private readonly dirty = new Set<string>();
  /** Books this transaction has read (null: none), kept as written since through this locator. */
  private readonly bookCache = new Map<string, OrderBook | null>();

  constructor(private readonly db: CrmDatabase) {}

  private async load(keys: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const key of keys) {
      const page = keyPage(key);
      if (!this.pages.has(page)) wanted.add(page);
    }
    const names = [...wanted];
    const rows = await this.db.orderKeyPages.bulkGet(names);
    names.forEach((name, i) => {
      const row = rows[i];
      const owners = new Map<string, string>();
      if (row !== undefined) for (let k = 0; k < row.keys.length; k++) owners.set(row.keys[k] as string, row.owners[k] as string);
      this.pages.set(name, owners);
    });
  }

  private page(key: string): Map<string, string> {
    return this.pages.get(keyPage(key)) as Map<string, string>;
  }

  /** The customers whose books hold these keys: key → customer id; keys not stored are left out. */
  async owners(keys: readonly string[]): Promise<Map<string, string>> {
    await this.load(keys);
    const found = new Map<string, string>();
    for (const key of keys) {
      const owner = this.page(key).get(key);
      if (owner !== undefined) found.set(key, owner);
    }
    return found;
  }

  /**
   * Customers' books as this transaction has them, read once per transaction (a re-import finds
   * a customer's orders chunk after chunk); customers without one are left out.
   */
  async books(customerIds: readonly string[]): Promise<Map<string, OrderBook>> {
    const missing = [...new Set(customerIds)].filter((id) => !this.bookCache.has(id));
    const rows = await this.db.orderBooks.bulkGet(missing);
    missing.forEach((id, i) => this.bookCache.set(id, rows[i] ?? null));
    const found = new Map<string, OrderBook>();
    for (const id of customerIds) {
      const book = this.bookCache.get(id);
      if (book) found.set(id, book);
    }
    return found;
  }

  /** A book just written (null: removed), so a later `books` gives it as it is now. */
  wrote(customerId: string, book: OrderBook | null): void {
    if (this.bookCache.has(customerId)) this.bookCache.set(customerId, book);
  }

  /**
   * Records books' keys changing. A key a book no longer holds is removed only if that book
   * still owns it (an order that moved to another customer, in this call or an earlier one,
   * stays theirs); a key a book gains becomes that book's. Pages are read only for keys that
   * change.
   */
  async record(changes: readonly KeyChange[]): Promise<void> {
    const removed: [string, string][] = [];
    const added: [string, string][] = [];
    for (const { customerId, before, after } of changes) {
      const had = new Set(before);
      const has = new Set(after);
      for (const key of had) if (!has.has(key)) removed.push([key, customerId]);
      for (const key of has) if (!had.has(key)) added.push([key, customerId]);
    }
    await this.load([...removed, ...added].map(([key]) => key));
    // Two books may hold one key (an order re-added after its tombstoned twin): a key the owner
    // drops stays with another book of this call that still holds it.
    const holders = new Map<string, string>();
    for (const { customerId, after } of changes) for (const key of after) holders.set(key, customerId);
    for (const [key, customerId] of removed) {
      const page = this.page(key);
      if (page.get(key) !== customerId) continue;
      const other = holders.get(key);
      if (other !== undefined) page.set(key, other);
      else page.delete(key);
      this.dirty.add(keyPage(key));
    }
    for (const [key, customerId] of added) {
      this.page(key).set(key, customerId);
      this.dirty.add(keyPage(key));
    }
  }

  /** Writes every page changed since the last flush (an emptied page is removed). */
  async flush(): Promise<void> {
    const rows: OrderKeyPage[] = [];
    const empty: string[] = [];
    for (const name of this.dirty) {
      const owners = this.pages.get(name) as Map<string, string>;
      if (owners.size === 0) empty.push(name);
      else rows.push({ page: name, keys: [...owners.keys()], owners: [...owners.values()] });
    }
    this.dirty.clear();
    await this.db.orderKeyPages.bulkPut(rows);
    await this.db.orderKeyPages.bulkDelete(empty);
  }
}
