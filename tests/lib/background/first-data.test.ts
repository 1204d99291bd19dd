import { describe, expect, it } from 'vitest';
import { watchFirstData } from '../../../lib/background/first-data';
import { markFirstData, readFirstDataAt, writeDerivedMeta } from '../../../lib/db/index';
import { DAY, freshDatabase, makeCustomer, NOW } from '../db/factories';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the first-data record (when the book first held a customer)', () => {
  it('keeps the first time it is given', async () => {
    const db = freshDatabase();
    expect(await readFirstDataAt(db)).toBeNull();
    expect(await markFirstData(db, NOW)).toBe(NOW);
    expect(await markFirstData(db, NOW + DAY)).toBe(NOW);
    expect(await readFirstDataAt(db)).toBe(NOW);
  });

  it('is recorded at the first customer written, not at their own (older) dates nor at derived writes', async () => {
    const db = freshDatabase();
    let clock = NOW;
    const stop = watchFirstData(db, () => clock);
    await settle();
    await writeDerivedMeta(db, 'insights:agenda', { computedAt: NOW, entries: [] });
    await settle();
    expect(await readFirstDataAt(db)).toBeNull();

    // A customer "since" 400 days ago, written today (as an import or the sample writes them).
    await db.customers.put(makeCustomer({ createdAt: NOW - 400 * DAY }));
    await settle();
    expect(await readFirstDataAt(db)).toBe(NOW);

    clock = NOW + 5 * DAY;
    await db.customers.put(makeCustomer());
    await settle();
    expect(await readFirstDataAt(db)).toBe(NOW);
    stop();
  });

  it('dates a book made before the record by its earliest customer', async () => {
    const db = freshDatabase();
    await db.customers.bulkPut([makeCustomer({ createdAt: NOW - 90 * DAY }), makeCustomer({ createdAt: NOW - 200 * DAY })]);
    const stop = watchFirstData(db, () => NOW);
    await settle();
    expect(await readFirstDataAt(db)).toBe(NOW - 200 * DAY);
    stop();
  });
});
