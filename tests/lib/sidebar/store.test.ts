import { describe, expect, it, vi } from 'vitest';
import type { CustomerCard, SiteContext, TabContext, TabPerson } from '../../../lib/messaging/protocol';
import { customerDefaults } from '../../../lib/model/records';
import { createSidebarStore, type SidebarApi } from '../../../lib/sidebar/store';

function person(email: string, customerId: string | null, name = '', companyGuess: string | null = null): TabPerson {
  return { email, name, roles: ['from'], customerId, customerName: customerId ? name : null, companyGuess };
}

function context(people: TabPerson[], threadId: string | null = 't1'): TabContext {
  return { view: threadId ? 'thread' : 'inbox', threadId, people, seq: 1 };
}

function card(id: string, name: string, emails: string[] = []): CustomerCard {
  return {
    customer: { ...customerDefaults(), id, name, emails, createdAt: 0, updatedAt: 0 },
    company: null,
    orders: [],
    interactions: [],
    notes: [],
  };
}

function fakeApi(overrides: Partial<SidebarApi> = {}): SidebarApi {
  return {
    context: vi.fn(async () => context([])),
    card: vi.fn(async (id: string) => card(id, `Customer ${id}`)),
    createCustomer: vi.fn(async () => ({ customerId: 'new' })),
    addNote: vi.fn(async () => undefined),
    updateNote: vi.fn(async () => undefined),
    deleteNote: vi.fn(async () => undefined),
    setCollapsed: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('createSidebarStore', () => {
  it('shows the empty state when the tab has nobody (the inbox)', async () => {
    const store = createSidebarStore(fakeApi({ context: async () => context([], null) }));
    await store.refresh();
    expect(store.state.value).toEqual({ kind: 'empty', view: 'inbox' });
  });

  it('selects the first known customer, not the first person', async () => {
    const api = fakeApi({
      context: async () => context([person('new@x.com', null), person('ann@x.com', 'c1', 'Ann')]),
    });
    const store = createSidebarStore(api);
    await store.refresh();
    const state = store.state.value;
    expect(state.kind === 'people' && state.selectedEmail).toBe('ann@x.com');
    expect(state.kind === 'people' && state.card.kind).toBe('card');
    expect(api.card).toHaveBeenCalledWith('c1');
  });

  it('paints the card that came with the context without asking for it, and says whom it shows', async () => {
    const people = [person('new@x.com', null), person('ann@x.com', 'c1', 'Ann'), person('bo@x.com', 'c2', 'Bo')];
    const api = fakeApi({
      context: vi.fn(async (keep: string | null) => ({ ...context(people), card: card(keep === 'bo@x.com' ? 'c2' : 'c1', 'Sent along') })),
    });
    const store = createSidebarStore(api);
    await store.refresh();
    let state = store.state.value;
    expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.name).toBe('Sent along');
    expect(api.context).toHaveBeenLastCalledWith(null);
    store.select('bo@x.com');
    await vi.waitFor(() => expect(api.card).toHaveBeenCalledWith('c2'));
    await store.refresh(true);
    expect(api.context).toHaveBeenLastCalledWith('bo@x.com');
    expect(api.card).toHaveBeenCalledTimes(1);
    state = store.state.value;
    expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.id).toBe('c2');
  });

  it('asks for the card when the one that came with the context is someone else’s', async () => {
    const api = fakeApi({ context: async () => ({ ...context([person('ann@x.com', 'c1', 'Ann')]), card: card('c9', 'Other') }) });
    const store = createSidebarStore(api);
    await store.refresh();
    const state = store.state.value;
    expect(api.card).toHaveBeenCalledWith('c1');
    expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.id).toBe('c1');
  });

  it('offers an unknown person with a prefill including the company the background guessed', async () => {
    const store = createSidebarStore(
      fakeApi({ context: async () => context([person('jonas.weber@kaffeerad.de', null, 'Jonas Weber', 'Kaffeerad')]) }),
    );
    await store.refresh();
    const state = store.state.value;
    if (state.kind !== 'people' || state.card.kind !== 'unknown') throw new Error(`unexpected ${state.kind}`);
    expect(state.card.prefill).toEqual({ name: 'Jonas Weber', email: 'jonas.weber@kaffeerad.de', companyName: 'Kaffeerad' });
  });

  it('never lets a slow reply for an older thread overwrite the current one', async () => {
    let releaseOld: (value: CustomerCard) => void = () => undefined;
    const contexts = [context([person('old@x.com', 'old')], 't1'), context([person('new@x.com', 'new')], 't2')];
    const api = fakeApi({
      context: vi.fn(async () => contexts.shift() ?? context([])),
      card: vi.fn((id: string) =>
        id === 'old' ? new Promise<CustomerCard>((resolve) => (releaseOld = resolve)) : Promise.resolve(card(id, 'New')),
      ),
    });
    const store = createSidebarStore(api);
    const first = store.refresh();
    await vi.waitFor(() => expect(api.card).toHaveBeenCalledWith('old'));
    await store.refresh();
    releaseOld(card('old', 'Old'));
    await first;
    const state = store.state.value;
    expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.name).toBe('New');
  });

  it('keeps the selected person across a data change and switches after a new customer is created', async () => {
    let people = [person('a@x.com', 'c1', 'A'), person('b@y.com', null, 'B')];
    const api = fakeApi({ context: vi.fn(async () => context(people)) });
    const store = createSidebarStore(api);
    await store.refresh();
    store.select('b@y.com');
    await vi.waitFor(() => expect(store.state.value.kind === 'people' && store.state.value.selectedEmail).toBe('b@y.com'));
    people = [person('a@x.com', 'c1', 'A'), person('b@y.com', 'c2', 'B')];
    await store.createCustomer({ name: 'B', email: ' B@y.com ', companyName: null, phone: null, tags: [] });
    // The write's own push shows the new customer: the context is asked for once more, not twice.
    expect(api.context).toHaveBeenCalledTimes(1);
    store.onEvent({ type: 'data', customerIds: ['c2'], all: false });
    await vi.waitFor(() => {
      const state = store.state.value;
      expect(state.kind === 'people' && state.selectedEmail).toBe('b@y.com');
      expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.id).toBe('c2');
    });
    expect(api.context).toHaveBeenCalledTimes(2);
  });

  it('keeps the selection where it was when creating the customer fails', async () => {
    const api = fakeApi({
      context: vi.fn(async () => context([person('a@x.com', 'c1', 'A'), person('b@y.com', null, 'B')])),
      createCustomer: vi.fn(async () => Promise.reject(new Error('Invalid address'))),
    });
    const store = createSidebarStore(api);
    await store.refresh();
    await expect(store.createCustomer({ name: 'B', email: 'typo@y.com', companyName: null, phone: null, tags: [] })).rejects.toThrow('Invalid address');
    store.onEvent({ type: 'data', customerIds: ['c1'], all: false });
    await vi.waitFor(() => expect(api.context).toHaveBeenCalledTimes(2));
    const state = store.state.value;
    expect(state.kind === 'people' && state.selectedEmail).toBe('a@x.com');
  });

  it('shows an error state when the background cannot be reached', async () => {
    const store = createSidebarStore(
      fakeApi({
        context: async () => {
          throw new Error('The extension did not answer. Reload the page.');
        },
      }),
    );
    await store.refresh();
    expect(store.state.value).toEqual({ kind: 'error', message: 'The extension did not answer. Reload the page.' });
  });
});

describe('data pushes', () => {
  it('refreshes for a push that names a customer on the page, and not for one about someone else', async () => {
    const api = fakeApi({ context: vi.fn(async () => context([person('ann@x.com', 'c1', 'Ann'), person('bo@x.com', 'c2', 'Bo')])) });
    const store = createSidebarStore(api);
    await store.refresh();
    expect(api.context).toHaveBeenCalledTimes(1);
    store.onEvent({ type: 'data', customerIds: ['c7'], all: false });
    store.onEvent({ type: 'data', customerIds: [], all: false });
    expect(api.context).toHaveBeenCalledTimes(1);
    store.onEvent({ type: 'data', customerIds: ['c7', 'c2'], all: false });
    await vi.waitFor(() => expect(api.context).toHaveBeenCalledTimes(2));
    store.onEvent({ type: 'data', customerIds: [], all: true });
    await vi.waitFor(() => expect(api.context).toHaveBeenCalledTimes(3));
  });

  it('refreshes for any written customer while someone on the page is not a customer yet', async () => {
    const api = fakeApi({ context: vi.fn(async () => context([person('ann@x.com', 'c1', 'Ann'), person('new@x.com', null)])) });
    const store = createSidebarStore(api);
    await store.refresh();
    store.onEvent({ type: 'data', customerIds: ['c7'], all: false });
    await vi.waitFor(() => expect(api.context).toHaveBeenCalledTimes(2));
  });

  it('fetches nothing after its own write: the push that follows it reloads the shown card alone, once', async () => {
    let name = 'Ann';
    const api = fakeApi({
      context: vi.fn(async () => context([person('ann@x.com', 'c1', 'Ann'), person('bo@x.com', 'c2', 'Bo')])),
      card: vi.fn(async (id: string) => card(id, name, ['ann@x.com'])),
      siteContext: vi.fn(async () => ({ site: 'gmail' as const, domain: null, company: null })),
    });
    const store = createSidebarStore(api);
    await store.refresh();
    expect(api.card).toHaveBeenCalledTimes(1);
    await store.addNote('c1', 'Likes oak');
    expect(api.addNote).toHaveBeenCalledWith('c1', 'Likes oak');
    expect(api.card).toHaveBeenCalledTimes(1);
    name = 'Ann Berg';
    store.onEvent({ type: 'data', customerIds: ['c1'], all: false });
    await vi.waitFor(() => {
      const state = store.state.value;
      expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.name).toBe('Ann Berg');
    });
    expect(api.card).toHaveBeenCalledTimes(2);
    expect(api.context).toHaveBeenCalledTimes(1);
    expect(api.siteContext).toHaveBeenCalledTimes(1);
    // The new name shows on the person's chip too.
    const state = store.state.value;
    expect(state.kind === 'people' && state.people.map((p) => p.customerName)).toEqual(['Ann Berg', 'Bo']);
  });

  it('reloads the context when the shown customer no longer has the page’s address', async () => {
    let emails = ['ann@x.com'];
    const api = fakeApi({
      context: vi.fn(async () => context([person('ann@x.com', 'c1', 'Ann')])),
      card: vi.fn(async (id: string) => card(id, 'Ann', emails)),
    });
    const store = createSidebarStore(api);
    await store.refresh();
    emails = ['ann@elsewhere.com'];
    store.onEvent({ type: 'data', customerIds: ['c1'], all: false });
    await vi.waitFor(() => expect(api.context).toHaveBeenCalledTimes(2));
  });

  it('reloads only the site’s company card for a push naming one of its contacts', async () => {
    const company = { contacts: [{ customerId: 'c5' }] } as unknown as NonNullable<SiteContext['company']>;
    const api = fakeApi({
      context: vi.fn(async () => context([person('ann@x.com', 'c1', 'Ann')])),
      siteContext: vi.fn(async () => ({ site: 'shopify' as const, domain: 'nordlicht.de', company })),
    });
    const store = createSidebarStore(api);
    await store.refresh();
    store.onEvent({ type: 'data', customerIds: ['c5'], all: false });
    await vi.waitFor(() => expect(api.siteContext).toHaveBeenCalledTimes(2));
    expect(api.context).toHaveBeenCalledTimes(1);
    expect(api.card).toHaveBeenCalledTimes(1);
  });
});

describe('a customer opened from the search', () => {
  it('stays open through a data refresh and gives way when the page’s people change', async () => {
    let people: TabPerson[] = [];
    const api = fakeApi({ context: vi.fn(async () => context(people, null)) });
    const store = createSidebarStore(api);
    await store.refresh();
    expect(store.state.value.kind).toBe('empty');

    store.openCustomer('c9', 'nina@x.com');
    await vi.waitFor(() => expect(store.state.value).toMatchObject({ kind: 'people', card: { kind: 'card' } }));
    // A note added to Nina: the background says "data changed".
    store.onEvent({ type: 'data', customerIds: ['c9'], all: false });
    await vi.waitFor(() => expect(api.card).toHaveBeenCalledTimes(2));
    const state = store.state.value;
    expect(state.kind === 'people' && state.card.kind === 'card' && state.card.card.customer.id).toBe('c9');

    // The page now shows someone: the page wins.
    people = [person('ann@x.com', 'c1', 'Ann')];
    store.onEvent({ type: 'context', seq: 2 });
    await vi.waitFor(() => {
      const next = store.state.value;
      expect(next.kind === 'people' && next.card.kind === 'card' && next.card.card.customer.id).toBe('c1');
    });
  });
});
