import { tagOrigin } from './changes';
import type { CrmDatabase } from './schema';
import { guard } from './errors';

/**
 * When this browser's book first held a customer. The manager's backup reminder counts from
 * there: a book made today is not yet due for a backup, whatever dates its customers carry (an
 * import or the sample brings customers "since 2019").
 */
export const FIRST_DATA_KEY = 'book:firstData';

export function readFirstDataAt(db: CrmDatabase): Promise<number | null> {
  return guard(async () => {
    const value = (await db.meta.get(FIRST_DATA_KEY))?.value;
    return typeof value === 'number' ? value : null;
  });
}

/** Records `now` as the first-data time unless one is recorded already; returns the recorded time. */
export function markFirstData(db: CrmDatabase, now: number): Promise<number> {
  return guard(() =>
    db.transaction('rw', db.meta, async (tx) => {
      // Kept state about the book, not a change anyone made: the insights need not hear it.
      tagOrigin(tx, 'derived');
      const value = (await db.meta.get(FIRST_DATA_KEY))?.value;
      if (typeof value === 'number') return value;
      await db.meta.put({ key: FIRST_DATA_KEY, value: now });
      return now;
    }),
  );
}
