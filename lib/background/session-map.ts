/** The parts of `storage.session` a SessionMap uses (a `browser.storage.session` fits). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * A per-tab map kept in memory and mirrored to `storage.session` (when the browser has it):
 * an MV3 service worker may be stopped between a content script's report and the sidebar's
 * request, and must find the tab's facts again when it wakes.
 */
export class SessionMap<V> {
  private readonly values = new Map<number, V>();

  constructor(
    private readonly session: SessionArea | null,
    private readonly prefix: string,
    /** Checks a value read back from storage; a value that fails it counts as absent. */
    private readonly accept: (value: unknown) => value is V,
  ) {}

  async set(tabId: number, value: V): Promise<void> {
    this.values.set(tabId, value);
    await this.session?.set({ [this.key(tabId)]: value }).catch(() => undefined);
  }

  async get(tabId: number): Promise<V | null> {
    const known = this.values.get(tabId);
    if (known !== undefined) return known;
    const stored = (await this.session?.get(this.key(tabId)).catch(() => undefined))?.[this.key(tabId)];
    if (!this.accept(stored)) return null;
    this.values.set(tabId, stored);
    return stored;
  }

  async delete(tabId: number): Promise<void> {
    this.values.delete(tabId);
    await this.session?.remove(this.key(tabId)).catch(() => undefined);
  }

  private key(tabId: number): string {
    return `${this.prefix}:${tabId}`;
  }
}
