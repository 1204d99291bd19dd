import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CustomerDraft, OrderDraft } from '../../../lib/import/drafts';
import { runCsvImport, type ImportOutcome, type ImportPlan } from '../../../lib/import/job';

export const CSV_FIXTURES = join(import.meta.dirname, '../../fixtures/csv');

export function fixture(path: string): string {
  return readFileSync(join(CSV_FIXTURES, path), 'utf8');
}

export function headersOf(path: string): string[] {
  const [headers = []] = Papa.parse<string[]>(fixture(path), { preview: 1 }).data;
  return headers;
}

/** A CSV with the given headers and rows given by header name (missing columns stay empty). */
export function csvWith(headers: readonly string[], rows: readonly Record<string, string>[]): string {
  return Papa.unparse({ fields: [...headers], data: rows.map((r) => headers.map((h) => r[h] ?? '')) });
}

export function blobOf(text: string | Uint8Array<ArrayBuffer>): Blob {
  return new Blob([text]);
}

export interface Collected extends ImportOutcome {
  customerDrafts: CustomerDraft[];
  orderDrafts: OrderDraft[];
  batches: number;
}

export async function importText(file: string | Uint8Array<ArrayBuffer> | Blob, plan: Partial<ImportPlan> & Pick<ImportPlan, 'format'>): Promise<Collected> {
  const customerDrafts: CustomerDraft[] = [];
  const orderDrafts: OrderDraft[] = [];
  let batches = 0;
  const outcome = await runCsvImport(file instanceof Blob ? file : blobOf(file), { mapping: null, options: { currency: 'EUR' }, encoding: 'utf-8', ...plan }, {
    async deliver(batch) {
      batches += 1;
      customerDrafts.push(...batch.customers);
      orderDrafts.push(...batch.orders);
    },
  });
  return { ...outcome, customerDrafts, orderDrafts, batches };
}
