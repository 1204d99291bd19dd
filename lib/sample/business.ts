import { customerDefaults, type Company, type Customer, type Interaction, type Note, type Order } from '../model/records';
import { SAMPLE_COMPANIES, SAMPLE_PERSONS, type Rhythm, type SamplePerson } from './people';
import { createRandom, type Random } from './random';

export { SAMPLE_PEOPLE } from './people';

/** The records of the sample business, ready for the repository's bulkInsert. */
export interface SampleBusiness {
  customers: Customer[];
  companies: Company[];
  orders: Order[];
  interactions: Interaction[];
  notes: Note[];
}

const SEED = 0x5eed_c0de;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CURRENCY = 'EUR';
/** Marks sample rows so the manager can find and remove them later. */
const SOURCE = 'sample';

/**
 * A small, realistic business around `now`: ~25 customers (company and free-mail), a year of
 * EUR orders at varied rhythms, some interactions and notes. The same `now` always gives the
 * same records (seeded PRNG, ids included). Customers come with empty stats; bulkInsert
 * computes them.
 */
export function createSampleBusiness(now: number): SampleBusiness {
  const rand = createRandom(SEED);
  const at = (daysAgo: number) => Math.max(0, now - daysAgo * DAY - rand.int(1, 8 * 60) * 60_000);
  const yearAgo = Math.max(0, now - 400 * DAY);

  const companyIds = new Map<string, string>();
  const companies = SAMPLE_COMPANIES.map((c): Company => {
    const id = rand.uuid();
    companyIds.set(c.key, id);
    return { id, name: c.name, domains: [c.domain], createdAt: yearAgo, updatedAt: yearAgo, deletedAt: null };
  });

  const business: SampleBusiness = { customers: [], companies, orders: [], interactions: [], notes: [] };
  for (const person of SAMPLE_PERSONS) {
    const customerId = rand.uuid();
    const orders = ordersFor(person, customerId, rand, at, now);
    const interactions = (person.interactions ?? []).map(
      (i): Interaction => withTimes({ id: rand.uuid(), customerId, kind: i.kind, at: at(i.daysAgo), summary: i.summary }),
    );
    const notes = (person.notes ?? []).map((n): Note => {
      const time = at(n.daysAgo);
      return { id: rand.uuid(), customerId, body: n.body, pinned: n.pinned ?? false, createdAt: time, updatedAt: time, deletedAt: null };
    });

    const times = [...orders.map((o) => o.orderedAt), ...interactions.map((i) => i.at), ...notes.map((n) => n.createdAt)];
    const firstSeen = Math.min(now - rand.int(5, 40) * DAY, ...times) - rand.int(1, 30) * DAY;
    const createdAt = Math.max(0, firstSeen);
    business.customers.push({
      ...customerDefaults(),
      id: customerId,
      name: person.name,
      emails: [...person.emails],
      companyId: person.company === null ? null : (companyIds.get(person.company) ?? null),
      phone: person.phone ?? null,
      tags: [...(person.tags ?? [])],
      preferredChannel: person.channel ?? null,
      source: SOURCE,
      createdAt,
      updatedAt: Math.max(createdAt, ...times),
    });
    business.orders.push(...orders);
    business.interactions.push(...interactions);
    business.notes.push(...notes);
  }

  numberOrders(business.orders);
  return business;
}

function orderCount(person: SamplePerson, rand: Random): number {
  if (person.orders !== undefined) return person.orders;
  const ranges: Record<Rhythm, readonly [number, number]> = {
    frequent: [9, 12],
    regular: [4, 7],
    occasional: [2, 3],
    once: [1, 1],
    lapsed: [2, 4],
    prospect: [0, 0],
  };
  const [min, max] = ranges[person.rhythm];
  return rand.int(min, max);
}

/** Orders spread over the last year with jitter; lapsed customers stopped over six months ago. */
function ordersFor(person: SamplePerson, customerId: string, rand: Random, at: (daysAgo: number) => number, now: number): Order[] {
  const count = orderCount(person, rand);
  const [from, to] = person.rhythm === 'lapsed' ? [190, 360] : [2, 360];
  const spacing = (to - from) / Math.max(count, 1);
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const daysAgo = count === 1 ? rand.int(from + 10, to - 30) : Math.round(from + spacing * (i + 0.5) + (rand.next() - 0.5) * spacing * 0.6);
    const minor = rand.int(person.amount[0] * 100, person.amount[1] * 100);
    orders.push(order(rand.uuid(), customerId, at(daysAgo), minor, 'paid'));
  }
  const latest = Math.max(...orders.map((o) => o.orderedAt));
  if (person.refund !== undefined && orders.length > 0) {
    const refundAt = Math.min(latest + 5 * DAY, now - HOUR);
    orders.push(order(rand.uuid(), customerId, refundAt, -person.refund * 100, 'refund'));
  }
  return orders;
}

function order(id: string, customerId: string, orderedAt: number, minor: number, status: string): Order {
  return withTimes({
    id,
    customerId,
    orderedAt,
    total: { currency: CURRENCY, minor },
    number: null,
    source: SOURCE,
    externalId: null,
    status,
  });
}

/** Shop-style order numbers in date order, as a real store admin would have issued them. */
function numberOrders(orders: Order[]): void {
  orders.sort((a, b) => a.orderedAt - b.orderedAt || a.id.localeCompare(b.id));
  orders.forEach((o, i) => {
    o.number = `SO-${1001 + i}`;
  });
}

function withTimes<T extends { at: number } | { orderedAt: number }>(row: T): T & { createdAt: number; updatedAt: number; deletedAt: null } {
  const time = 'at' in row ? row.at : row.orderedAt;
  return { ...row, createdAt: time, updatedAt: time, deletedAt: null };
}
