import { afterEach, describe, expect, it } from 'vitest';
import { managerHandlers } from '../../../lib/background/handlers/manager';
import { BACKUP_FORMAT, BACKUP_VERSION, readBackup } from '../../../lib/export/backup-file';
import { PROTOCOL } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { restoreBackup, type Request } from '../../../lib/recovery/restore';
import { makeCustomer } from '../db/factories';
import { testDeps } from './fakes';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const MANAGER = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, tab: { id: 3 } };

/**
 * A backup file restored as the manager restores one: read and checked by `readBackup`, sent by
 * `restoreBackup` through the router to the background's handlers. A refusal throws its message.
 */
async function restoreText(text: string, mode: 'replace' | 'merge' = 'merge') {
  const deps = testDeps();
  const others = Object.fromEntries(Object.keys(PROTOCOL).map((type) => [type, () => Promise.reject(new Error(`${type} is not expected here`))]));
  const route = createRouter({ ...others, ...managerHandlers(deps) } as Handlers, EXTENSION_ID);
  const request = (async (type: string, payload: unknown) => {
    // Through a message, as the browser carries it: JSON-like, `__proto__` stays an own key.
    const reply = await route({ type, payload }, MANAGER);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  }) as Request;
  const parsed = await readBackup(new Blob([text]));
  if (!parsed.ok) return { db: deps.db, outcome: { refused: parsed.reason } };
  const outcome = await restoreBackup(request, parsed.backup, mode).then(
    (summary) => ({ summary }),
    (error: Error) => ({ refused: error.message }),
  );
  return { db: deps.db, outcome };
}

/** A backup file's text with these rows; each row is spliced in as given, so its keys are exactly as written. */
function backupText(tables: Record<string, string[]>): string {
  const body = Object.entries(tables)
    .map(([name, rows]) => `${JSON.stringify(name)}:[${rows.join(',')}]`)
    .join(',');
  return `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"exportedAt":1,"tables":{${body}}}`;
}

/** A customer row as JSON with extra members spliced in before the closing brace. */
const customerWith = (name: string, extra: string) => `${JSON.stringify(makeCustomer({ name })).slice(0, -1)},${extra}}`;

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  // However a test went, nothing landed on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('I4 a backup with objects where strings belong and __proto__ / constructor keys', () => {
  it('refuses a row with an object where a string belongs, naming the table and row, and writes nothing', async () => {
    const good = JSON.stringify(makeCustomer({ name: 'Ana' }));
    const bad = customerWith('Ben', '"name":{"type":"img","props":{"src":"x","onerror":"alert(1)"},"__v":0}');
    const { db, outcome } = await restoreText(backupText({ customers: [good, bad] }), 'replace');
    expect(outcome).toEqual({ refused: expect.stringMatching(/^customers row 2: /) });
    expect(await db.customers.count()).toBe(0);
    expect(await db.importChunks.count()).toBe(0);
  });

  it('refuses a table that is not an array of objects before anything is sent', async () => {
    for (const tables of ['{"customers":{"__proto__":[]}}', '{"customers":["Ana"]}', '{"__proto__":{"customers":[]}}']) {
      const text = `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"exportedAt":1,"tables":${tables}}`;
      const { db, outcome } = await restoreText(text);
      if ('refused' in outcome) expect(outcome.refused).toMatch(/not a valid backup|no table/);
      else expect(outcome.summary.written).toBe(0);
      expect(await db.customers.count()).toBe(0);
    }
  });

  it('restores the rows without any __proto__ or constructor key and leaves Object.prototype unchanged', async () => {
    const text = backupText({
      customers: [customerWith('Ana', '"__proto__":{"polluted":"yes","isAdmin":true}'), customerWith('Ben', '"constructor":{"prototype":{"polluted":"yes"}}')],
      meta: ['{"key":"hostile","value":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}'],
    });
    const { db, outcome } = await restoreText(text);
    expect(outcome).toMatchObject({ summary: { written: 3 } });

    const stored = (await db.customers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
    expect(stored.map((c) => c.name)).toEqual(['Ana', 'Ben']);
    for (const row of stored) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.keys(row)).not.toContain('__proto__');
      expect(Object.keys(row)).not.toContain('constructor');
      expect((row as Record<string, unknown>).polluted).toBeUndefined();
      expect((row as Record<string, unknown>).isAdmin).toBeUndefined();
    }
    // A meta value is data: whatever keys it holds stay plain own properties of plain objects.
    const value = (await db.meta.get('hostile'))?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
