import { signal, type Signal } from '@preact/signals';
import { normalizeEmail } from '../email/normalize';
import type { InteractionKind } from '../model/records';
import type { ConsentPatch, CustomerCard, NewCustomer, PushEvent, SiteContext, TabContext, TabPerson } from '../messaging/protocol';
import { concerns } from '../messaging/push';
import { pickPerson } from '../messaging/pick-person';

/** What the sidebar store needs from the extension: requests and pushed events. */
export interface SidebarApi {
  /**
   * The tab's people; `card` is the card of the person `pickPerson(people, keep)` picks, when a
   * customer (optional: without it the store asks `card` for it).
   */
  context(keep: string | null): Promise<TabContext & { card?: CustomerCard | null }>;
  card(customerId: string): Promise<CustomerCard>;
  createCustomer(input: NewCustomer): Promise<{ customerId: string }>;
  addNote(customerId: string, body: string): Promise<unknown>;
  updateNote(id: string, patch: { body?: string; pinned?: boolean }): Promise<unknown>;
  deleteNote(id: string): Promise<unknown>;
  logInteraction?(customerId: string, kind: InteractionKind, summary: string): Promise<unknown>;
  /** Do-not-contact and marketing permission from the card; optional for older callers. */
  setConsent?(customerId: string, consent: ConsentPatch): Promise<unknown>;
  setCollapsed(collapsed: boolean): Promise<unknown>;
  /** The tab's site and the company of its page (sites beyond Gmail); optional for older callers. */
  siteContext?(): Promise<SiteContext>;
}

export type CardState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'card'; card: CustomerCard }
  | { kind: 'unknown'; person: TabPerson; prefill: { name: string; email: string; companyName: string | null } };

export type SidebarState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'empty'; view: TabContext['view'] }
  | { kind: 'people'; people: TabPerson[]; selectedEmail: string; card: CardState };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The sidebar's state and its transitions. Replies are applied only if they are still the
 * newest request (a slow card for the previous thread never overwrites the current one).
 */
export function createSidebarStore(api: SidebarApi) {
  const state: Signal<SidebarState> = signal({ kind: 'loading' });
  /** The page's site and company; null until known or when it cannot be loaded (the card is extra). */
  const site: Signal<SiteContext | null> = signal(null);
  let context: TabContext | null = null;
  let selectedEmail: string | null = null;
  /**
   * A customer opened who is not among the page's people (from the search or a company card).
   * Kept across data refreshes (a note added to them), dropped when the page's people change.
   */
  let opened: TabPerson | null = null;
  let generation = 0;
  /** Counts requests for the site alone, so an older answer never overwrites a newer one. */
  let siteGeneration = 0;
  /** Counts reloads of the shown card alone (a push naming only the customer shown). */
  let cardGeneration = 0;

  /** `prefetched`: a card that came with the context; used when it is this person's. */
  async function showPerson(person: TabPerson, people: TabPerson[], gen: number, quiet: boolean, prefetched: CustomerCard | null = null) {
    selectedEmail = person.email;
    cardGeneration++;
    if (person.customerId === null) {
      state.value = {
        kind: 'people',
        people,
        selectedEmail: person.email,
        card: {
          kind: 'unknown',
          person,
          prefill: { name: person.name, email: person.email, companyName: person.companyGuess },
        },
      };
      return;
    }
    if (prefetched && prefetched.customer.id === person.customerId) {
      state.value = { kind: 'people', people, selectedEmail: person.email, card: { kind: 'card', card: prefetched } };
      return;
    }
    const current = state.value;
    const keepCard = quiet && current.kind === 'people' && current.selectedEmail === person.email;
    if (!keepCard) state.value = { kind: 'people', people, selectedEmail: person.email, card: { kind: 'loading' } };
    else state.value = { ...current, people };
    let card: CardState;
    try {
      card = { kind: 'card', card: await api.card(person.customerId) };
    } catch (error) {
      card = { kind: 'error', message: message(error) };
    }
    if (gen !== generation) return;
    state.value = { kind: 'people', people, selectedEmail: person.email, card };
  }

  /** Reloads the tab's people and the selected card; `quiet` keeps the card while it refreshes. */
  async function refresh(quiet = false) {
    const gen = ++generation;
    let next: TabContext & { card?: CustomerCard | null };
    const nextSite = api.siteContext ? api.siteContext().catch(() => null) : Promise.resolve(null);
    try {
      next = await api.context(selectedEmail);
    } catch (error) {
      if (gen === generation) state.value = { kind: 'error', message: message(error) };
      return;
    }
    const siteValue = await nextSite;
    if (gen !== generation) return;
    site.value = siteValue;
    if (context && context.threadId !== next.threadId) selectedEmail = null;
    context = next;
    if (!quiet) opened = null;
    if (opened) {
      await showPerson(opened, next.people, gen, quiet);
      return;
    }
    const person = pickPerson(next.people, selectedEmail);
    if (!person) {
      selectedEmail = null;
      state.value = { kind: 'empty', view: next.view };
      return;
    }
    await showPerson(person, next.people, gen, quiet, next.card ?? null);
  }

  /** Opens a customer who may not be among the page's people (a company contact). */
  function openCustomer(customerId: string, email: string | null) {
    const people = context?.people ?? [];
    const onPage = people.find((p) => p.customerId === customerId);
    if (onPage) return select(onPage.email);
    const person: TabPerson = { email: email ?? '', name: '', roles: [], customerId, customerName: null, companyGuess: null };
    opened = person;
    void showPerson(person, people, ++generation, false);
  }

  function select(email: string) {
    opened = null;
    const people = context?.people ?? [];
    const person = people.find((p) => p.email === email);
    if (!person) return;
    void showPerson(person, people, ++generation, false);
  }

  /**
   * What a data push asks to reload, from the customers it names: the page's people (their
   * names, or someone on the page who may just have become a customer) need the tab's context;
   * the customer shown needs only their card; the page's company's contacts only the site's card.
   */
  function reloadsFor(event: PushEvent & { type: 'data' }): { context: boolean; card: string | null; site: boolean } {
    if (event.all) return { context: true, card: null, site: false };
    const none = { context: false, card: null, site: false };
    if (event.customerIds.length === 0) return none;
    const people = context?.people ?? [];
    const shown = shownCustomerId();
    const others = people.flatMap((p) => (p.customerId === null || p.customerId === shown ? [] : [p.customerId]));
    if (people.some((p) => p.customerId === null) || concerns(event, others)) return { context: true, card: null, site: false };
    const contacts = site.value?.company?.contacts.map((c) => c.customerId) ?? [];
    return { context: false, card: shown !== null && concerns(event, [shown]) ? shown : null, site: concerns(event, contacts) };
  }

  /**
   * Reloads the shown customer's card alone. A new name shows on their chip too; an address
   * gone from the card may change who on the page is whom, so then the whole context reloads.
   */
  async function reloadCard(customerId: string) {
    const gen = ++cardGeneration;
    let card: CardState;
    try {
      card = { kind: 'card', card: await api.card(customerId) };
    } catch (error) {
      card = { kind: 'error', message: message(error) };
    }
    const current = state.value;
    if (gen !== cardGeneration || current.kind !== 'people' || shownCustomerId() !== customerId) return;
    if (card.kind === 'error') {
      state.value = { ...current, card };
      return;
    }
    const customer = card.card.customer;
    const onPage = current.people.find((p) => p.email === current.selectedEmail && p.customerId === customerId);
    if (onPage && !customer.emails.includes(onPage.email)) {
      void refresh(true);
      return;
    }
    const people = current.people.map((p) => (p.customerId === customerId ? { ...p, customerName: customer.name } : p));
    if (context) context = { ...context, people };
    state.value = { ...current, people, card };
  }

  /** Loads the page's site and company alone (a push naming one of the company's contacts). */
  async function refreshSite() {
    if (!api.siteContext) return;
    const gen = ++siteGeneration;
    const value = await api.siteContext().catch(() => null);
    // A later request for it brings a newer answer.
    if (gen === siteGeneration) site.value = value;
  }

  /**
   * The background's pushes: the tab's page changed, or data did; a data push is applied by the
   * customers it names (reloadsFor). Writes made here are seen the same way (every write
   * reaches the pages through the change signal), so they do not refresh by themselves.
   */
  function onEvent(event: PushEvent) {
    if (event.type === 'context') {
      void refresh(false);
      return;
    }
    const reloads = reloadsFor(event);
    if (reloads.context) {
      void refresh(true);
      return;
    }
    if (reloads.card !== null) void reloadCard(reloads.card);
    if (reloads.site) void refreshSite();
  }

  /**
   * Adds the person on the page as a customer and shows them: the selection moves to them
   * before the write, and the push the write sends (it names the new customer while someone on
   * the page is not one) reloads the context, once.
   */
  async function createCustomer(input: NewCustomer) {
    const before = { selectedEmail, opened };
    selectedEmail = normalizeEmail(input.email);
    opened = null;
    try {
      await api.createCustomer(input);
    } catch (error) {
      if (selectedEmail === normalizeEmail(input.email)) ({ selectedEmail, opened } = before);
      throw error;
    }
  }

  /** The customer whose card is shown, or is loading or failed to load. */
  function shownCustomerId(): string | null {
    const current = state.value;
    if (current.kind !== 'people') return null;
    if (current.card.kind === 'card') return current.card.card.customer.id;
    if (opened) return opened.customerId;
    return current.people.find((p) => p.email === current.selectedEmail)?.customerId ?? null;
  }

  function selectedCustomerId(): string | null {
    const current = state.value;
    return current.kind === 'people' && current.card.kind === 'card' ? current.card.card.customer.id : null;
  }

  return {
    state,
    site,
    refresh,
    select,
    openCustomer,
    onEvent,
    createCustomer,
    selectedCustomerId,
    addNote: async (customerId: string, body: string) => {
      await api.addNote(customerId, body);
    },
    updateNote: async (id: string, patch: { body?: string; pinned?: boolean }) => {
      await api.updateNote(id, patch);
    },
    logInteraction: async (customerId: string, kind: InteractionKind, summary: string) => {
      if (!api.logInteraction) throw new Error('Logging interactions is not available here.');
      await api.logInteraction(customerId, kind, summary);
    },
    setConsent: async (customerId: string, consent: ConsentPatch) => {
      if (!api.setConsent) throw new Error('Consent cannot be changed here.');
      await api.setConsent(customerId, consent);
    },
    deleteNote: async (id: string) => {
      await api.deleteNote(id);
    },
    collapse: () => void api.setCollapsed(true).catch(() => undefined),
  };
}

export type SidebarStore = ReturnType<typeof createSidebarStore>;
