/**
 * The sidebar context of each tab's latest report, worked out as the report arrives: the
 * content script reports the page while the sidebar frame is still loading, so the sidebar's
 * first request finds its people matched and its card read already.
 *
 * An entry serves one request, for that report only, and every data change drops them all
 * (the background calls `clear` on each data push): a prepared answer is never older than
 * the last change the sidebars were told about.
 */
export class PreparedContexts<T> {
  private readonly entries = new Map<number, { seq: number; value: Promise<T | null> }>();

  prepare(tabId: number, seq: number, work: () => Promise<T>): void {
    this.entries.set(tabId, { seq, value: work().catch(() => null) });
  }

  /** The context prepared for this report of the tab, once; null when there is none (anymore). */
  take(tabId: number, seq: number): Promise<T | null> | null {
    const entry = this.entries.get(tabId);
    if (!entry || entry.seq !== seq) return null;
    this.entries.delete(tabId);
    return entry.value;
  }

  forget(tabId: number): void {
    this.entries.delete(tabId);
  }

  clear(): void {
    this.entries.clear();
  }
}
