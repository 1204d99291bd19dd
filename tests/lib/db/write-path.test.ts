import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as entry from '../../../lib/db/index';
import { onDataChange, readJournal, setJournaling, SHARED_TABLES, type CrmDatabase, type DataChange } from '../../../lib/db/index';
import type { CustomerDraft, OrderDraft } from '../../../lib/import/drafts';
import { buildBook } from '../../../lib/insights/dashboard/book';
import { DEFAULT_SETTINGS } from '../../../lib/insights/index';
import { DAY, freshDatabase, makeCustomer, makeInteraction, makeOrder, NOW } from './factories';

/**
 * The one write path (lib/db/changes.ts), held against every writer the database layer exports:
 * each scenario runs one writer on a seeded database and compares every table before and after.
 * Every row that changed must be named by the change signal and, with the journal on, every
 * row of a shared table by the journal. A new export must be listed here as a writer (with its
 * scenario) or a reader, so no writer is left unchecked.
 */

/** Exports that read, build, or are not functions of the database. */
const NOT_WRITERS = new Set([
  'conflictOf',
  'conflictsOfCustomer',
  'countJournal',
  'hasCustomers',
  'journalSeq',
  'loadTeamSettings',
  'pendingChanges',
  'readSynced',
  'syncDocStates',
  'tableKeys',
  'backupTableNames',
  'bookCounts',
  'holdsData',
  'IncompleteImportError',
  'installedSchema',
  'readOnlyReason',
  'setReadOnly',
  'choicesFor',
  'classificationChanged',
  'CompanyIndex',
  'customerLabels',
  'customerReminders',
  'CustomerIndex',
  'DbError',
  'dropJournal',
  'findCompanyByDomain',
  'findCustomersByEmails',
  'findDuplicates',
  'getCompany',
  'getCustomerCard',
  'getReminder',
  'isDatabaseEmpty',
  'isJournaling',
  'onDataChange',
  'openDatabase',
  'openReminders',
  'pendingReminders',
  'readHoldRows',
  'readAllHolds',
  'readDashboardBook',
  'readCustomerFacts',
  'readFactsInPages',
  'readHolds',
  'readJournal',
  'readMeta',
  'readFirstDataAt',
  'FIRST_DATA_KEY',
  'readPrefs',
  'readTablePage',
  'recentCustomers',
  'rowSchemaFor',
  'searchCustomers',
  'tableCounts',
  'tagOrigin',
  'toListRow',
]);

const draft = (i: number): CustomerDraft => ({
  key: `email:imp${i}@example.com`,
  emails: [`imp${i}@example.com`],
  name: `Imported ${i}`,
  phone: null,
  companyName: i === 0 ? 'Acme' : null,
  tags: [],
  birthday: null,
  note: i === 0 ? 'From the file' : null,
  source: 'shopify',
  externalId: null,
});
const orderDraft = (i: number, customer: number): OrderDraft => ({
  customerKey: `email:imp${customer}@example.com`,
  source: 'shopify',
  externalId: `x${i}`,
  number: `#${i}`,
  orderedAt: NOW - i * DAY,
  total: { currency: 'EUR', minor: 1_000 },
  status: null,
});

/** Customers a (of Acme, with orders, an interaction, a note, a reminder, a hold), b and c. */
async function seed(db: CrmDatabase): Promise<void> {
  await entry.bulkInsert(db, {
    customers: [makeCustomer({ id: 'a', companyId: 'acme', emails: ['a@acme.example'] }), makeCustomer({ id: 'b' }), makeCustomer({ id: 'c' })],
    companies: [{ id: 'acme', name: 'Acme', domains: ['acme.example'], createdAt: NOW, updatedAt: NOW, deletedAt: null }],
    orders: [makeOrder({ id: 'o1', customerId: 'a' }), makeOrder({ id: 'o2', customerId: 'b', source: 'shopify', externalId: 'x1' })],
    interactions: [makeInteraction({ id: 'i1', customerId: 'a' })],
    notes: [{ id: 'n1', customerId: 'a', companyId: null, body: 'Likes oak', pinned: false, createdAt: NOW, updatedAt: NOW, deletedAt: null }],
  });
  await entry.addReminder(db, { customerId: 'a', noteId: 'n1', title: 'Call back', dueAt: NOW + DAY }, NOW);
  await entry.putHold(db, { customerId: 'a', ruleId: 'keep-in-touch', factsKey: 'k', kind: 'snoozed', until: NOW - 1 }, NOW - 2);
}

interface Scenario {
  /** Work done before the tables are compared (staging an import). */
  prepare?(db: CrmDatabase): Promise<unknown>;
  run(db: CrmDatabase): Promise<unknown>;
}

const SCENARIOS: Record<string, Scenario> = {
  addInteraction: { run: (db) => entry.addInteraction(db, { customerId: 'a', kind: 'call', at: NOW }, NOW) },
  addOrder: { run: (db) => entry.addOrder(db, { customerId: 'c', orderedAt: NOW, total: { currency: 'EUR', minor: 500 }, source: 'shopify', externalId: 'new' }, NOW) },
  deleteOrder: { run: (db) => entry.deleteOrder(db, 'a', 'o1', NOW) },
  bulkInsert: {
    run: (db) =>
      entry.bulkInsert(db, { customers: [makeCustomer({ id: 'd' })], companies: [], orders: [makeOrder({ customerId: 'd' })], interactions: [], notes: [] }),
  },
  createCustomer: { run: (db) => entry.createCustomer(db, { name: 'Nina', email: 'nina@newco.example', companyName: 'Newco', phone: null, tags: [] }, NOW) },
  addNote: { run: (db) => entry.addNote(db, { customerId: 'b', body: 'Hello' }, NOW) },
  updateNote: { run: (db) => entry.updateNote(db, 'n1', { pinned: true }, NOW) },
  deleteNote: { run: (db) => entry.deleteNote(db, 'n1', NOW) },
  addQuickNote: { run: (db) => entry.addQuickNote(db, { customerId: 'a', body: 'On Acme #vip', onCompany: true, tags: ['vip'] }, NOW) },
  addReminder: { run: (db) => entry.addReminder(db, { customerId: 'b', title: 'Ask', dueAt: NOW + DAY }, NOW) },
  changeReminder: {
    run: async (db) => {
      const [reminder] = await entry.pendingReminders(db);
      return entry.changeReminder(db, reminder?.id ?? '', { kind: 'done' }, NOW);
    },
  },
  updateCustomer: { run: (db) => entry.updateCustomer(db, 'b', { name: 'Bea', companyName: 'Beaco' }, NOW) },
  deleteCustomers: { run: (db) => entry.deleteCustomers(db, ['a'], NOW) },
  undoDelete: {
    prepare: (db) => entry.deleteCustomers(db, ['a'], NOW),
    run: (db) => entry.undoDelete(db, { ids: ['a'], deletedAt: NOW }, NOW + 1),
  },
  mergeCustomers: { run: (db) => entry.mergeCustomers(db, 'b', ['a'], NOW) },
  createCompany: { run: (db) => entry.createCompany(db, { name: 'Globex', domains: ['globex.example'] }, NOW) },
  updateCompany: { run: (db) => entry.updateCompany(db, 'acme', { name: 'Acme Ltd' }, NOW) },
  stageChunk: { run: (db) => entry.stageChunk(db, 'imp', 0, { kind: 'drafts', customers: [draft(0)], orders: [] }) },
  beginRun: { run: (db) => entry.beginRun(db, 'imp', NOW) },
  stageRunChunk: {
    prepare: (db) => entry.beginRun(db, 'imp', NOW),
    run: (db) => entry.stageRunChunk(db, 'imp', 0, { kind: 'drafts', customers: [draft(0)], orders: [] }, NOW + 1),
  },
  discardImport: {
    prepare: (db) => entry.stageChunk(db, 'imp', 0, { kind: 'drafts', customers: [draft(0)], orders: [] }),
    run: (db) => entry.discardImport(db, 'imp'),
  },
  sweepStaging: {
    prepare: (db) => entry.stageChunk(db, 'old', 0, { kind: 'drafts', customers: [draft(0)], orders: [] }),
    run: (db) => entry.sweepStaging(db, NOW),
  },
  commitImport: {
    prepare: async (db) => {
      await entry.stageChunk(db, 'imp', 0, { kind: 'drafts', customers: [draft(0), draft(1)], orders: [orderDraft(2, 0)] });
      // The second chunk moves b's stored order x1 to an imported customer.
      await entry.stageChunk(db, 'imp', 1, { kind: 'drafts', customers: [draft(1)], orders: [orderDraft(1, 1)] });
    },
    run: (db) => entry.commitImport(db, 'imp', NOW),
  },
  commitRestore: {
    prepare: async (db) => {
      const later = { ...makeCustomer({ id: 'b', name: 'Restored' }), updatedAt: NOW + DAY };
      await entry.stageChunk(db, 'r', 0, { kind: 'records', table: 'customers', rows: [later] });
      await entry.stageChunk(db, 'r', 1, { kind: 'records', table: 'orders', rows: [{ ...makeOrder({ id: 'o9', customerId: 'c' }) }] });
    },
    run: (db) => entry.commitRestore(db, 'r', 'merge', NOW),
  },
  putHold: { run: (db) => entry.putHold(db, { customerId: 'b', ruleId: 'win-back', factsKey: 'f', kind: 'dismissed', until: null }, NOW) },
  purgeExpiredSnoozes: { run: (db) => entry.purgeExpiredSnoozes(db, NOW) },
  undoHold: {
    // A Done taken back: its hold goes and the interaction it logged is tombstoned.
    prepare: (db) => entry.putHold(db, { customerId: 'a', ruleId: 'ask-feedback', factsKey: 'f', kind: 'done', until: null, interactionId: 'i1' }, NOW),
    run: (db) => entry.undoHold(db, 'a', 'ask-feedback', 'f', NOW + 1),
  },
  writeClassifications: {
    run: (db) => entry.writeClassifications(db, [{ id: 'b', insights: { tier: 'A', tierOverridden: false, rfm: 'Champions', stage: 'active', computedAt: NOW } }]),
  },
  markFirstData: { run: (db) => entry.markFirstData(db, NOW) },
  writeDashboardBook: { run: (db) => entry.writeDashboardBook(db, buildBook([], new Map(), DEFAULT_SETTINGS, NOW)) },
  writeDerivedMeta: { run: (db) => entry.writeDerivedMeta(db, 'insights:agenda', { computedAt: NOW, entries: [] }) },
  setJournaling: { run: (db) => setJournaling(db, false) },
  // Team sync's side (./sync-store.ts): what comes from the team, in one 'remote' transaction.
  applyRemote: {
    run: async (db) => {
      const fields = (await entry.readSynced(db, 'customers', ['b'])).get('b');
      const outcome = await entry.applyRemote(
        db,
        { rows: [{ table: 'customers', key: 'b', fields: { ...fields, name: 'Bea from the team' } }], conflicts: [], docs: [{ id: 'doc-1', rev: '1-a' }] },
        await entry.journalSeq(db),
      );
      expect(outcome.applied).toBe(true);
    },
  },
  acknowledgeJournal: { run: async (db) => entry.acknowledgeJournal(db, await entry.journalSeq(db)) },
  resetSyncState: {
    prepare: (db) => entry.acknowledgeJournal(db, 1),
    run: (db) => entry.resetSyncState(db),
  },
  saveTeamSettings: { run: (db) => entry.saveTeamSettings(db, { url: 'http://127.0.0.1:5984' }, { password: 'p' }) },
  clearTeamSettings: {
    prepare: (db) => entry.saveTeamSettings(db, { url: 'http://127.0.0.1:5984' }, { password: 'p' }),
    run: (db) => entry.clearTeamSettings(db),
  },
  writePrefs: { run: (db) => entry.writePrefs(db, { settings: { cadenceDays: 30 }, ui: { collapsed: true } }) },
  adoptLegacyPrefs: { run: (db) => entry.adoptLegacyPrefs(db, async () => ({ settings: { cadenceDays: 7 } })) },
};

/** Every row of every table (the journal aside), by table and primary key, as JSON. */
async function rows(db: CrmDatabase): Promise<Map<string, Map<string, string>>> {
  const all = new Map<string, Map<string, string>>();
  for (const table of db.tables) {
    if (table.name === 'changeJournal') continue;
    const keyPath = table.schema.primKey.keyPath as string;
    all.set(table.name, new Map((await table.toArray()).map((row: Record<string, unknown>) => [String(row[keyPath]), JSON.stringify(row)])));
  }
  return all;
}

/** The keys whose rows differ between two snapshots (added, changed or removed), per table. */
function changedRows(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>): Map<string, Set<string>> {
  const changed = new Map<string, Set<string>>();
  for (const [table, rowsAfter] of after) {
    const rowsBefore = before.get(table) ?? new Map<string, string>();
    const keys = new Set([...rowsBefore.keys(), ...rowsAfter.keys()].filter((key) => rowsBefore.get(key) !== rowsAfter.get(key)));
    if (keys.size > 0) changed.set(table, keys);
  }
  return changed;
}

describe('the one write path', () => {
  let writers: string[] = [];
  beforeAll(() => {
    writers = Object.entries(entry)
      .filter(([name, value]) => typeof value === 'function' && !NOT_WRITERS.has(name))
      .map(([name]) => name);
  });

  it('has a scenario for every writer the database layer exports, and nothing else', () => {
    expect(writers.sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(`${name}: every row it writes is in the change signal and, for shared tables, in the journal`, async () => {
      const db = freshDatabase();
      await seed(db);
      await setJournaling(db, true);
      await scenario.prepare?.(db);
      const heard: DataChange[] = [];
      onDataChange(db, (change) => heard.push(change));
      const journalStart = (await readJournal(db, 0, 100_000)).at(-1)?.seq ?? 0;
      const before = await rows(db);
      await scenario.run(db);
      const changed = changedRows(before, await rows(db));
      expect(changed.size, 'the scenario writes something').toBeGreaterThan(0);

      const reported = new Map<string, Set<string>>();
      for (const change of heard) for (const [table, ids] of Object.entries(change.ids)) reported.set(table, new Set([...(reported.get(table) ?? []), ...ids]));
      const journaled = new Map<string, Set<string>>();
      for (const row of await readJournal(db, journalStart, 100_000)) journaled.set(row.table, new Set([...(journaled.get(row.table) ?? []), ...row.keys]));

      const derived = heard.length > 0 && heard.every((change) => change.origin === 'derived');
      for (const [table, keys] of changed) {
        const missing = [...keys].filter((key) => !reported.get(table)?.has(key));
        expect(missing, `${table} rows written without a change`).toEqual([]);
        // A derived write is each browser's own: it is never journaled.
        if (!SHARED_TABLES.has(table) || derived) continue;
        const unjournaled = [...keys].filter((key) => !journaled.get(table)?.has(key));
        expect(unjournaled, `${table} rows written without a journal row`).toEqual([]);
      }
      for (const table of journaled.keys()) expect(SHARED_TABLES.has(table), `${table} is journaled`).toBe(true);
      if (derived) expect(journaled.size, 'a derived write is not journaled').toBe(0);
      // Every customer whose own rows changed is named.
      const customers = new Set(heard.flatMap((change) => change.customerIds));
      for (const key of changed.get('customers') ?? []) expect(customers.has(key), `customer ${key}`).toBe(true);
      db.close();
    });
  }

  it('has no writer that goes around Dexie: raw IndexedDB is read, never written', () => {
    const root = join(__dirname, '../../../lib');
    const raw: string[] = [];
    const walk = (dir: string) => {
      for (const item of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, item.name);
        if (item.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(item.name)) {
          const text = readFileSync(path, 'utf8');
          if (/backendDB\(|\.idbdb\b|indexedDB\.open\(/.test(text)) raw.push(path.slice(root.length + 1));
          if (/backendDB\(/.test(text)) expect(text, path).not.toMatch(/transaction\([^)]*'readwrite'/);
        }
      }
    };
    walk(root);
    // insights.ts reads pages raw; safety.ts reads the version on disk.
    expect(raw.sort()).toEqual(['db/insights.ts', 'db/safety.ts']);
  });
});
