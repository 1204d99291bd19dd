import { signal } from '@preact/signals';
import type { BadRow, CustomerDraft, ImportOptions, OrderDraft } from './drafts';
import { headersKey, mappingProblems, type Mapping } from './formats/generic';
import type { FormatId } from './format';
import type { ImportOutcome, ImportProgress } from './job';
import type { FilePreview, FromWorker, ToWorker } from './worker-messages';

/**
 * The manager's import flow on the page: preview → (mapping) → stream in the worker, staging
 * each batch in the background → review of bad rows → commit. Nothing reaches the customer
 * tables before the commit, so Cancel at any point (or a closed tab) leaves them untouched.
 */

export interface CommitResult {
  customersCreated: number;
  customersUpdated: number;
  ordersCreated: number;
  ordersUpdated: number;
}

export interface ImportApi {
  begin(): Promise<{ importId: string }>;
  stage(importId: string, seq: number, customers: CustomerDraft[], orders: OrderDraft[]): Promise<unknown>;
  /** `chunks`: how many batches were staged; the background refuses an import missing any. */
  commit(importId: string, chunks: number): Promise<CommitResult>;
  cancel(importId: string): Promise<unknown>;
  getMapping(key: string): Promise<{ mapping: Mapping | null }>;
  saveMapping(key: string, mapping: Mapping): Promise<unknown>;
}

/** The worker as the runner uses it; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

export interface RunningProgress extends ImportProgress {
  rowsPerSecond: number;
  /** Seconds left, from bytes read so far; null until there is a rate. */
  secondsLeft: number | null;
}

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; preview: FilePreview; format: FormatId | 'generic'; mapping: Mapping; options: ImportOptions; remembered: boolean }
  | { kind: 'running'; fileName: string; progress: RunningProgress }
  | { kind: 'review'; fileName: string; outcome: ImportOutcome }
  | { kind: 'committing'; fileName: string; outcome: ImportOutcome }
  | { kind: 'done'; fileName: string; outcome: ImportOutcome; result: CommitResult; seconds: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string; outcome?: ImportOutcome };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createImportStore(api: ImportApi, createWorker: () => WorkerLike, now: () => number = () => performance.now()) {
  const state = signal<ImportState>({ kind: 'idle' });
  let worker: WorkerLike | null = null;
  let file: File | null = null;
  let importId: string | null = null;
  /** Batches of the running import the background has staged. */
  let staged = 0;
  let startedAt = 0;
  let generation = 0;

  function stopWorker() {
    worker?.terminate();
    worker = null;
  }

  function talk(onMessage: (message: FromWorker) => void): WorkerLike {
    stopWorker();
    const w = createWorker();
    w.onmessage = (event) => onMessage(event.data);
    worker = w;
    return w;
  }

  async function choose(chosen: File) {
    const gen = ++generation;
    file = chosen;
    state.value = { kind: 'reading', fileName: chosen.name };
    const w = talk(async (msg) => {
      if (gen !== generation) return;
      if (msg.type === 'error') state.value = { kind: 'error', message: msg.message };
      if (msg.type !== 'preview') return;
      stopWorker();
      const preview = msg.preview;
      let mapping = preview.suggested;
      let remembered = false;
      if (preview.kind === 'csv' && preview.format === null && preview.headers.length > 1) {
        const saved = await api.getMapping(headersKey(preview.headers)).catch(() => ({ mapping: null }));
        if (saved.mapping) {
          mapping = saved.mapping;
          remembered = true;
        }
      }
      if (gen !== generation) return;
      state.value = { kind: 'preview', preview, format: preview.format ?? 'generic', mapping, options: { currency: 'EUR' }, remembered };
    });
    w.postMessage({ type: 'preview', file: chosen });
  }

  function setMapping(mapping: Mapping) {
    if (state.value.kind === 'preview') state.value = { ...state.value, mapping };
  }

  function setCurrency(currency: string) {
    if (state.value.kind === 'preview') state.value = { ...state.value, options: { currency } };
  }

  /** What stops the import from starting, in words; empty when it can start. */
  function blockers(): string[] {
    const s = state.value;
    if (s.kind !== 'preview') return [];
    if (s.preview.problems.length > 0) return s.preview.problems;
    if (s.preview.kind === 'csv' && s.format === 'generic') return mappingProblems(s.mapping);
    return [];
  }

  async function start() {
    const s = state.value;
    if (s.kind !== 'preview' || file === null || blockers().length > 0) return;
    const gen = ++generation;
    const { preview } = s;
    if (preview.kind === 'csv' && s.format === 'generic') void api.saveMapping(headersKey(preview.headers), s.mapping).catch(() => undefined);
    let id: string;
    try {
      id = (await api.begin()).importId;
    } catch (error) {
      state.value = { kind: 'error', message: message(error) };
      return;
    }
    importId = id;
    staged = 0;
    startedAt = now();
    state.value = { kind: 'running', fileName: preview.fileName, progress: { rows: 0, bytes: 0, totalBytes: preview.size, rowsPerSecond: 0, secondsLeft: null } };
    const w = talk(async (msg) => {
      if (gen !== generation) return;
      switch (msg.type) {
        case 'batch':
          try {
            await api.stage(id, msg.batch.seq, msg.batch.customers, msg.batch.orders);
            staged += 1;
            worker?.postMessage({ type: 'ack', seq: msg.batch.seq });
          } catch (error) {
            await fail(message(error));
          }
          return;
        case 'progress': {
          const seconds = Math.max((now() - startedAt) / 1000, 0.001);
          const { rows, bytes, totalBytes } = msg.progress;
          const rate = bytes / seconds;
          state.value = {
            kind: 'running',
            fileName: preview.fileName,
            progress: { ...msg.progress, rowsPerSecond: Math.round(rows / seconds), secondsLeft: rate > 0 && bytes > 0 ? Math.max(0, (totalBytes - bytes) / rate) : null },
          };
          return;
        }
        case 'done':
          stopWorker();
          if (msg.outcome.customers + msg.outcome.orders === 0) {
            await fail('No row could be imported.', msg.outcome);
            return;
          }
          if (msg.outcome.badCount > 0) state.value = { kind: 'review', fileName: preview.fileName, outcome: msg.outcome };
          else await commit(msg.outcome);
          return;
        case 'error':
          await fail(msg.message);
          return;
        default:
          return;
      }
    });
    w.postMessage({ type: 'run', file, plan: { format: s.format, mapping: s.format === 'generic' ? s.mapping : null, options: s.options, encoding: preview.encoding } });
  }

  async function fail(text: string, outcome?: ImportOutcome) {
    generation += 1;
    stopWorker();
    const id = importId;
    importId = null;
    if (id !== null) await api.cancel(id).catch(() => undefined);
    state.value = { kind: 'error', message: text, ...(outcome ? { outcome } : {}) };
  }

  async function commit(outcome?: ImportOutcome) {
    const s = state.value;
    const result = outcome ?? (s.kind === 'review' ? s.outcome : null);
    const fileName = s.kind === 'running' || s.kind === 'review' ? s.fileName : (file?.name ?? '');
    if (result === null || importId === null) return;
    state.value = { kind: 'committing', fileName, outcome: result };
    try {
      const committed = await api.commit(importId, staged);
      importId = null;
      state.value = { kind: 'done', fileName, outcome: result, result: committed, seconds: (now() - startedAt) / 1000 };
    } catch (error) {
      await fail(message(error), result);
    }
  }

  async function cancel() {
    generation += 1;
    stopWorker();
    const id = importId;
    importId = null;
    state.value = { kind: 'cancelled' };
    if (id !== null) await api.cancel(id).catch(() => undefined);
  }

  function reset() {
    generation += 1;
    stopWorker();
    file = null;
    state.value = { kind: 'idle' };
  }

  return { state, choose, setMapping, setCurrency, blockers, start, commit: () => commit(), cancel, reset };
}

export type ImportStore = ReturnType<typeof createImportStore>;

/** The bad-row report as CSV (row, reason, the row's cells), for download. */
/** The rows an import left out, for download; pass `toCsv` (lib/export/csv.ts) so cells that
 * spreadsheets would run as formulas come out as text. */
export function badRowsCsv(bad: readonly BadRow[], unparse: (rows: string[][]) => string): string {
  return unparse([['Row', 'Reason', 'Cells'], ...bad.map((b) => [String(b.row), b.reason, b.values.join(' | ')])]);
}
