import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { managerHandlers } from '../../../lib/background/handlers/manager';
import { spineHandlers } from '../../../lib/background/handlers/spine';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { makeCustomer } from '../db/factories';
import { testDeps } from './fakes';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MANAGER = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, tab: { id: 3 } };

type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', Write>;
const original = { put: proto.put, add: proto.add };

/**
 * The disk fills at the Nth write and stays full: from then on each write request fails with
 * QuotaExceededError when it runs, as a browser's does when its storage quota is reached (the
 * failed request then aborts its transaction unless the caller handles the error).
 */
function diskFullAt(n: number) {
  let writes = 0;
  for (const name of ['put', 'add'] as const) {
    proto[name] = function (this: IDBObjectStore, ...args: unknown[]) {
      const request = original[name].apply(this, args);
      writes += 1;
      if (writes >= n) {
        const queued = (this.transaction as unknown as { _requests: { operation: () => unknown }[] })._requests;
        queued[queued.length - 1]!.operation = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
      return request;
    };
  }
  return { writes: () => writes };
}

/** Space was freed: writes succeed again (the same database connection, no restart). */
function spaceFreed() {
  proto.put = original.put;
  proto.add = original.add;
}

afterEach(spaceFreed);

function setup() {
  const deps = testDeps();
  const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
  const route = createRouter({ ...others, ...spineHandlers(deps), ...managerHandlers(deps) } as Handlers, EXTENSION_ID);
  return { db: deps.db, send: (type: string, payload: unknown) => route({ type, payload }, MANAGER) };
}

const draft = (i: number) => ({ key: `email:c${i}@example.com`, emails: [`c${i}@example.com`], name: `C ${i}`, phone: null, companyName: null, tags: [], birthday: null, note: null, source: 'shopify', externalId: null });

describe('F1 the disk fills up (QuotaExceededError at the Nth write)', () => {
  it('rolls an import commit back whole, says storage is full, and commits once space is freed, without a restart', async () => {
    const { db, send } = setup();
    const kept = makeCustomer({ name: 'Already here' });
    await db.customers.add(kept);
    const { importId } = ((await send('import.begin', {})) as { data: { importId: string } }).data;
    for (let seq = 0; seq < 3; seq++) {
      expect(await send('import.stage', { importId, seq, customers: Array.from({ length: 20 }, (_, i) => draft(seq * 20 + i)), orders: [] })).toMatchObject({ ok: true });
    }

    const disk = diskFullAt(30);
    const refused = await send('import.commit', { importId, chunks: 3 });
    expect(disk.writes()).toBeGreaterThanOrEqual(30);
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/storage|full|space/i) } });
    // Nothing of the import is visible; what was there before is untouched.
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['Already here']);

    spaceFreed();
    expect(await send('import.commit', { importId, chunks: 3 })).toMatchObject({ ok: true, data: { customersCreated: 60 } });
    expect(await db.customers.count()).toBe(61);
    expect(await db.importChunks.count()).toBe(0);
  });

  it('refuses a note with storage full, keeps the book as it was, and saves the same note once space is freed', async () => {
    const { db, send } = setup();
    const customer = makeCustomer();
    await db.customers.add(customer);
    diskFullAt(1);
    expect(await send('note.add', { customerId: customer.id, body: 'Called about the order' })).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await db.notes.count()).toBe(0);
    expect(await db.customers.get(customer.id)).toEqual(customer);
    spaceFreed();
    expect(await send('note.add', { customerId: customer.id, body: 'Called about the order' })).toMatchObject({ ok: true, data: { body: 'Called about the order' } });
    expect(await db.notes.count()).toBe(1);
  });
});
