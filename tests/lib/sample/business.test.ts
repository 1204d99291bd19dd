import { describe, expect, it } from 'vitest';
import { bulkInsert, findCustomersByEmails, getCustomerCard } from '../../../lib/db/index';
import { Company, Customer, EMPTY_STATS, Interaction, Note, Order } from '../../../lib/model/records';
import { createSampleBusiness, SAMPLE_PEOPLE } from '../../../lib/sample/business';
import { freshDatabase } from '../db/factories';

const NOW = Date.UTC(2026, 10, 27, 9, 30);
const DAY = 86_400_000;
const sample = createSampleBusiness(NOW);

const customerByEmail = (email: string) => sample.customers.find((c) => c.emails.includes(email));
const ordersOf = (customerId: string | undefined) => sample.orders.filter((o) => o.customerId === customerId && o.total.minor > 0);

describe('createSampleBusiness', () => {
  it('returns identical records when called twice with the same now', () => {
    expect(createSampleBusiness(NOW)).toEqual(sample);
  });

  it('moves every time with now when now changes', () => {
    const later = createSampleBusiness(NOW + 7 * DAY);
    expect(later.orders.map((o) => o.orderedAt - 7 * DAY)).toEqual(sample.orders.map((o) => o.orderedAt));
  });

  it('produces records that all pass their schemas', () => {
    for (const c of sample.customers) Customer.parse(c);
    for (const c of sample.companies) Company.parse(c);
    for (const o of sample.orders) Order.parse(o);
    for (const i of sample.interactions) Interaction.parse(i);
    for (const n of sample.notes) Note.parse(n);
  });

  it('has a small business worth of customers with empty stats for bulkInsert to fill', () => {
    expect(sample.customers.length).toBeGreaterThanOrEqual(20);
    expect(sample.customers.length).toBeLessThanOrEqual(30);
    expect(sample.customers.every((c) => JSON.stringify(c.stats) === JSON.stringify(EMPTY_STATS))).toBe(true);
    expect(sample.customers.filter((c) => c.companyId === null).length).toBeGreaterThan(5);
    expect(new Set(sample.customers.flatMap((c) => c.emails)).size).toBe(sample.customers.flatMap((c) => c.emails).length);
  });

  it('dates orders within the last twelve months, in EUR', () => {
    expect(sample.orders.every((o) => o.orderedAt < NOW && o.orderedAt > NOW - 365 * DAY)).toBe(true);
    expect(new Set(sample.orders.map((o) => o.total.currency))).toEqual(new Set(['EUR']));
    const counts = sample.customers.map((c) => ordersOf(c.id).length);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(10);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(0);
  });

  it('includes Maria Jensen of Nordlicht Möbel with many orders and the pinned phone note', () => {
    const maria = customerByEmail(SAMPLE_PEOPLE.maria.email);
    expect(maria?.name).toBe(SAMPLE_PEOPLE.maria.name);
    expect(sample.companies.find((c) => c.id === maria?.companyId)).toMatchObject({ name: 'Nordlicht Möbel', domains: ['nordlicht-moebel.de'] });
    expect(ordersOf(maria?.id).length).toBeGreaterThanOrEqual(10);
    expect(sample.notes.filter((n) => n.customerId === maria?.id && n.pinned).map((n) => n.body)).toEqual(['Prefers phone calls before 11:00']);
  });

  it('includes Tom Becker with a few orders and Lena Vogel on free mail with one', () => {
    const tom = customerByEmail('tom@becker-baeckerei.de');
    expect(tom?.name).toBe('Tom Becker');
    expect(sample.companies.find((c) => c.id === tom?.companyId)?.name).toBe('Becker Bäckerei');
    expect(ordersOf(tom?.id).length).toBeGreaterThanOrEqual(2);
    expect(ordersOf(tom?.id).length).toBeLessThanOrEqual(5);
    const lena = customerByEmail('lena.vogel@gmail.com');
    expect(lena).toMatchObject({ name: 'Lena Vogel', companyId: null });
    expect(ordersOf(lena?.id)).toHaveLength(1);
  });

  it('leaves out the demo’s unknown person and the demo user', () => {
    const everything = JSON.stringify(sample);
    expect(everything).not.toContain('jonas.weber@kaffeerad.de');
    expect(everything).not.toContain('kaffeerad.de');
    expect(everything).not.toContain('owner@example-shop.com');
    expect([SAMPLE_PEOPLE.unknown.email, SAMPLE_PEOPLE.self]).toEqual(['jonas.weber@kaffeerad.de', 'owner@example-shop.com']);
  });

  it('loads through bulkInsert into a card the sidebar can show', async () => {
    const db = freshDatabase();
    await bulkInsert(db, sample);
    const found = await findCustomersByEmails(db, [SAMPLE_PEOPLE.maria.email, SAMPLE_PEOPLE.lena.email]);
    const maria = found.get(SAMPLE_PEOPLE.maria.email);
    const card = await getCustomerCard(db, maria?.id ?? '');
    expect(card?.company?.name).toBe(SAMPLE_PEOPLE.maria.company);
    expect(card?.notes[0]?.body).toBe(SAMPLE_PEOPLE.maria.pinnedNote);
    expect(card?.customer.stats.orderCount).toBe(14);
    expect(card?.customer.stats.currency).toBe('EUR');
    expect(found.get(SAMPLE_PEOPLE.lena.email)?.stats.orderCount).toBe(1);
    await db.delete();
  });
});
