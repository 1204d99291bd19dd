import { normalizeEmail } from '../email/normalize';
import type { PageReport, PersonRole, PageView } from '../messaging/protocol';

/** What a tab's content script last reported, normalized; never holds customer records. */
export interface TabState {
  view: PageView;
  threadId: string | null;
  people: { email: string; name: string; roles: PersonRole[] }[];
  seq: number;
}

/**
 * Normalizes a report: addresses normalized and de-duplicated (roles merged, the best name
 * kept), the user's own addresses (the page's signed-in user and the configured ones) left out.
 */
export function toTabState(report: PageReport, ownAddresses: ReadonlySet<string>, seq: number): TabState {
  const self = report.self === null ? null : normalizeEmail(report.self);
  const byEmail = new Map<string, { email: string; name: string; roles: PersonRole[] }>();
  for (const person of report.people) {
    const email = normalizeEmail(person.email);
    if (email === null || email === self || ownAddresses.has(email)) continue;
    const name = person.name.trim();
    const known = byEmail.get(email);
    if (!known) {
      byEmail.set(email, { email, name, roles: [person.role] });
      continue;
    }
    if (!known.roles.includes(person.role)) known.roles.push(person.role);
    if (!known.name && name) known.name = name;
  }
  return { view: report.view, threadId: report.threadId, people: [...byEmail.values()], seq };
}

/**
 * Per-tab page state. Kept in memory and mirrored to `storage.session` (when the browser has
 * it) because an MV3 service worker may be stopped between a report and the sidebar's request.
 */
export class TabContexts {
  private readonly states = new Map<number, TabState>();
  private readonly frames = new Map<number, string>();
  private seq = 0;

  constructor(private readonly session: SessionArea | null) {}

  async report(tabId: number, report: PageReport, ownAddresses: ReadonlySet<string>): Promise<TabState> {
    this.seq = Math.max(this.seq, Date.now()) + 1;
    const state = toTabState(report, ownAddresses, this.seq);
    this.states.set(tabId, state);
    await this.session?.set({ [key(tabId)]: state }).catch(() => undefined);
    return state;
  }

  async get(tabId: number): Promise<TabState | null> {
    const inMemory = this.states.get(tabId);
    if (inMemory) return inMemory;
    const stored = await this.session?.get(key(tabId)).catch(() => undefined);
    const state = stored?.[key(tabId)] as TabState | undefined;
    if (state) this.states.set(tabId, state);
    return state ?? null;
  }

  /**
   * The token of the sidebar frame the tab's content script mounted (in the frame's URL, inside
   * a closed shadow root). A sidebar page framed by anything else has no token and is refused,
   * so a page that learned the sidebar's URL cannot frame it and trick the user into acting.
   */
  async registerFrame(tabId: number, token: string): Promise<void> {
    this.frames.set(tabId, token);
    await this.session?.set({ [frameKey(tabId)]: token }).catch(() => undefined);
  }

  async frameAllowed(tabId: number, token: unknown): Promise<boolean> {
    if (typeof token !== 'string' || token === '') return false;
    let known = this.frames.get(tabId);
    if (known === undefined) {
      const stored = await this.session?.get(frameKey(tabId)).catch(() => undefined);
      known = typeof stored?.[frameKey(tabId)] === 'string' ? (stored[frameKey(tabId)] as string) : undefined;
      if (known !== undefined) this.frames.set(tabId, known);
    }
    return known === token;
  }

  async forget(tabId: number): Promise<void> {
    this.states.delete(tabId);
    this.frames.delete(tabId);
    await this.session?.remove(key(tabId)).catch(() => undefined);
    await this.session?.remove(frameKey(tabId)).catch(() => undefined);
  }
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const key = (tabId: number) => `tab:${tabId}`;
const frameKey = (tabId: number) => `frame:${tabId}`;
