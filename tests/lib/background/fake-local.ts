/** An in-memory stand-in for `storage.local` over a Map the test can inspect. */
export function fakeLocal(store: Map<string, unknown> = new Map()) {
  return {
    get: async (keys: string | string[]) =>
      Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => store.has(k)).map((k) => [k, store.get(k)])),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
  };
}
