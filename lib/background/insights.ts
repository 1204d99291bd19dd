import {
  addInteraction,
  classificationChanged,
  type CrmDatabase,
  customerLabels,
  type DataChange,
  purgeExpiredSnoozes,
  putHold,
  readAllHolds,
  readCustomerFacts,
  readFactsInPages,
  readHoldRows,
  readHolds,
  undoHold,
  writeClassifications,
  writeDerivedMeta,
} from '../db/index';
import {
  businessContextOf,
  endOfLocalDay,
  insightFromContext,
  compareItems,
  inCampaign,
  planFromInsights,
  planItem,
  NO_HOLDS,
  startRecompute,
  startOfLocalDay,
  toCustomerInsights,
  type BusinessContext,
  type BusinessSettings,
  type CustomerFacts,
  type CustomerInsight,
} from '../insights/index';
import { startBook, type DashboardBook } from '../insights/dashboard/book';
import { computeDashboard, dashboardMembers, type DashboardData } from '../insights/dashboard/dashboard';
import type { DashboardFilters } from '../insights/dashboard/filters';
import type { DashboardSelection } from '../insights/dashboard/segment';
import type { CampaignEntry, ConcentrationView, HeldSuggestion, InsightCard, OwnerAction, TodayEntry } from '../messaging/messages/insights';
import type { Customer, CustomerInsights } from '../model/records';
import type { DashboardBooks } from './dashboard-books';
import { doneInteraction, toInsightCard, todayItemOf, toTodayEntry } from './insight-views';
import { settingsChanged } from './changes';
import { AGENDA_KEY, CONTEXT_KEY, readAgenda, readContext, type Agenda } from './insight-store';

export const DAILY_ALARM = 'insights:daily';
/** A full recompute older than this is redone when the background starts. */
export const STALE_MS = 24 * 60 * 60 * 1000;
export const DEBOUNCE_MS = 2_000;
/**
 * After single writes the full recompute waits for a quiet minute: the written customer is
 * already current (classified against the stored business context), and one order or note
 * barely moves the rest, while a full recompute at 100,000 customers takes seconds during
 * which the next single write would wait.
 */
export const SINGLE_WRITE_QUIET_MS = 60_000;
/** A change event naming more customers than this is a bulk write: only the full recompute runs. */
export const SINGLE_WRITE_LIMIT = 10;
/** Room the full recompute's buffers start with (they grow past it). */
const RECOMPUTE_SIZE_HINT = 4_096;
/** Today's list keeps the most important entries only; the popup shows far fewer. */
export const AGENDA_SIZE = 200;

/** Tables whose rows are the insights' facts: customers, their orders and interactions, held suggestions. */
const FACT_TABLES: ReadonlySet<string> = new Set(['customers', 'orderBooks', 'interactions', 'suggestionHolds']);

export interface InsightsDeps {
  db: CrmDatabase;
  settings(): Promise<BusinessSettings>;
  now(): number;
  debounceMs?: number;
  singleWriteQuietMs?: number;
  /** The count of committed changes (./changes.ts), given to each card as it is read. */
  changeSeq?: () => number;
  /** Where the dashboard's book goes (./dashboard-books.ts); without it no book is built. */
  books?: DashboardBooks;
}

export type RecomputeSummary = {
  customers: number;
  orders: number;
  changed: number;
  ms: number;
  /**
   * Where the time went: database reads (with each customer's own part of the engine, done
   * page by page as the pages come in), the engine's business-wide rest, database writes.
   */
  phases: { readMs: number; computeMs: number; writeMs: number };
};
export type InsightsService = ReturnType<typeof createInsights>;

/**
 * The background's relationship intelligence. A full recompute (startup when stale, the daily
 * alarm, ~2 s after bulk writes) classifies every customer and stores the business-wide context;
 * a single write recomputes only that customer against the stored context at once, and the
 * debounced full recompute follows. Cards are computed on request from the customer's current
 * facts, so they are never older than the last write. All work runs one job at a time, so a
 * full recompute and a single update never write over each other. It hears writes through the
 * database's change signal (`onDataChanged`); its own writes are `derived`, so it does not hear
 * them again, and the pages hear them through the same signal.
 */
export function createInsights(deps: InsightsDeps) {
  const { db } = deps;
  let context: BusinessContext | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the pending full recompute is for a bulk write (then single writes leave it be). */
  let pendingBulk = false;
  /** A scheduled full recompute starts no earlier than this (an import is using the database). */
  let notBefore = 0;
  /** Each customer's latest refresh, and whether it has started (a change before it starts joins it). */
  const refreshes = new Map<string, { started: boolean; done: Promise<boolean> }>();

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function currentContext(): Promise<BusinessContext> {
    context ??= await readContext(db, CONTEXT_KEY);
    if (context) return context;
    await fullRecompute();
    if (!context) throw new Error('The insights could not be computed.');
    return context;
  }

  async function currentBook(): Promise<DashboardBook> {
    if (!deps.books) throw new Error('The dashboard is not available here.');
    const stored = await deps.books.get();
    if (stored) return stored;
    await serial(fullRecompute);
    const built = await deps.books.get();
    if (!built) throw new Error('The dashboard could not be computed.');
    return built;
  }

  async function fullRecompute(): Promise<RecomputeSummary> {
    // This run reads every write made before it: a scheduled one would only repeat it.
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
      pendingBulk = false;
    }
    const started = performance.now();
    const now = deps.now();
    const settings = await deps.settings();
    await purgeExpiredSnoozes(db, now);
    // Each customer's own part of the engine runs page by page while the next page is read.
    // The business's buying pattern is refitted starting from the last one.
    const previous = context ?? (await readContext(db, CONTEXT_KEY));
    const recompute = startRecompute(settings, now, RECOMPUTE_SIZE_HINT, previous?.buying);
    // The dashboard's book is collected from the same facts, in the same walk.
    const book = deps.books ? startBook(settings, now, RECOMPUTE_SIZE_HINT) : null;
    const customers: Customer[] = [];
    const { orders } = await readFactsInPages(db, (page) => {
      for (const facts of page) {
        recompute.add(facts);
        book?.add(facts);
        customers.push(facts.customer);
      }
    });
    const holds = await readAllHolds(db, now);
    const read = performance.now();
    const insights = recompute.finish(holds);
    if (book) void deps.books?.set(book.finish(insights.customers));
    const changes: { id: string; insights: CustomerInsights }[] = [];
    for (const customer of customers) {
      const insight = insights.customers.get(customer.id);
      if (!insight) continue;
      const next = toCustomerInsights(insight, now);
      if (classificationChanged(customer.insights, next)) changes.push({ id: customer.id, insights: next });
    }
    const computed = performance.now();
    await writeClassifications(db, changes);
    const labels = new Map(customers.map((c) => [c.id, c.emails[0] ?? null]));
    const plan = planFromInsights(insights, settings, now);
    const agenda: Agenda = {
      computedAt: now,
      entries: plan.items.slice(0, AGENDA_SIZE).map((item) => toTodayEntry(item, labels.get(item.customerId) ?? null, settings, now)),
      total: plan.items.length,
      campaign: plan.campaign.map((c) => ({ ...c, email: labels.get(c.customerId) ?? null })),
      owner: plan.owner,
    };
    const nextContext = businessContextOf(insights, now);
    await writeDerivedMeta(db, CONTEXT_KEY, nextContext);
    await writeDerivedMeta(db, AGENDA_KEY, agenda);
    context = nextContext;
    const done = performance.now();
    return {
      customers: customers.length,
      orders,
      changed: changes.length,
      ms: done - started,
      phases: { readMs: read - started, computeMs: computed - read, writeMs: done - computed },
    };
  }

  /** One customer's insight from their current facts; null when they no longer exist. */
  async function insightOf(
    customerId: string,
  ): Promise<{ insight: CustomerInsight; facts: CustomerFacts; settings: BusinessSettings; now: number } | null> {
    const ctx = await currentContext();
    const now = deps.now();
    const settings = await deps.settings();
    const facts = await readCustomerFacts(db, customerId);
    if (!facts) return null;
    const holds = await readHolds(db, customerId, now);
    return { insight: insightFromContext(facts, ctx, settings, now, holds), facts, settings, now };
  }

  /** After a single write: this customer's cached classification and today's entry, at once. */
  async function refreshCustomer(customerId: string): Promise<boolean> {
    const found = await insightOf(customerId);
    const agenda = await readAgenda(db, AGENDA_KEY);
    const before = agenda ? [...agenda.entries, ...agenda.campaign].filter((e) => e.customerId === customerId) : [];
    const entries = agenda ? agenda.entries.filter((e) => e.customerId !== customerId) : [];
    const campaign = agenda ? agenda.campaign.filter((e) => e.customerId !== customerId) : [];
    let total = agenda ? agenda.total - (agenda.entries.length - entries.length) : 0;
    let changed = false;
    if (found) {
      const { insight, facts, settings, now } = found;
      const next = toCustomerInsights(insight, now);
      if (classificationChanged(facts.customer.insights, next)) {
        await writeClassifications(db, [{ id: customerId, insights: next }]);
        changed = true;
      }
      const top = insight.suggestions[0];
      if (top && top.dueAt < endOfLocalDay(now, settings.businessHours.timeZone)) {
        const email = facts.customer.emails[0] ?? null;
        if (inCampaign(insight, top)) {
          const { figures } = insight;
          campaign.push({ customerId, name: insight.name, email, lastOrderAt: figures.lastOrderAt ?? 0, lifetimeMinor: figures.lifetimeMinor, currency: figures.currency });
        } else {
          const startOfToday = startOfLocalDay(now, settings.businessHours.timeZone);
          entries.push(toTodayEntry(planItem(insight, top, startOfToday, (await currentContext()).buying.orderValueMinor), email, settings, now));
          entries.sort((x, y) => compareItems(todayItemOf(x), todayItemOf(y)));
          total++;
        }
      }
    }
    const after = [...entries, ...campaign].filter((e) => e.customerId === customerId);
    // Unchanged: no write, so no change for the pages to reload for.
    if (agenda && JSON.stringify(before) !== JSON.stringify(after)) {
      await writeDerivedMeta(db, AGENDA_KEY, { ...agenda, entries: entries.slice(0, AGENDA_SIZE), total: Math.max(total, entries.length), campaign } satisfies Agenda);
    }
    return changed;
  }

  /**
   * Refreshes a customer after a change, in turn with the other work. A change that comes while
   * their refresh waits to start joins it; one that comes while it runs gets a refresh of its own.
   */
  function queueRefresh(customerId: string): Promise<boolean> {
    const waiting = refreshes.get(customerId);
    if (waiting && !waiting.started) return waiting.done;
    const entry: { started: boolean; done: Promise<boolean> } = { started: false, done: Promise.resolve(false) };
    entry.done = serial(() => {
      entry.started = true;
      return refreshCustomer(customerId);
    }).finally(() => {
      if (refreshes.get(customerId) === entry) refreshes.delete(customerId);
    });
    refreshes.set(customerId, entry);
    return entry.done;
  }

  /** Debounced: ~2 s after bulk writes, after a quiet minute for single writes. */
  function scheduleFull(bulk: boolean): void {
    if (timer !== null) {
      if (pendingBulk && !bulk) return;
      clearTimeout(timer);
    }
    pendingBulk = bulk;
    const run = () => {
      const wait = notBefore - deps.now();
      if (wait > 0) {
        timer = setTimeout(run, wait);
        return;
      }
      timer = null;
      void serial(fullRecompute).catch(logError);
    };
    timer = setTimeout(run, bulk ? (deps.debounceMs ?? DEBOUNCE_MS) : (deps.singleWriteQuietMs ?? SINGLE_WRITE_QUIET_MS));
  }

  /**
   * Card work for the handlers, after their write: the refresh the write's change queued (or one
   * of its own), then the card.
   */
  async function afterWrite(customerId: string): Promise<InsightCard> {
    await (refreshes.get(customerId)?.done ?? queueRefresh(customerId));
    const card = await cardFor(customerId);
    if (!card) throw new NotFound();
    return card;
  }

  async function cardFor(customerId: string): Promise<InsightCard | null> {
    // Taken before the reads: every change counted so far has committed, so the card shows it.
    const seq = deps.changeSeq?.();
    const found = await insightOf(customerId);
    if (!found) return null;
    const ctx = await currentContext();
    const card = toInsightCard(found.insight, found.settings, found.now, ctx.computedAt, await heldOf(found.facts, ctx, found.settings, found.now));
    return seq === undefined ? card : { ...card, seq };
  }

  /**
   * The suggestions the user snoozed or dismissed that would be shown otherwise (their facts
   * have not changed), with the title the engine gives them now, for the card's "1 snoozed".
   */
  async function heldOf(facts: CustomerFacts, ctx: BusinessContext, settings: BusinessSettings, now: number): Promise<HeldSuggestion[]> {
    const rows = (await readHoldRows(db, facts.customer.id)).filter((r) => r.kind === 'dismissed' || (r.kind === 'snoozed' && r.until !== null && r.until > now));
    if (rows.length === 0) return [];
    const offered = insightFromContext(facts, ctx, settings, now, NO_HOLDS).suggestions;
    return rows.flatMap((row) => {
      const suggestion = offered.find((s) => s.ruleId === row.ruleId && s.factsKey === row.factsKey);
      if (!suggestion || row.kind === 'done') return [];
      return [{ ruleId: suggestion.ruleId, factsKey: row.factsKey, title: suggestion.title, kind: row.kind, until: row.until }];
    });
  }

  async function holdFor(customerId: string, ruleId: string, factsKey?: string) {
    const found = await insightOf(customerId);
    if (!found) throw new NotFound();
    const suggestion = found.insight.suggestions.find((s) => s.ruleId === ruleId && (factsKey === undefined || s.factsKey === factsKey));
    if (!suggestion) throw new NotFound('This suggestion is no longer open.');
    return { suggestion, now: found.now };
  }

  return {
    /** On background start: a full recompute if the last one is missing or older than a day. */
    async start(): Promise<void> {
      const stored = await readContext(db, CONTEXT_KEY);
      if (!stored || deps.now() - stored.computedAt > STALE_MS) scheduleFull(true);
    },

    recompute: (): Promise<RecomputeSummary> => serial(fullRecompute),

    /**
     * Keeps a scheduled full recompute from starting for the next `ms` (the last call decides;
     * 0 lets it start). An import calls it as it begins, stages and commits: reading and
     * rewriting every customer meanwhile would compete with it for the database, and the
     * import's commit schedules a recompute anyway.
     */
    deferFull(ms: number): void {
      notBefore = deps.now() + Math.max(0, ms);
    },

    /**
     * A committed change (the database's change signal): a write of a few customers' facts
     * updates them now, any larger one (or new settings) schedules the full recompute.
     */
    onDataChanged(change: DataChange): void {
      if (change.origin === 'derived') return;
      if (settingsChanged(change)) {
        scheduleFull(true);
        return;
      }
      if (!change.tables.some((table) => FACT_TABLES.has(table))) return;
      const { customerIds } = change;
      const single = customerIds.length > 0 && customerIds.length <= SINGLE_WRITE_LIMIT;
      if (single) for (const id of customerIds) void queueRefresh(id).catch(logError);
      scheduleFull(!single);
    },

    card: cardFor,

    async done(customerId: string, ruleId: string): Promise<InsightCard> {
      const { suggestion, now } = await holdFor(customerId, ruleId);
      const logged = await addInteraction(db, { customerId, ...doneInteraction(suggestion), at: now }, now);
      await putHold(db, { customerId, ruleId, factsKey: suggestion.factsKey, kind: 'done', until: null, interactionId: logged.id }, now);
      return afterWrite(customerId);
    },

    async snooze(customerId: string, ruleId: string, factsKey: string, until: number): Promise<InsightCard> {
      const { now } = await holdFor(customerId, ruleId, factsKey);
      await putHold(db, { customerId, ruleId, factsKey, kind: 'snoozed', until }, now);
      return afterWrite(customerId);
    },

    async dismiss(customerId: string, ruleId: string, factsKey: string): Promise<InsightCard> {
      const { now } = await holdFor(customerId, ruleId, factsKey);
      await putHold(db, { customerId, ruleId, factsKey, kind: 'dismissed', until: null }, now);
      return afterWrite(customerId);
    },

    /** Takes back a Done (and what it logged), a Snooze or a Dismiss of these facts. */
    async undo(customerId: string, ruleId: string, factsKey: string): Promise<InsightCard> {
      await undoHold(db, customerId, ruleId, factsKey, deps.now());
      return afterWrite(customerId);
    },

    async today(limit?: number): Promise<{ computedAt: number | null; items: TodayEntry[]; total: number; planSize: number; campaign: number; owner: OwnerAction | null }> {
      const settings = await deps.settings();
      const tz = settings.businessHours.timeZone;
      let agenda = await readAgenda(db, AGENDA_KEY);
      // Computed before today began: suggestions due today may be missing. Once a day at most.
      if (!agenda || agenda.computedAt < startOfLocalDay(deps.now(), tz)) {
        await serial(fullRecompute);
        agenda = await readAgenda(db, AGENDA_KEY);
      }
      const planSize = settings.planSize;
      if (!agenda) return { computedAt: null, items: [], total: 0, planSize, campaign: 0, owner: null };
      const now = deps.now();
      const startOfToday = startOfLocalDay(now, tz);
      const endOfToday = endOfLocalDay(now, tz);
      const due = agenda.entries.filter((e) => e.suggestion.dueAt < endOfToday);
      const items = due.slice(0, limit ?? planSize).map((e) => ({ ...e, suggestion: { ...e.suggestion, overdue: e.suggestion.dueAt < startOfToday } }));
      return { computedAt: agenda.computedAt, items, total: Math.max(due.length, agenda.total - (agenda.entries.length - due.length)), planSize, campaign: agenda.campaign.length, owner: agenda.owner };
    },

    async campaign(): Promise<{ computedAt: number | null; entries: CampaignEntry[] }> {
      const agenda = await readAgenda(db, AGENDA_KEY);
      return agenda ? { computedAt: agenda.computedAt, entries: agenda.campaign } : { computedAt: null, entries: [] };
    },

    async concentration(): Promise<ConcentrationView | null> {
      const ctx = context ?? (await readContext(db, CONTEXT_KEY));
      if (!ctx) return null;
      const { concentration: c } = ctx;
      const labels = await customerLabels(db, c.topCustomerIds);
      return {
        computedAt: ctx.computedAt,
        currency: c.currency,
        totalMinor: c.totalMinor,
        top1Share: c.top1Share,
        top5Share: c.top5Share,
        top1Flagged: c.top1Flagged,
        top5Flagged: c.top5Flagged,
        top: c.topCustomerIds.map((id) => ({ customerId: id, name: labels.get(id)?.name.trim() || labels.get(id)?.emails[0] || 'Unnamed customer' })),
      };
    },

    /** The dashboard's figures for these filters, from the last full recompute's book (one is run when there is none). */
    async dashboard(filters: DashboardFilters): Promise<DashboardData> {
      const settings = await deps.settings();
      return computeDashboard(await currentBook(), filters, deps.now(), { cadenceDays: settings.cadenceDays, concentrationAlert: settings.concentrationAlert });
    },

    /** The ids of the customers behind one part of the dashboard. */
    async dashboardMembers(selection: DashboardSelection): Promise<string[]> {
      const settings = await deps.settings();
      return dashboardMembers(await currentBook(), selection.filters, selection.segment, deps.now(), { cadenceDays: settings.cadenceDays, concentrationAlert: settings.concentrationAlert });
    },

    /** Waits for queued work (tests). */
    async idle(): Promise<void> {
      await queue;
    },

    /** Runs a scheduled full recompute now instead of after the debounce (tests). */
    async flush(): Promise<void> {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      await serial(fullRecompute);
    },
  };
}

export class NotFound extends Error {
  constructor(message = 'This customer no longer exists.') {
    super(message);
    this.name = 'NotFound';
  }
}


function logError(error: unknown): void {
  console.error('Insights:', error);
}
