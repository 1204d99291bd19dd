import type { CacheStorageLike } from '../../../lib/safety/store';

/**
 * CacheStorage as the extension's pages and service worker have it, over Maps: Node has Request
 * and Response but no Cache API. Bodies are kept as the browser keeps them (read once per match).
 */
export function fakeCaches(): CacheStorageLike & { entries(name: string): number } {
  const caches = new Map<string, Map<string, { body: ArrayBuffer; headers: [string, string][] }>>();
  const cacheOf = (name: string) => caches.get(name) ?? caches.set(name, new Map()).get(name)!;
  const url = (request: RequestInfo | URL) => (typeof request === 'string' ? request : request instanceof URL ? request.href : request.url);
  return {
    entries: (name) => cacheOf(name).size,
    async open(name) {
      const cache = cacheOf(name);
      return {
        async put(request: RequestInfo | URL, response: Response) {
          cache.set(url(request), { body: await response.arrayBuffer(), headers: [...response.headers] });
        },
        async match(request: RequestInfo | URL) {
          const entry = cache.get(url(request));
          return entry ? new Response(entry.body.slice(0), { headers: entry.headers }) : undefined;
        },
        async keys() {
          return [...cache.keys()].map((key) => new Request(key));
        },
        async delete(request: RequestInfo | URL) {
          return cache.delete(url(request));
        },
      } as unknown as Cache;
    },
  };
}
