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
