import { z } from 'zod';
import { MARKER_URL, SAFETY_CACHE, SNAPSHOT_INFO_HEADER as INFO_HEADER, SNAPSHOT_PREFIX, type CacheStorageLike } from './copies';
import { BookCounts, parseMarker, type BookMarker } from './marker';

export type { CacheStorageLike } from './copies';

/**
 * Where the background keeps what must outlive the database: the marker of what the book held
 * (./marker.ts) and the rolling safety copies (./snapshots.ts). The Cache API of the extension's
 * own origin: apart from IndexedDB on disk (a damaged database leaves it whole), out of every
 * content script's and web page's reach (they run in the page's origin), and readable by the
 * extension's pages, which restore a copy through the ordinary restore path.
 */


export const SnapshotInfo = z.object({
  /** The day it stands for, `YYYY-MM-DD` (UTC): one copy a day, a later one that day replaces it. */
  id: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  takenAt: z.number(),
  schema: z.number().int(),
  counts: BookCounts,
  /** Rows in the copy, every table together. */
  rows: z.number().int().min(0),
  /** Its size on disk, compressed. */
  bytes: z.number().int().min(0),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

export interface SafetyStore {
  readMarker(): Promise<BookMarker | null>;
  writeMarker(marker: BookMarker): Promise<void>;
  /** Newest first. */
  listSnapshots(): Promise<SnapshotInfo[]>;
  putSnapshot(info: SnapshotInfo, gzipped: Blob): Promise<void>;
  deleteSnapshot(id: string): Promise<void>;
}

export function cacheSafetyStore(storage: CacheStorageLike): SafetyStore {
  const open = () => storage.open(SAFETY_CACHE);
  return {
    async readMarker() {
      const response = await (await open()).match(MARKER_URL);
      if (!response) return null;
      try {
        return parseMarker(await response.json());
      } catch {
        return null;
      }
    },
    async writeMarker(marker) {
      await (await open()).put(MARKER_URL, new Response(JSON.stringify(marker), { headers: { 'content-type': 'application/json' } }));
    },
    async listSnapshots() {
      const cache = await open();
      const infos: SnapshotInfo[] = [];
      for (const request of await cache.keys()) {
        if (!request.url.startsWith(SNAPSHOT_PREFIX)) continue;
        const header = (await cache.match(request))?.headers.get(INFO_HEADER);
        const info = header ? SnapshotInfo.safeParse(safeJson(header)) : null;
        if (info?.success) infos.push(info.data);
      }
      return infos.sort((a, b) => b.takenAt - a.takenAt);
    },
    async putSnapshot(info, gzipped) {
      const headers = { 'content-type': 'application/gzip', [INFO_HEADER]: JSON.stringify(info) };
      await (await open()).put(SNAPSHOT_PREFIX + info.id, new Response(gzipped, { headers }));
    },
    async deleteSnapshot(id) {
      await (await open()).delete(SNAPSHOT_PREFIX + id);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
