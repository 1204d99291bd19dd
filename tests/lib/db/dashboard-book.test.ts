import { describe, expect, it } from 'vitest';
import { readDashboardBook, writeDashboardBook } from '../../../lib/db/index';
import { buildBook } from '../../../lib/insights/dashboard/book';
import { DEFAULT_SETTINGS, recomputeAll } from '../../../lib/insights/index';
import { generateBook } from '../insights/generate';
import { NOW } from '../insights/factories';
import { freshDatabase } from './factories';

describe('dashboard book', () => {
  it('reads back the book it stored, typed arrays and all', async () => {
    const db = freshDatabase();
    expect(await readDashboardBook(db)).toBeNull();
    const all = generateBook(50, 400, 3);
    const book = buildBook(all, recomputeAll(all, DEFAULT_SETTINGS, NOW).customers, DEFAULT_SETTINGS, NOW);
    await writeDashboardBook(db, book);
    const read = await readDashboardBook(db);
    expect(read).toEqual(book);
    expect(read?.orderMinor).toBeInstanceOf(Float64Array);
    db.close();
  });

  it('reads a row of another shape as none, so the next recompute writes it anew', async () => {
    const db = freshDatabase();
    const book = buildBook([], new Map(), DEFAULT_SETTINGS, NOW);
    await db.dashboardBooks.put({ key: 'book', version: 1, book: { ...book, orderStart: [0] as unknown as Uint32Array } });
    expect(await readDashboardBook(db)).toBeNull();
    await db.dashboardBooks.put({ key: 'book', version: 0, book });
    expect(await readDashboardBook(db)).toBeNull();
    db.close();
  });
});
