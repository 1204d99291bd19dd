import { describe, expect, it, vi } from 'vitest';
import { createImportStore, type ImportApi, type WorkerLike } from '../../../lib/import/runner';
import { suggestMapping } from '../../../lib/import/formats/generic';
import type { FromWorker, ToWorker } from '../../../lib/import/worker-messages';

function fakeWorker() {
  const sent: ToWorker[] = [];
  const worker: WorkerLike & { emit(message: FromWorker): void; sent: ToWorker[] } = {
    sent,
    onmessage: null,
    postMessage: (message) => sent.push(message),
    terminate: vi.fn(),
    emit(message) {
      worker.onmessage?.({ data: message } as MessageEvent<FromWorker>);
    },
  };
  return worker;
}

function fakeApi(): ImportApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    begin: async () => (calls.push('begin'), { importId: 'imp-1' }),
    stage: async (_id, seq) => calls.push(`stage ${seq}`),
    commit: async (_id: string, chunks: number) => (calls.push(`commit ${chunks}`), { customersCreated: 1, customersUpdated: 0, ordersCreated: 0, ordersUpdated: 0 }),
    cancel: async () => calls.push('cancel'),
    getMapping: async () => ({ mapping: null }),
    saveMapping: async () => calls.push('save mapping'),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const preview = { fileName: 'c.csv', size: 100, kind: 'csv' as const, encoding: 'utf-8' as const, delimiter: ',', headers: ['Email'], rows: [['a@example.com']], problems: [], format: 'shopify-customers' as const, formatLabel: 'Shopify customers', hasCurrency: false, suggested: suggestMapping(['Email']) };
const draft = { key: 'email:a@example.com', emails: ['a@example.com'], name: 'A', phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'shopify' as const, externalId: null };

async function started() {
  const api = fakeApi();
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const store = createImportStore(api, () => {
    const w = fakeWorker();
    workers.push(w);
    return w;
  });
  await store.choose(new File(['x'], 'c.csv'));
  workers[0]?.emit({ type: 'preview', preview });
  await flush();
  await store.start();
  return { api, store, worker: workers[1] };
}

describe('createImportStore', () => {
  it('stages each batch, acks it, and commits when no row was bad', async () => {
    const { api, store, worker } = await started();
    worker?.emit({ type: 'batch', batch: { seq: 0, customers: [draft], orders: [] } });
    await flush();
    expect(worker?.sent).toContainEqual({ type: 'ack', seq: 0 });
    worker?.emit({ type: 'done', outcome: { rows: 1, customers: 1, orders: 0, badCount: 0, bad: [] } });
    await flush();
    expect(api.calls).toEqual(['begin', 'stage 0', 'commit 1']);
    expect(store.state.value.kind).toBe('done');
  });

  it('waits for confirmation when rows were bad', async () => {
    const { api, store, worker } = await started();
    worker?.emit({ type: 'done', outcome: { rows: 2, customers: 1, orders: 0, badCount: 1, bad: [{ row: 3, reason: 'bad', values: [] }] } });
    await flush();
    expect(store.state.value.kind).toBe('review');
    expect(api.calls.filter((c) => c.startsWith('commit'))).toEqual([]);
  });

  it('discards the staged rows and never commits when cancelled midway', async () => {
    const { api, store, worker } = await started();
    worker?.emit({ type: 'batch', batch: { seq: 0, customers: [draft], orders: [] } });
    await flush();
    await store.cancel();
    worker?.emit({ type: 'done', outcome: { rows: 1, customers: 1, orders: 0, badCount: 0, bad: [] } });
    await flush();
    expect(worker?.terminate).toHaveBeenCalled();
    expect(api.calls).toEqual(['begin', 'stage 0', 'cancel']);
    expect(store.state.value.kind).toBe('cancelled');
  });
});
