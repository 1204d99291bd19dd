/// <reference lib="webworker" />
import { previewCsv } from './csv-stream';
import { detectFormat } from './formats/index';
import { suggestMapping } from './formats/generic';
import { BATCH_SIZE, runCsvImport, type DraftBatch, type ImportOutcome } from './job';
import { SNIFF_BYTES, sniffBytes } from './sniff';
import { parseVcards } from './vcard';
import type { FilePreview, FromWorker, ToWorker } from './worker-messages';

/**
 * The import worker: reads and parses the file off the page's main thread, so the manager
 * stays responsive while a million rows stream through. Batches go to the page, which stages
 * them in the background; the worker waits for each batch's ack before it reads much further.
 */

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker) => self.postMessage(message);
const acks = new Map<number, () => void>();

function isVcard(file: File): boolean {
  return /\.(vcf|vcard)$/i.test(file.name) || /vcard/i.test(file.type);
}

async function preview(file: File): Promise<FilePreview> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffBytes(head, file.size);
  const base = { fileName: file.name, size: file.size, delimiter: ',', headers: [], rows: [], format: null, formatLabel: null, hasCurrency: false, suggested: suggestMapping([]) };
  if (!sniffed.ok) return { ...base, kind: 'csv', encoding: 'utf-8', problems: [sniffed.reason] };
  if (isVcard(file)) {
    const { customers, bad } = parseVcards(new TextDecoder(sniffed.encoding).decode(await file.arrayBuffer()));
    return {
      ...base,
      kind: 'vcard',
      encoding: sniffed.encoding,
      headers: ['Name', 'Email', 'Phone', 'Company'],
      rows: customers.slice(0, 10).map((c) => [c.name, c.emails.join(', '), c.phone ?? '', c.companyName ?? '']),
      problems: customers.length === 0 ? [bad[0]?.reason ?? 'No contacts with an email address were found.'] : [],
      formatLabel: `vCard (${customers.length} contacts)`,
    };
  }
  const csv = await previewCsv(file, sniffed.encoding);
  const format = detectFormat(csv.headers);
  return {
    ...base,
    kind: 'csv',
    encoding: sniffed.encoding,
    delimiter: csv.delimiter,
    headers: csv.headers,
    rows: csv.rows,
    problems: csv.rows.length === 0 && csv.problems.length === 0 ? ['The file has a header but no rows.'] : csv.problems,
    format: format?.id ?? null,
    formatLabel: format?.label ?? null,
    hasCurrency: format?.hasCurrency ?? false,
    suggested: suggestMapping(csv.headers),
  };
}

function deliver(batch: DraftBatch): Promise<void> {
  return new Promise((resolve) => {
    acks.set(batch.seq, resolve);
    post({ type: 'batch', batch });
  });
}

async function runVcard(file: File, encoding: FilePreview['encoding']): Promise<ImportOutcome> {
  const { customers, bad } = parseVcards(new TextDecoder(encoding).decode(await file.arrayBuffer()));
  for (let seq = 0; seq * BATCH_SIZE < customers.length; seq++) {
    await deliver({ seq, customers: customers.slice(seq * BATCH_SIZE, (seq + 1) * BATCH_SIZE), orders: [] });
  }
  post({ type: 'progress', progress: { rows: customers.length + bad.length, bytes: file.size, totalBytes: file.size } });
  return { rows: customers.length + bad.length, customers: customers.length, orders: 0, badCount: bad.length, bad };
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'ack') {
      acks.get(message.seq)?.();
      acks.delete(message.seq);
    } else if (message.type === 'preview') {
      post({ type: 'preview', preview: await preview(message.file) });
    } else if (isVcard(message.file)) {
      post({ type: 'done', outcome: await runVcard(message.file, message.plan.encoding) });
    } else {
      const outcome = await runCsvImport(message.file, message.plan, { deliver, progress: (progress) => post({ type: 'progress', progress }) });
      post({ type: 'done', outcome });
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
