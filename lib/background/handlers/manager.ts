import {
  backupTableNames,
  beginRun,
  commitImport,
  commitRestore,
  CompanyIndex,
  createCompany,
  CustomerIndex,
  deleteCustomers,
  discardImport,
  findDuplicates,
  getCompany,
  getCustomerCard,
  IncompleteImportError,
  LAST_IMPORT_KEY,
  mergeCustomers,
  readFirstDataAt,
  readTablePage,
  rowSchemaFor,
  stageRunChunk,
  sweepStaging,
  tableCounts,
  toListRow,
  undoDelete,
  updateCompany,
  updateCustomer,
} from '../../db/index';
import { withConflicts } from './team';
import { Mapping } from '../../import/formats/generic';
import type { MANAGER_MESSAGES } from '../../messaging/messages/manager';
import { ProtocolError } from '../../messaging/router';
import { withDb, type BackgroundDeps, type HandlersFor } from './types';

export const LAST_BACKUP_KEY = 'backup:last';
/**
 * How long a full insights recompute waits after an import begins or stages a chunk, at most
 * during its commit, and after it: it would compete with the import for the database, and
 * another file often follows the first (customers, then orders). A stalled import leaves it
 * waiting no longer than this.
 */
const IMPORT_QUIET_MS = 30_000;
const COMMIT_QUIET_MS = 10 * 60_000;
const AFTER_IMPORT_MS = 10_000;
const MAPPING_PREFIX = 'import:mapping:';

export function managerHandlers(deps: BackgroundDeps): HandlersFor<typeof MANAGER_MESSAGES> {
  const { db } = deps;
  const index = new CustomerIndex(db);
  const companyIndex = new CompanyIndex(db);

  /** Runs a commit; one refused as incomplete also removes the import's staging. */
  async function whole<T>(importId: string, commit: () => Promise<T>): Promise<T> {
    try {
      return await commit();
    } catch (error) {
      if (error instanceof IncompleteImportError) await discardImport(db, importId).catch(() => undefined);
      throw error;
    }
  }

  async function metaTime(key: string, field?: string): Promise<number | null> {
    const entry = await db.meta.get(key);
    const value = field === undefined ? entry?.value : (entry?.value as Record<string, unknown> | undefined)?.[field];
    return typeof value === 'number' ? value : null;
  }

  return {
    async 'import.begin'() {
      const importId = crypto.randomUUID();
      deps.insights?.deferFull(IMPORT_QUIET_MS);
      await withDb(async () => {
        await sweepStaging(db, deps.now());
        await beginRun(db, importId, deps.now());
      });
      return { importId };
    },

    async 'import.stage'({ importId, seq, customers, orders }) {
      deps.insights?.deferFull(IMPORT_QUIET_MS);
      await withDb(() => stageRunChunk(db, importId, seq, { kind: 'drafts', customers, orders }, deps.now()));
      return { ok: true };
    },

    async 'import.commit'({ importId, chunks }) {
      deps.insights?.deferFull(COMMIT_QUIET_MS);
      const summary = await withDb(() => whole(importId, () => commitImport(db, importId, deps.now(), { chunks }))).finally(() =>
        deps.insights?.deferFull(AFTER_IMPORT_MS),
      );
      return summary;
    },

    async 'import.cancel'({ importId }) {
      await withDb(() => discardImport(db, importId));
      return { ok: true };
    },

    async 'import.mapping.get'({ key }) {
      const entry = await db.meta.get(MAPPING_PREFIX + key.slice(0, 60) + hash(key));
      const parsed = Mapping.safeParse(entry?.value);
      return { mapping: parsed.success ? parsed.data : null };
    },

    async 'import.mapping.save'({ key, mapping }) {
      await withDb(() => db.meta.put({ key: MAPPING_PREFIX + key.slice(0, 60) + hash(key), value: mapping }));
      return { ok: true };
    },

    async 'backup.tables'() {
      return { counts: await withDb(() => tableCounts(db)) };
    },

    async 'backup.page'({ table, after, limit }) {
      return withDb(() => readTablePage(db, table, after, limit));
    },

    async 'backup.done'() {
      await withDb(() => db.meta.put({ key: LAST_BACKUP_KEY, value: deps.now() }));
      deps.recovery?.noteChange();
      return { ok: true };
    },

    async 'restore.stage'({ importId, seq, table, rows }) {
      if (!backupTableNames(db).includes(table)) throw new ProtocolError('invalid', `This version has no table “${table}”.`);
      const schema = rowSchemaFor(table);
      const valid = rows.map((row, i) => {
        const parsed = schema.safeParse(row);
        if (!parsed.success) throw new ProtocolError('invalid', `${table} row ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        return parsed.data;
      });
      await withDb(() => stageRunChunk(db, importId, seq, { kind: 'records', table, rows: valid }, deps.now()));
      return { ok: true };
    },

    async 'restore.commit'({ importId, mode, chunks }) {
      const summary = await withDb(() => whole(importId, () => commitRestore(db, importId, mode, deps.now(), { chunks })));
      return summary;
    },

    async 'manager.status'() {
      const customers = await db.customers.count();
      return {
        customers,
        lastBackupAt: await metaTime(LAST_BACKUP_KEY),
        lastImportAt: await metaTime(LAST_IMPORT_KEY, 'at'),
        firstDataAt: customers === 0 ? null : await readFirstDataAt(db),
      };
    },

    async 'manager.list'(query) {
      const { selection, ...rest } = query;
      if (selection === null) return withDb(() => index.query(rest));
      const insights = deps.insights;
      if (!insights) throw new ProtocolError('internal', 'The dashboard is not available here.');
      const only = new Set(await withDb(() => insights.dashboardMembers(selection)));
      return withDb(() => index.query({ ...rest, only }));
    },

    async 'manager.customer'({ customerId }) {
      const card = await withDb(() => getCustomerCard(db, customerId));
      if (!card) throw new ProtocolError('not_found', 'This customer no longer exists.');
      return withConflicts(deps.team, card);
    },

    async 'manager.customer.update'({ customerId, patch }) {
      return withDb(() => updateCustomer(db, customerId, patch, deps.now()));
    },

    async 'manager.customer.delete'({ customerIds }) {
      return withDb(() => deleteCustomers(db, customerIds, deps.now()));
    },

    async 'manager.customer.undoDelete'(deleted) {
      return { restored: await withDb(() => undoDelete(db, deleted, deps.now())) };
    },

    async 'manager.duplicates'() {
      const groups = await withDb(() => findDuplicates(db));
      const rows = new Map((await index.all()).map((r) => [r.id, r]));
      return {
        groups: groups.map((g) => ({ reason: g.reason, shared: g.shared, customers: g.customerIds.map((id) => rows.get(id)).filter((r) => r !== undefined) })),
      };
    },

    async 'manager.merge'({ keepId, otherIds }) {
      return withDb(() => mergeCustomers(db, keepId, otherIds, deps.now()));
    },

    async 'manager.company'({ companyId }) {
      const { company, contacts } = await withDb(() => getCompany(db, companyId));
      return { company, contacts: contacts.map((c) => toListRow(c, company.name)) };
    },

    async 'manager.company.update'({ companyId, name, domains }) {
      return withDb(() => updateCompany(db, companyId, { name, domains }, deps.now()));
    },

    async 'manager.companies'(query) {
      return withDb(() => companyIndex.query(query));
    },

    async 'manager.company.create'({ name, domains }) {
      return withDb(() => createCompany(db, { name, domains }, deps.now()));
    },
  };
}

/** A short stable hash so long header sets make a bounded meta key (FNV-1a). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
