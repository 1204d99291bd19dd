import Dexie from 'dexie';
import { ZodError } from 'zod';

export const DB_ERROR_CODES = ['not_found', 'invalid', 'conflict', 'storage', 'read_only'] as const;
export type DbErrorCode = (typeof DB_ERROR_CODES)[number];

/**
 * The one error type the repository throws, so callers (the background router) can map it to a
 * protocol error without knowing Dexie. `existingId` names the record a `conflict` is about,
 * so the UI can offer to open it ("already a customer: Maria Jensen").
 */
export class DbError extends Error {
  override readonly name = 'DbError';

  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly existingId: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Dexie wraps IndexedDB failures: a full disk surfaces as QuotaExceededError, often inside an
 * AbortError's `inner`; a taken key is a ConstraintError, inside a BulkError's `failures` for
 * bulk writes. So the causes are looked for one level down as well.
 */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  if (error instanceof ZodError) {
    return new DbError('invalid', `A record failed validation: ${error.issues[0]?.message ?? 'invalid'}`);
  }
  const name = errorName(error);
  const causes = new Set([name, ...nestedErrors(error).map(errorName)]);
  if (causes.has('ConstraintError')) {
    return new DbError('conflict', 'A record with this id already exists.');
  }
  if (causes.has('QuotaExceededError')) {
    return new DbError('storage', 'The browser is out of storage space for the customer database.');
  }
  if (error instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
    return new DbError('storage', `The customer database failed (${name ?? 'unknown error'}).`);
  }
  return new DbError('storage', error instanceof Error ? error.message : 'The customer database failed.');
}

function nestedErrors(error: unknown): unknown[] {
  if (!(error instanceof Dexie.DexieError)) return [];
  const failures = 'failures' in error && Array.isArray(error.failures) ? (error.failures as unknown[]) : [];
  return [error.inner, ...failures];
}

function errorName(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('name' in error)) return null;
  return typeof error.name === 'string' ? error.name : null;
}

/** Runs a repository operation and turns whatever it throws into a DbError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDbError(error);
  }
}
