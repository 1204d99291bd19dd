import Papa from 'papaparse';
import type { TextEncoding } from './sniff';

/**
 * Streams a CSV file through Papa Parse. Papa reads Node-style streams, so a small adapter turns
 * the Blob's byte stream into decoded text: TextDecoder with `stream: true` keeps a character
 * that straddles two chunks whole (Papa's own File reader decodes each slice separately and
 * can break one). Backpressure lives in the adapter: it reads the next bytes only when `gate()`
 * resolves, so a slow consumer never lets parsed rows pile up in memory.
 */

export interface CsvRows {
  /** Parsed records in order; row numbers count the header as 1. */
  rows: string[][];
  firstRow: number;
  /** Papa's complaints about these rows (unbalanced quotes), by row number. */
  errors: Map<number, string>;
}

export interface StreamOptions {
  encoding: TextEncoding;
  signal?: AbortSignal;
  /** Called synchronously with each parsed batch of records (the header is the first row). */
  onRows(batch: CsvRows): void;
  onBytes?(bytesRead: number): void;
  /** Awaited before each read: resolve when the consumer is ready for more. */
  gate?(): Promise<void>;
}

export interface StreamResult {
  delimiter: string;
  rows: number;
}

const EMIT_CHARS = 512 * 1024;

interface NodeLikeStream {
  readable: true;
  read(): void;
  on(event: string, listener: (arg?: unknown) => void): void;
  removeListener(event: string, listener: (arg?: unknown) => void): void;
  pause(): void;
  resume(): void;
}

function textStream(blob: Blob, options: StreamOptions): NodeLikeStream {
  const listeners = new Map<string, Set<(arg?: unknown) => void>>();
  const emit = (event: string, arg?: unknown) => listeners.get(event)?.forEach((l) => l(arg));
  let started = false;

  async function pump() {
    const reader = blob.stream().getReader();
    const decoder = new TextDecoder(options.encoding);
    let bytes = 0;
    let pending = '';
    try {
      for (;;) {
        if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Cancelled', 'AbortError');
        await options.gate?.();
        const { done, value } = await reader.read();
        if (done) {
          pending += decoder.decode();
          if (pending !== '') emit('data', pending);
          emit('end');
          return;
        }
        bytes += value.byteLength;
        pending += decoder.decode(value, { stream: true });
        if (pending.length >= EMIT_CHARS) {
          emit('data', pending);
          pending = '';
        }
        options.onBytes?.(bytes);
      }
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      emit('error', error);
    }
  }

  return {
    readable: true,
    read() {},
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      if (!started && event === 'data') {
        started = true;
        queueMicrotask(() => void pump());
      }
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
    },
    pause() {},
    resume() {},
  };
}

/**
 * The delimiter of a file, guessed from its first rows as the preview guesses it. Papa's own guess
 * on a stream's first chunk counts the empty line after the last row, and in a file of one or
 * two rows took `;`, tab or `|` for a comma: every row then came out as one cell.
 */
async function sampleDelimiter(blob: Blob, encoding: TextEncoding): Promise<string> {
  const head = await blob.slice(0, 64 * 1024).arrayBuffer();
  return Papa.parse<string[]>(new TextDecoder(encoding).decode(head), { header: false, preview: 11, skipEmptyLines: 'greedy' }).meta.delimiter;
}

export async function streamCsv(blob: Blob, options: StreamOptions): Promise<StreamResult> {
  const delimiter = await sampleDelimiter(blob, options.encoding);
  return new Promise((resolve, reject) => {
    let nextRow = 1;
    let failed = false;
    const config: Papa.ParseLocalConfig<string[], NodeJS.ReadableStream> = {
      header: false,
      delimiter,
      skipEmptyLines: false,
      chunk(results) {
        if (failed) return;
        const errors = new Map<number, string>();
        for (const error of results.errors) {
          if (error.row === undefined || error.type !== 'Quotes') continue;
          errors.set(nextRow + error.row, quoteProblem(error.code));
        }
        const batch: CsvRows = { rows: results.data, firstRow: nextRow, errors };
        nextRow += results.data.length;
        try {
          options.onRows(batch);
        } catch (error) {
          failed = true;
          reject(error);
        }
      },
      complete() {
        if (!failed) resolve({ delimiter, rows: nextRow - 1 });
      },
      error(error: Error) {
        failed = true;
        reject(error);
      },
    };
    // The adapter has the members Papa's stream reader calls; the type is Node's full stream.
    Papa.parse(textStream(blob, options) as unknown as NodeJS.ReadableStream, config);
  });
}

function quoteProblem(code: string): string {
  return code === 'MissingQuotes'
    ? 'A quoted cell is never closed (unbalanced quotes): the rest of the file was read into this row.'
    : 'A quote mark in the middle of a cell (unbalanced quotes).';
}

export interface CsvPreview {
  headers: string[];
  rows: string[][];
  delimiter: string;
  problems: string[];
}

/** The header and first rows, from the first 256 KB, for the preview before anything is written. */
export async function previewCsv(blob: Blob, encoding: TextEncoding, rowCount = 10): Promise<CsvPreview> {
  const head = await blob.slice(0, 256 * 1024).arrayBuffer();
  const text = new TextDecoder(encoding).decode(head);
  const result = Papa.parse<string[]>(text, { header: false, preview: rowCount + 1, skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = result.data;
  const problems: string[] = [];
  if (headers.length <= 1) problems.push(`Only one column was found. Is this a CSV file? (Read as ${encoding}, separated by “${printable(result.meta.delimiter)}”.)`);
  const seen = new Set<number>();
  for (const error of result.errors) {
    if (error.type === 'Quotes' && error.row !== undefined && !seen.has(error.row) && error.row + 1 < rowCount) {
      seen.add(error.row);
      problems.push(`Row ${error.row + 1}: ${quoteProblem(error.code)}`);
    }
  }
  return { headers: headers.map((h) => h.replace(/^\uFEFF/, '').trim()), rows, delimiter: result.meta.delimiter, problems };
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
