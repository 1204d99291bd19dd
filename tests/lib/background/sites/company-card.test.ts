import { describe, expect, it } from 'vitest';
import { buildCompanyCard, COMPANY_NOTES_MAX, sumByCurrency } from '../../../../lib/background/sites/company-card';
import type { Note } from '../../../../lib/model/records';
import { makeCustomer, NOW } from '../../db/factories';

const company = { id: 'co', name: 'Acme', domains: ['acme.example'], createdAt: NOW, updatedAt: NOW, deletedAt: null };

function note(id: string, customerId: string, createdAt: number, pinned = false): Note {
  return { id, customerId, body: id, pinned, createdAt, updatedAt: createdAt, deletedAt: null };
}

describe('buildCompanyCard', () => {
  it('orders contacts by revenue and shows pinned notes first, then the newest, with their author', () => {
    const small = makeCustomer({ name: 'Small' });
    const big = makeCustomer({ name: 'Big' });
    small.stats = { ...small.stats, revenue: [{ currency: 'EUR', minor: 100 }] };
    big.stats = { ...big.stats, revenue: [{ currency: 'EUR', minor: 900 }], orderCount: 2 };
    const notes = [
      note('old', small.id, 1),
      note('pinned', big.id, 0, true),
      ...Array.from({ length: 6 }, (_, i) => note(`n${i}`, small.id, 10 + i)),
    ];
    const card = buildCompanyCard({ company, contacts: [small, big], notes }, 'acme.example');
    expect(card.contacts.map((c) => c.name)).toEqual(['Big', 'Small']);
    expect(card.notes).toHaveLength(COMPANY_NOTES_MAX);
    expect(card.notes.map((n) => n.id)).toEqual(['pinned', 'n5', 'n4', 'n3', 'n2']);
    expect(card.notes[0]?.customerName).toBe('Big');
    expect(card.orderCount).toBe(2);
  });
});

describe('sumByCurrency', () => {
  it('adds per currency and never across currencies', () => {
    expect(
      sumByCurrency([
        { currency: 'EUR', minor: 5 },
        { currency: 'USD', minor: 7 },
        { currency: 'EUR', minor: 5 },
      ]),
    ).toEqual([
      { currency: 'EUR', minor: 10 },
      { currency: 'USD', minor: 7 },
    ]);
  });
});
