/**
 * The safety copies' place in the extension's Cache API storage, and reading one back, without
 * zod: the sidebar's and the manager's recovery screens read copies directly (they share the
 * extension's origin); what is in a copy is checked by the restore path like any backup file.
 */

export const SAFETY_CACHE = 'crm-safety';
/** Cache keys must be http(s) URLs; `.invalid` never resolves, so nothing is ever fetched. */
const BASE = 'https://local-crm.invalid/';
export const MARKER_URL = `${BASE}marker`;
export const SNAPSHOT_PREFIX = `${BASE}snapshot/`;
/** The response header that carries a copy's description (lib/safety/store.ts, SnapshotInfo). */
export const SNAPSHOT_INFO_HEADER = 'x-crm-snapshot';

/** The parts of CacheStorage used here (`caches` fits; tests pass a stand-in). */
export interface CacheStorageLike {
  open(name: string): Promise<Pick<Cache, 'put' | 'match' | 'keys' | 'delete'>>;
}

/** A copy as the backup file it holds (JSON), or null when it is not there. */
export async function readCopy(storage: CacheStorageLike, id: string): Promise<Blob | null> {
  const response = await (await storage.open(SAFETY_CACHE)).match(SNAPSHOT_PREFIX + id);
  if (!response?.body) return null;
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).blob();
}
