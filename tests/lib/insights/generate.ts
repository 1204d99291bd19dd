import type { Interaction, InteractionKind, Order } from '../../../lib/model/records';
import { customerDefaults } from '../../../lib/model/records';
import type { CustomerFacts } from '../../../lib/insights/types';
import { DAY, NOW, seededRandom } from './factories';

const KINDS: readonly InteractionKind[] = ['email', 'call', 'meeting', 'feedback_positive', 'feedback_negative', 'complaint_opened', 'complaint_resolved', 'thank_you'];

/**
 * A seeded book of customers with a skewed number of orders (a few big regulars, many
 * one-timers, some prospects), spread over three years. Same seed, same book.
 */
export function generateBook(customers: number, orders: number, seed = 1): CustomerFacts[] {
  const random = seededRandom(seed);
  const book: CustomerFacts[] = [];
  const weights = Array.from({ length: customers }, () => (random() < 0.15 ? 0 : random() ** 4));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  let made = 0;
  for (let c = 0; c < customers; c++) {
    const id = `g${String(c).padStart(7, '0')}`;
    const want = c === customers - 1 ? orders - made : Math.round(((weights[c] ?? 0) / totalWeight) * orders);
    const count = Math.max(0, Math.min(want, orders - made));
    made += count;
    const list: Order[] = [];
    const size = 2_000 + Math.floor(random() * 50_000);
    for (let o = 0; o < count; o++) {
      const at = NOW - Math.floor(random() * 3 * 365 * DAY);
      list.push({
        id: `${id}-o${o}`, createdAt: at, updatedAt: at, deletedAt: null, customerId: id, orderedAt: at,
        total: { currency: random() < 0.03 ? 'USD' : 'EUR', minor: random() < 0.02 ? -size : Math.round(size * (0.5 + random())) },
        number: null, source: null, externalId: null, status: null,
      });
    }
    const interactions: Interaction[] = [];
    const touches = Math.floor(random() * 4);
    for (let i = 0; i < touches; i++) {
      const at = NOW - Math.floor(random() * 400 * DAY);
      interactions.push({ id: `${id}-i${i}`, createdAt: at, updatedAt: at, deletedAt: null, customerId: id, kind: KINDS[Math.floor(random() * KINDS.length)] ?? 'email', at, summary: '' });
    }
    book.push({
      customer: {
        ...customerDefaults(), id, name: `Customer ${c}`, emails: [], createdAt: NOW - 1200 * DAY, updatedAt: NOW,
        birthday: random() < 0.3 ? `0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null,
        difficult: random() < 0.02,
        preferredChannel: random() < 0.2 ? 'phone' : null,
      },
      orders: list,
      interactions,
    });
  }
  return book;
}
