import { CODECS, keyOf, type Fields } from '../../../lib/db/sync-codec';
import type { SyncTable } from '../../../lib/sync/layout';
import type { ApplyBatch, ApplyOutcome, LocalStore, PendingChange, RecordConflicts } from '../../../lib/sync/local-store';

type Row = Record<string, unknown>;

/**
 * An in-memory LocalStore for the engine's tests: tables of rows, a change journal of local
 * writes, applied revisions and open conflicts, with the same validation on apply as the real one.
 */
export class MemoryLocal implements LocalStore {
  readonly tables = new Map<SyncTable, Map<string, Row>>();
  readonly journal: PendingChange[] = [];
  readonly states = new Map<string, string>();
  readonly conflicts = new Map<string, RecordConflicts>();
  private seq = 0;
  /** Called inside apply before the race check: lets a test write "meanwhile". */
  beforeApply: (() => void) | null = null;

  table(name: SyncTable): Map<string, Row> {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = new Map()));
    return table;
  }

  /** A local write, journaled as the layers' middleware does. */
  write(name: SyncTable, row: Row): void {
    const key = keyOf(name, row);
    this.table(name).set(key, structuredClone(row));
    this.journal.push({ seq: ++this.seq, table: name, keys: [key] });
  }

  remove(name: SyncTable, key: string): void {
    this.table(name).delete(key);
    this.journal.push({ seq: ++this.seq, table: name, keys: [key] });
  }

  get(name: SyncTable, key: string): Row | undefined {
    return this.table(name).get(key);
  }

  async pending(after: number, limit: number): Promise<PendingChange[]> {
    return this.journal.filter((row) => row.seq > after).slice(0, limit);
  }

  async journalSeq(): Promise<number> {
    return this.seq;
  }

  async acknowledge(seq: number): Promise<void> {
    this.journal.splice(0, this.journal.filter((row) => row.seq <= seq).length);
  }

  async keys(name: SyncTable, after: string | null, limit: number): Promise<string[]> {
    return [...this.table(name).keys()]
      .sort()
      .filter((key) => after === null || key > after)
      .slice(0, limit);
  }

  async read(name: SyncTable, keys: readonly string[]): Promise<Map<string, Fields | null>> {
    const out = new Map<string, Fields | null>();
    for (const key of keys) {
      const row = this.table(name).get(key);
      out.set(key, row === undefined ? null : CODECS[name].toFields(structuredClone(row)));
    }
    return out;
  }

  async docStates(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map(ids.flatMap((id) => (this.states.has(id) ? [[id, this.states.get(id) as string]] : [])));
  }

  async apply(batch: ApplyBatch, journalSeq: number): Promise<ApplyOutcome> {
    this.beforeApply?.();
    const touched = new Set(batch.rows.map((row) => `${row.table}/${row.key}`));
    if (this.journal.some((row) => row.seq > journalSeq && row.keys.some((key) => touched.has(`${row.table}/${key}`)))) {
      return { applied: false, refused: [] };
    }
    const refused: ApplyOutcome['refused'] = [];
    for (const row of batch.rows) {
      const table = this.table(row.table);
      if (row.fields === null) {
        table.delete(row.key);
        continue;
      }
      try {
        table.set(row.key, CODECS[row.table].toRow(row.key, row.fields, table.get(row.key)));
      } catch (error) {
        refused.push({ table: row.table, key: row.key, reason: error instanceof Error ? error.message.slice(0, 200) : 'invalid' });
      }
    }
    for (const { table, key, conflicts } of batch.conflicts) {
      if (conflicts === null) this.conflicts.delete(`${table}/${key}`);
      else this.conflicts.set(`${table}/${key}`, conflicts);
    }
    for (const doc of batch.docs) this.states.set(doc.id, doc.rev);
    return { applied: true, refused };
  }
}
