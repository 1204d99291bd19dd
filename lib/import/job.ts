import { BATCH_SIZE, type BadRow, type CustomerDraft, type ImportOptions, type ImportSource, type OrderDraft } from './drafts';
import { Columns, type FormatId, type ImportSink, type RowMapper } from './format';
import { formatById } from './formats/index';
import { createGenericMapper, type Mapping } from './formats/generic';
import { streamCsv } from './csv-stream';
import type { TextEncoding } from './sniff';

/**
 * One whole CSV import as the worker runs it: stream, map rows to drafts, collect bad rows, and
 * hand drafts on in batches. Kept free of worker plumbing so tests run it directly.
 */

export interface ImportPlan {
  format: FormatId;
  /** Required for the `generic` format. */
  mapping: Mapping | null;
  options: ImportOptions;
  encoding: TextEncoding;
  /** Records everything under this source instead of the format's (the sample business). */
  sourceOverride?: ImportSource;
}

export interface DraftBatch {
  seq: number;
  customers: CustomerDraft[];
  orders: OrderDraft[];
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ImportOutcome {
  rows: number;
  customers: number;
  orders: number;
  badCount: number;
  /** The first MAX_BAD_LISTED bad rows; `badCount` has them all. */
  bad: BadRow[];
}

export interface JobHooks {
  /** Receives each batch; the job reads on while at most MAX_IN_FLIGHT batches are being delivered. */
  deliver(batch: DraftBatch): Promise<void>;
  progress?(progress: ImportProgress): void;
  signal?: AbortSignal;
}

export { BATCH_SIZE };

/**
 * Batches being delivered at once: with two, the page sends one while the background stores
 * the other (a million-row file stages 200 batches; one at a time left each side idle half the time).
 */
export const MAX_IN_FLIGHT = 2;
export const MAX_BAD_LISTED = 5000;
const PROGRESS_EVERY_MS = 200;

export async function runCsvImport(file: Blob, plan: ImportPlan, hooks: JobHooks): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { rows: 0, customers: 0, orders: 0, badCount: 0, bad: [] };
  let customers: CustomerDraft[] = [];
  let orders: OrderDraft[] = [];
  let seq = 0;
  const ready: DraftBatch[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  const sink: ImportSink = {
    customer(draft) {
      customers.push(plan.sourceOverride ? { ...draft, source: plan.sourceOverride } : draft);
      outcome.customers += 1;
      if (customers.length + orders.length >= BATCH_SIZE) cut();
    },
    order(draft) {
      orders.push(plan.sourceOverride ? { ...draft, source: plan.sourceOverride } : draft);
      outcome.orders += 1;
      if (customers.length + orders.length >= BATCH_SIZE) cut();
    },
    bad(row) {
      outcome.badCount += 1;
      if (outcome.bad.length < MAX_BAD_LISTED) outcome.bad.push({ ...row, values: row.values.slice(0, 50).map((v) => v.slice(0, 200)) });
    },
  };

  function cut() {
    if (customers.length + orders.length === 0) return;
    ready.push({ seq: seq++, customers, orders });
    customers = [];
    orders = [];
  }

  /** Delivers the ready batches; returns with some still in flight, or (at the end) none. */
  async function drain(keepInFlight: boolean) {
    for (;;) {
      if (failure) throw failure;
      while (ready.length > 0 && inFlight.size < MAX_IN_FLIGHT) {
        const batch = ready.shift() as DraftBatch;
        const delivery: Promise<void> = hooks
          .deliver(batch)
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
      if (ready.length === 0 && (keepInFlight || inFlight.size === 0)) break;
      await Promise.race(inFlight);
    }
    if (failure) throw failure;
  }

  let mapper: RowMapper | null = null;
  let width = 0;
  let bytesRead = 0;
  let lastProgress = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    hooks.progress?.({ rows: outcome.rows, bytes: bytesRead, totalBytes: file.size });
  };

  await streamCsv(file, {
    encoding: plan.encoding,
    signal: hooks.signal,
    gate: () => drain(true),
    onBytes(bytes) {
      bytesRead = bytes;
      report();
    },
    onRows({ rows, firstRow, errors }) {
      rows.forEach((values, i) => {
        const row = firstRow + i;
        if (mapper === null) {
          const headers = values.map((h) => h.replace(/^\uFEFF/, '').trim());
          width = headers.length;
          mapper = createMapper(plan, new Columns(headers), sink);
          return;
        }
        if (values.every((v) => v.trim() === '')) return;
        outcome.rows += 1;
        const quoteError = errors.get(row);
        if (quoteError !== undefined) {
          sink.bad({ row, reason: quoteError, values });
          return;
        }
        // Exports often end rows with one empty field too many (Thunderbird) or drop empty
        // trailing fields (Outlook); only real extra data makes the row ambiguous.
        if (values.length > width && values.slice(width).some((v) => v.trim() !== '')) {
          sink.bad({ row, reason: `This row has ${values.length} cells but the header has ${width}: its columns cannot be told apart.`, values });
          return;
        }
        mapper.row(values, row);
      });
    },
  });
  if (mapper === null) throw new Error('The file is empty.');
  (mapper as RowMapper).end();
  cut();
  await drain(false);
  report(true);
  return outcome;
}

function createMapper(plan: ImportPlan, columns: Columns, sink: ImportSink): RowMapper {
  if (plan.format === 'generic') {
    if (plan.mapping === null) throw new Error('A column mapping is needed for this file.');
    return createGenericMapper(columns, plan.mapping, plan.options, sink);
  }
  const format = formatById(plan.format);
  if (format === null) throw new Error(`Unknown import format “${plan.format}”.`);
  if (!format.matches(columns)) throw new Error(`This file does not have the columns of a ${format.label} export.`);
  return format.create(columns, plan.options, sink);
}
