import { describe, expect, it, vi } from 'vitest';
import { createPopupStore, type PopupApi } from '../../../lib/popup/store';

const jonas = { customerId: 'c9', name: 'Jonas Weber', email: 'jonas@kaffeerad.de', companyId: null, companyName: 'Kaffeerad' };

function api(over: Partial<PopupApi> = {}): PopupApi {
  return {
    candidates: vi.fn(async () => ({ onTab: [], recent: [], matches: [] })),
    save: vi.fn(async () => undefined),
    draft: vi.fn(async () => null),
    createCustomer: vi.fn(async () => ({ customerId: 'c9' })),
    reminders: vi.fn(async () => ({ reminders: [] })),
    doneReminder: vi.fn(async () => undefined),
    snoozeReminder: vi.fn(async () => undefined),
    ...over,
  };
}

describe('popup store: an address from a context menu that is not a customer yet', () => {
  it('opens with the name the link offered, adds the customer under the name given, and selects them', async () => {
    const calls = api({ draft: async () => ({ body: '', email: 'jonas@kaffeerad.de', customerId: null, name: 'Jonas Weber', tabId: 4 }) });
    const store = createPopupStore(calls);
    await store.init(null);
    expect(store.opening.value).toEqual({ body: '', unknownEmail: 'jonas@kaffeerad.de', suggestedName: 'Jonas Weber' });
    expect(store.selected.value).toBeNull();

    vi.mocked(calls.candidates).mockImplementation(async () => ({ onTab: [], recent: [], matches: [jonas] }));
    await store.addUnknown('Jonas W. Weber');
    expect(calls.createCustomer).toHaveBeenCalledWith({ name: 'Jonas W. Weber', email: 'jonas@kaffeerad.de', companyName: 'Kaffeerad', phone: null, tags: [] });
    expect(store.opening.value?.unknownEmail).toBeNull();
    expect(store.selected.value).toEqual(jonas);
  });

  it('offers an empty name for a draft that names none', async () => {
    const store = createPopupStore(api({ draft: async () => ({ body: 'Call back', email: 'info@shop.de', customerId: null, tabId: null }) }));
    await store.init(null);
    expect(store.opening.value).toEqual({ body: 'Call back', unknownEmail: 'info@shop.de', suggestedName: '' });
  });
});
