import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { ImportStore } from '../../../lib/import/runner';
import { createManagerStore, type Request } from '../../../lib/manager/manager-store';

const NOW = Date.UTC(2026, 5, 1);
const company = { id: 'co1', name: 'Nordlicht', domains: ['nordlicht.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null };

function fakeRequest(replies: Record<string, (payload: unknown) => unknown>) {
  const calls: [string, unknown][] = [];
  const request = vi.fn(async (type: string, payload: unknown) => {
    calls.push([type, payload]);
    const reply = replies[type];
    if (!reply) return { total: 0, offset: 0, rows: [], tags: [] };
    return reply(payload);
  });
  return { request: request as unknown as Request, calls };
}

describe('manager store: companies', () => {
  it('opens a company in place of the customer, saves it, and opens a contact', async () => {
    let name = 'Nordlicht';
    const { request, calls } = fakeRequest({
      'manager.company': () => ({ company: { ...company, name }, contacts: [] }),
      'manager.company.update': (p) => {
        name = (p as { name: string }).name;
        return { ...company, name };
      },
      'manager.customer': () => {
        throw new Error('gone');
      },
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await store.openCompany('co1');
    expect(store.company.value).toMatchObject({ kind: 'company', detail: { company: { name: 'Nordlicht' } } });
    expect(store.detail.value.kind).toBe('closed');

    await store.saveCompany({ name: 'Nordlicht GmbH', domains: ['nordlicht.de'] });
    expect(calls).toContainEqual(['manager.company.update', { companyId: 'co1', name: 'Nordlicht GmbH', domains: ['nordlicht.de'] }]);
    expect(store.company.value).toMatchObject({ kind: 'company', detail: { company: { name: 'Nordlicht GmbH' } } });

    store.openContact('c1');
    expect(store.company.value.kind).toBe('closed');
    expect(calls.at(-1)).toEqual(['manager.customer', { customerId: 'c1' }]);
  });

  it('passes a refused save on to the form and keeps the company open', async () => {
    const { request } = fakeRequest({
      'manager.company': () => ({ company, contacts: [] }),
      'manager.company.update': () => {
        throw new Error('gmail.com is a free-mail domain: its addresses belong to many people, so it cannot mark a company’s contacts.');
      },
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await store.openCompany('co1');
    await expect(store.saveCompany({ name: 'Nordlicht', domains: ['gmail.com'] })).rejects.toThrow(/free-mail/);
    expect(store.company.value).toMatchObject({ kind: 'company', detail: { company: { domains: ['nordlicht.de'] } } });
  });
});

describe('manager store: the company list', () => {
  const page = { total: 1, offset: 0, rows: [{ id: 'co1', name: 'Nordlicht', domains: ['nordlicht.de'], contactCount: 2, revenue: [], lastOrderAt: null }] };
  const listCalls = (calls: [string, unknown][]) => calls.filter(([type]) => type === 'manager.companies');

  it('fetches companies only while their view is shown, and follows changes while it is', async () => {
    const { request, calls } = fakeRequest({ 'manager.companies': () => page, 'manager.status': () => ({ customers: 1, lastBackupAt: null, lastImportAt: null, firstDataAt: NOW }) });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    store.onDataChanged();
    expect(listCalls(calls)).toHaveLength(0);

    store.setView('companies');
    await vi.waitFor(() => expect(store.companies.status.value).toEqual({ kind: 'ready' }));
    expect(store.companies.rowAt(0)?.name).toBe('Nordlicht');
    expect(listCalls(calls)).toEqual([['manager.companies', { search: '', sort: 'name', descending: false, offset: 0, limit: 200 }]]);

    store.onDataChanged();
    expect(listCalls(calls)).toHaveLength(2);
    store.companies.setFilters({ search: 'nord', sort: 'revenue', descending: true });
    expect(listCalls(calls).at(-1)).toEqual(['manager.companies', { search: 'nord', sort: 'revenue', descending: true, offset: 0, limit: 200 }]);

    store.setView('customers');
    store.onDataChanged();
    expect(listCalls(calls)).toHaveLength(3);
  });

  it('creates a company, then shows it in place of the form', async () => {
    const { request, calls } = fakeRequest({
      'manager.companies': () => page,
      'manager.company.create': () => ({ ...company, id: 'co9', name: 'Kaffeerad' }),
      'manager.company': () => ({ company: { ...company, id: 'co9', name: 'Kaffeerad' }, contacts: [] }),
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    store.setView('companies');
    store.startCreating();
    expect(store.creating.value).toBe(true);
    await store.createCompany({ name: 'Kaffeerad', domains: ['kaffeerad.de'] });
    expect(calls).toContainEqual(['manager.company.create', { name: 'Kaffeerad', domains: ['kaffeerad.de'] }]);
    expect(store.creating.value).toBe(false);
    expect(store.company.value).toMatchObject({ kind: 'company', detail: { company: { id: 'co9' } } });
    expect(store.route.value).toEqual({ view: 'companies', open: { kind: 'company', id: 'co9' } });
    expect(listCalls(calls).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the form and what was typed when the background refuses', async () => {
    const { request } = fakeRequest({
      'manager.company.create': () => {
        throw new Error('Nordlicht already exists.');
      },
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    store.setView('companies');
    store.startCreating();
    await expect(store.createCompany({ name: 'Nordlicht', domains: [] })).rejects.toThrow('Nordlicht already exists.');
    expect(store.creating.value).toBe(true);
    expect(store.company.value.kind).toBe('closed');
  });
});

describe('manager store: routes', () => {
  it('says where it is, and goes where a route says (a company, a customer, back to a bare list)', async () => {
    const { request, calls } = fakeRequest({
      'manager.company': () => ({ company, contacts: [] }),
      'manager.customer': () => {
        throw new Error('This customer no longer exists.');
      },
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    expect(store.route.value).toEqual({ view: 'dashboard', open: null });

    store.applyRoute({ view: 'companies', open: { kind: 'company', id: 'co1' } });
    expect(store.view.value).toBe('companies');
    await vi.waitFor(() => expect(store.company.value.kind).toBe('company'));
    const before = calls.length;
    store.applyRoute({ view: 'companies', open: { kind: 'company', id: 'co1' } });
    expect(calls).toHaveLength(before);

    store.applyRoute({ view: 'companies', open: { kind: 'customer', id: 'gone' } });
    await vi.waitFor(() => expect(store.detail.value.kind).toBe('error'));
    expect(store.company.value.kind).toBe('closed');
    // A customer that failed to open keeps its place in the route, so Back and reload still name it.
    expect(store.route.value).toEqual({ view: 'companies', open: { kind: 'customer', id: 'gone' } });

    store.applyRoute({ view: 'companies', open: null });
    expect(store.detail.value.kind).toBe('closed');
    store.setView('import');
    expect(store.route.value).toEqual({ view: 'import', open: null });
  });
});

describe('manager store: the backup reminder', () => {
  const DAY = 86_400_000;
  async function dueWith(status: { customers: number; lastBackupAt: number | null; firstDataAt: number | null }, at: number) {
    const { request } = fakeRequest({ 'manager.status': () => ({ lastImportAt: null, ...status }) });
    const store = createManagerStore(request, {} as ImportStore, () => at);
    await store.refreshStatus();
    return store.backupDue();
  }

  it('is not due on the first day of a book, whatever dates its customers carry', async () => {
    expect(await dueWith({ customers: 30, lastBackupAt: null, firstDataAt: NOW }, NOW + 2 * 60_000)).toBe(false);
    expect(await dueWith({ customers: 30, lastBackupAt: null, firstDataAt: NOW }, NOW + 29 * DAY)).toBe(false);
  });

  it('is due 30 days after the first customer without a backup, or 30 days after the last backup', async () => {
    expect(await dueWith({ customers: 30, lastBackupAt: null, firstDataAt: NOW }, NOW + 31 * DAY)).toBe(true);
    expect(await dueWith({ customers: 30, lastBackupAt: NOW + 20 * DAY, firstDataAt: NOW }, NOW + 31 * DAY)).toBe(false);
    expect(await dueWith({ customers: 30, lastBackupAt: NOW + 20 * DAY, firstDataAt: NOW }, NOW + 51 * DAY)).toBe(true);
  });

  it('is never due for an empty book', async () => {
    expect(await dueWith({ customers: 0, lastBackupAt: null, firstDataAt: null }, NOW + 400 * DAY)).toBe(false);
  });
});

describe('manager store: the first run’s "Add a customer"', () => {
  it('adds the customer with the company the address suggests, then opens them', async () => {
    const card = { customer: { id: 'c1', name: 'Maria' } };
    let customers = 0;
    const { request, calls } = fakeRequest({
      'customer.create': () => {
        customers = 1;
        return { customerId: 'c1' };
      },
      'manager.status': () => ({ customers, lastBackupAt: null, lastImportAt: null, firstDataAt: NOW }),
      'manager.customer': () => card,
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await store.addCustomer({ name: 'Maria', email: 'maria@nordlicht.de' });
    expect(calls).toContainEqual(['customer.create', { name: 'Maria', email: 'maria@nordlicht.de', companyName: 'Nordlicht', phone: null, tags: [] }]);
    expect(store.status.value?.customers).toBe(1);
    expect(store.detail.value).toEqual({ kind: 'card', card });
  });

  it('passes a refusal on to the form and opens nothing', async () => {
    const { request } = fakeRequest({
      'customer.create': () => {
        throw new Error('maria@nordlicht.de already belongs to Maria.');
      },
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await expect(store.addCustomer({ name: 'Maria', email: 'maria@nordlicht.de' })).rejects.toThrow('already belongs');
    expect(store.detail.value).toEqual({ kind: 'closed' });
  });
});

describe('manager store: the dashboard', () => {
  const only = { filters: { period: 'last-12-months', tier: null, tag: null, currency: null }, segment: { part: 'tier', tier: 'A' }, label: 'Tier A customers' } as const;

  it('asks for no figures while the book is empty (the welcome shows instead)', async () => {
    const { request, calls } = fakeRequest({ 'manager.status': () => ({ customers: 0, lastBackupAt: null }) });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await store.refreshStatus();
    store.setView('customers');
    store.setView('dashboard');
    store.onDataChanged();
    await vi.waitFor(() => expect(calls.filter(([type]) => type === 'manager.status')).toHaveLength(2));
    expect(calls.filter(([type]) => type === 'dashboard.data')).toHaveLength(0);
    expect(store.dashboard.state.value).toEqual({ kind: 'loading' });
  });

  it('loads its figures when shown, and again on a change only while it is shown', async () => {
    let computed = 0;
    const { request, calls } = fakeRequest({ 'dashboard.data': () => ({ computed: ++computed }), 'manager.status': () => ({ customers: 3, lastBackupAt: null }) });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await store.refreshStatus();
    await vi.waitFor(() => expect(store.dashboard.state.value).toMatchObject({ kind: 'ready', data: { computed: 1 } }));
    store.dashboard.show();
    expect(calls.filter(([type]) => type === 'dashboard.data')).toHaveLength(1);

    store.setView('customers');
    store.onDataChanged();
    await vi.waitFor(() => expect(calls.filter(([type]) => type === 'manager.status')).toHaveLength(2));
    expect(calls.filter(([type]) => type === 'dashboard.data')).toHaveLength(1);
    store.setView('dashboard');
    await vi.waitFor(() => expect(store.dashboard.state.value).toMatchObject({ kind: 'ready', data: { computed: 2 } }));

    store.dashboard.setFilters({ period: 'this-year' });
    await vi.waitFor(() => expect(store.dashboard.state.value).toMatchObject({ kind: 'ready', data: { computed: 3 } }));
    expect(calls.at(-1)).toEqual(['dashboard.data', { filters: { period: 'this-year', tier: null, tag: null, currency: null } }]);
  });

  it('says what went wrong when the figures cannot be computed', async () => {
    const { request } = fakeRequest({
      'dashboard.data': () => {
        throw new Error('The dashboard could not be computed.');
      },
      'manager.status': () => ({ customers: 3, lastBackupAt: null }),
    });
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    await store.refreshStatus();
    await vi.waitFor(() => expect(store.dashboard.state.value).toEqual({ kind: 'error', message: 'The dashboard could not be computed.' }));
  });

  it('narrows the customer list to a part from its address, and the Customers tab shows everyone again', async () => {
    const { request, calls } = fakeRequest({});
    const store = createManagerStore(request, {} as ImportStore, () => NOW);
    // The address follows the place once per change, never a half-applied place (Back would land there).
    const places: string[] = [];
    effect(() => void places.push(JSON.stringify(store.route.value)));
    store.applyRoute({ view: 'customers', open: null, only });
    expect(places).toEqual([JSON.stringify({ view: 'dashboard', open: null }), JSON.stringify({ view: 'customers', open: null, only })]);
    expect(store.list.filters.value.selection).toEqual(only);
    expect(store.route.value).toEqual({ view: 'customers', open: null, only });
    await vi.waitFor(() => expect(calls.some(([type, p]) => type === 'manager.list' && (p as { selection: unknown }).selection !== null)).toBe(true));

    store.setView('customers');
    expect(store.list.filters.value.selection).toBeNull();
    expect(store.route.value).toEqual({ view: 'customers', open: null });
  });
});
