import { signal, type Signal } from '@preact/signals';
import { normalizeEmail } from '../email/normalize';
import type { InteractionKind } from '../model/records';
import type { ConsentPatch, CustomerCard, NewCustomer, PushEvent, SiteContext, TabContext, TabPerson } from '../messaging/protocol';
import { concerns } from '../messaging/push';
import { pickPerson } from './pick-person';

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

  /** `prefetched`: a card that came with the context; used when it is this person's. */
  async function showPerson(person: TabPerson, people: TabPerson[], gen: number, quiet: boolean, prefetched: CustomerCard | null = null) {
    selectedEmail = person.email;
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
   * Whether a data push may change what the sidebar shows: the page's customers, the one
   * opened, the page's company's contacts; or, while someone on the page is not a customer yet,
   * any written customer (they may just have become one).
   */
  function affected(event: PushEvent & { type: 'data' }): boolean {
    if (event.all) return true;
    if (event.customerIds.length === 0) return false;
    const people = context?.people ?? [];
    if (people.some((p) => p.customerId === null)) return true;
    const contacts = site.value?.company?.contacts.map((c) => c.customerId) ?? [];
    return concerns(event, [...people.map((p) => p.customerId), opened?.customerId ?? null, selectedCustomerId(), ...contacts]);
  }

  /**
   * The background's pushes: the tab's page changed, or data did. Writes made here are seen the
   * same way (every write reaches the pages through the change signal), so they do not
   * refresh by themselves.
   */
  function onEvent(event: PushEvent) {
    if (event.type === 'context') void refresh(false);
    else if (affected(event)) void refresh(true);
  }

  async function createCustomer(input: NewCustomer) {
    await api.createCustomer(input);
    selectedEmail = normalizeEmail(input.email);
    await refresh(false);
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
