import { describe, expect, it } from 'vitest';
import { inboxMarkHandlers, markTier } from '../../../lib/background/handlers/inbox-marks';
import { bulkInsert } from '../../../lib/db/index';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../lib/settings/schema';
import { makeCustomer, NOW } from '../db/factories';
import { testDeps } from './fakes';

async function setup(gmailInboxMarks: boolean) {
  const deps = testDeps(new Map<string, unknown>([[SETTINGS_KEY, { ...DEFAULT_SETTINGS, gmailInboxMarks }]]));
  const { db } = deps;
  const insights = (tier: 'A' | 'B' | 'C' | 'Prospect') => ({ tier, tierOverridden: false, rfm: 'Loyal' as const, stage: 'active' as const, computedAt: NOW });
  await bulkInsert(db, {
    customers: [
      makeCustomer({ name: 'Maria', emails: ['maria@nordlicht.example'], insights: insights('B'), tierOverride: 'A' }),
      makeCustomer({ name: 'Tom', emails: ['tom@becker.example'], insights: insights('C') }),
      makeCustomer({ name: 'Pia', emails: ['pia@prospect.example'], insights: insights('Prospect') }),
      makeCustomer({ name: 'New', emails: ['new@unclassified.example'] }),
    ],
    companies: [],
    orders: [],
    interactions: [],
    notes: [],
  });
  return inboxMarkHandlers(deps);
}

const content = { sender: 'content' as const, tabId: 3, origin: 'https://mail.google.com' };

describe('gmail.inboxMarks', () => {
  it('refuses while the setting is off (the default)', async () => {
    const handlers = await setup(false);
    await expect(handlers['gmail.inboxMarks']({ emails: ['maria@nordlicht.example'] }, content)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('answers only tier letters, keyed as asked, for classified customers only', async () => {
    const handlers = await setup(true);
    const reply = await handlers['gmail.inboxMarks'](
      { emails: ['Maria@Nordlicht.example', 'tom@becker.example', 'pia@prospect.example', 'new@unclassified.example', 'stranger@x.example', 'not an address'] },
      content,
    );
    expect(reply).toEqual({ marks: { 'Maria@Nordlicht.example': 'A', 'tom@becker.example': 'C' } });
  });

  it('refuses a content script on any other site, even with the setting on', async () => {
    const handlers = await setup(true);
    for (const origin of ['https://shop.example', 'https://admin.shopify.com', null]) {
      await expect(
        handlers['gmail.inboxMarks']({ emails: ['maria@nordlicht.example'] }, { ...content, origin }),
      ).rejects.toMatchObject({ code: 'forbidden_sender' });
    }
  });
});

describe('markTier', () => {
  it.each([
    [{ tierOverride: 'B' as const, insights: null }, 'B'],
    [{ tierOverride: null, insights: null }, null],
  ])('gives %j → %s', (customer, tier) => {
    expect(markTier(customer)).toBe(tier);
  });
});
