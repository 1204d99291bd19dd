import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DbError, toDbError } from '../../../lib/db/errors';

describe('toDbError', () => {
  it('maps a quota error to storage when Dexie wraps it in an abort', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    const abort = new Dexie.AbortError('Transaction aborted', quota);
    expect(toDbError(abort).code).toBe('storage');
    expect(toDbError(new Dexie.QuotaExceededError('full')).code).toBe('storage');
  });

  it('maps a closed database to storage', () => {
    expect(toDbError(new Dexie.DatabaseClosedError('closed')).code).toBe('storage');
  });

  it('maps a taken key to conflict and a zod failure to invalid', () => {
    expect(toDbError(new Dexie.ConstraintError('Key already exists')).code).toBe('conflict');
    const zodError = z.string().safeParse(1).error;
    expect(toDbError(zodError).code).toBe('invalid');
  });

  it('passes a DbError through unchanged', () => {
    const error = new DbError('conflict', 'taken', 'c1');
    expect(toDbError(error)).toBe(error);
  });
});
