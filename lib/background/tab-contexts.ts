import { normalizeEmail } from '../email/normalize';
import type { PageReport, PersonRole, PageView } from '../messaging/protocol';
import type { SiteId } from '../sites/registry';
import { SessionMap, type SessionArea } from './session-map';

/** What a tab's content script last reported, normalized; never holds customer records. */
export interface TabState {
  /** The site whose adapter reported (optional: states stored before sites were named in them). */
  site?: SiteId;
  view: PageView;
  threadId: string | null;
  people: { email: string; name: string; roles: PersonRole[] }[];
  seq: number;
  /** Selector counts when the site's adapter found no one where people should be. */
  drift?: Record<string, number> | null;
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
  return { site: report.site, view: report.view, threadId: report.threadId, people: [...byEmail.values()], seq, drift: report.drift?.counts ?? null };
}

/** Which site a tab's content script runs for, and its page's host. */
export interface SitePage {
  site: SiteId;
  host: string | null;
}

// Values read back from storage.session were written by this class; a shape check suffices.
const isObject = <T>(value: unknown): value is T => typeof value === 'object' && value !== null;
const isToken = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * How long a framed sidebar's request waits for its tab's registration: the content script
 * sends the token before it mounts the frame, but the frame loads in parallel, and its first
 * request may reach a background that has not handled the registration yet.
 */
export const FRAME_REGISTRATION_WAIT_MS = 1000;

/**
 * Per-tab facts from the tab's content script: the people it found, the site and host it runs
 * on, and the token of the sidebar frame it mounted. Forgotten together when the tab closes.
 */
export class TabContexts {
  private readonly states: SessionMap<TabState>;
  private readonly sites: SessionMap<SitePage>;
  private readonly frames: SessionMap<string>;
  private seq = 0;
  /** Counts registrations, so a waiting check never misses one that landed while it read. */
  private registrations = 0;
  private readonly waiting = new Set<() => void>();

  constructor(session: SessionArea | null) {
    this.states = new SessionMap(session, 'tab', isObject<TabState>);
    this.sites = new SessionMap(session, 'site', isObject<SitePage>);
    this.frames = new SessionMap(session, 'frame', isToken);
  }

  async report(tabId: number, report: PageReport, ownAddresses: ReadonlySet<string>): Promise<TabState> {
    this.seq = Math.max(this.seq, Date.now()) + 1;
    const state = toTabState(report, ownAddresses, this.seq);
    // Kept in memory at once; the copy in storage.session (for a restarted worker) is not waited for.
    void this.states.set(tabId, state);
    return state;
  }

  get(tabId: number): Promise<TabState | null> {
    return this.states.get(tabId);
  }

  setSite(tabId: number, page: SitePage): Promise<void> {
    return this.sites.set(tabId, page);
  }

  site(tabId: number): Promise<SitePage | null> {
    return this.sites.get(tabId);
  }

  /**
   * The token of the sidebar frame the tab's content script mounted (in the frame's URL, inside
   * a closed shadow root). A sidebar page framed by anything else has no token and is refused,
   * so a page that learned the sidebar's URL cannot frame it and trick the user into acting.
   */
  registerFrame(tabId: number, token: string): Promise<void> {
    const stored = this.frames.set(tabId, token);
    this.registrations++;
    for (const wake of [...this.waiting]) wake();
    return stored;
  }

  /**
   * Whether `token` is the one the tab registered. A token that does not match yet is given
   * `waitMs` for the registration to arrive (never an answer without the matching token).
   */
  async frameAllowed(tabId: number, token: unknown, waitMs = FRAME_REGISTRATION_WAIT_MS): Promise<boolean> {
    if (!isToken(token)) return false;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const seen = this.registrations;
      if ((await this.frames.get(tabId)) === token) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (seen === this.registrations) await this.nextRegistration(left);
    }
  }

  private nextRegistration(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiting.add(wake);
    });
  }

  async forget(tabId: number): Promise<void> {
    await Promise.all([this.states.delete(tabId), this.sites.delete(tabId), this.frames.delete(tabId)]);
  }
}

export type { SessionArea } from './session-map';
