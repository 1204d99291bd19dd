import { describe, expect, it, vi } from 'vitest';
import type { SiteStatus } from '../../../lib/messaging/protocol';
import { createSiteAccessStore, type SiteAccessApi } from '../../../lib/sites/site-access-store';

function api(status: SiteStatus): SiteAccessApi {
  return {
    status: vi.fn(async () => status),
    requestOrigin: vi.fn(async () => true),
    enable: vi.fn(async () => undefined),
    showOnce: vi.fn(async () => undefined),
  };
}

describe('createSiteAccessStore', () => {
  it('shows the sidebar once on a page where it does not run, when the toolbar popup opens', async () => {
    const fake = api({ origin: 'https://news.example', builtIn: false, enabled: false });
    const store = createSiteAccessStore(fake);
    await store.load(7, { showOnPage: true });
    expect(fake.showOnce).toHaveBeenCalledWith(7);
    expect(store.state.value).toEqual({ kind: 'ready', origin: 'https://news.example', builtIn: false, enabled: false });
  });

  it('leaves pages alone where the sidebar already runs, and when opened as a page', async () => {
    for (const status of [
      { origin: 'https://mail.google.com', builtIn: true, enabled: true },
      { origin: 'https://shop.example', builtIn: false, enabled: true },
    ]) {
      const fake = api(status);
      await createSiteAccessStore(fake).load(7, { showOnPage: true });
      expect(fake.showOnce).not.toHaveBeenCalled();
    }
    const fake = api({ origin: 'https://news.example', builtIn: false, enabled: false });
    await createSiteAccessStore(fake).load(7);
    expect(fake.showOnce).not.toHaveBeenCalled();
  });

  it('does nothing on a page the sidebar cannot open on', async () => {
    const fake = api({ origin: null, builtIn: false, enabled: false });
    const store = createSiteAccessStore(fake);
    await store.load(7, { showOnPage: true });
    expect(fake.showOnce).not.toHaveBeenCalled();
    expect(store.state.value).toEqual({ kind: 'unavailable' });
  });
});
