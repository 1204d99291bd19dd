import { describe } from 'vitest';
import { personalOccasion } from '../../../../lib/insights/rules/personal-occasion';
import { createCustomer, createFacts, createOrder } from '../factories';
import { berlinSummer, ruleCases } from './rule-cases';

const birthday = (date: string | null) => createFacts({ customer: { birthday: date }, orders: [30] });

function firstOrderOn(orderedAt: number) {
  const customer = createCustomer();
  return { customer, orders: [createOrder({ customerId: customer.id, orderedAt })], interactions: [] };
}

describe('personalOccasion', () => {
  ruleCases(personalOccasion, [
    { name: 'stays silent without a birthday or an old first order', facts: birthday(null), expected: null },
    {
      name: 'a birthday in 2 days, due two days ahead (today at opening)',
      facts: birthday('06-12'),
      expected: { ruleId: 'personal-occasion', reason: 'Birthday in 2 days.', factsKey: 'birthday:2026', dueAt: berlinSummer(6, 10, 9) },
    },
    { name: 'a birthday today, with the age when the year is known', facts: birthday('1980-06-10'), expected: { reason: 'Birthday today (turns 46).' } },
    { name: 'a birthday in 7 days', facts: birthday('06-17'), expected: { reason: 'Birthday in 7 days.', dueAt: berlinSummer(6, 15, 9) } },
    { name: 'stays silent for a birthday in 8 days', facts: birthday('06-18'), expected: null },
    { name: 'stays silent for a birthday yesterday', facts: birthday('06-09'), expected: null },
    {
      name: 'a birthday across the new year',
      facts: birthday('01-02'),
      now: Date.UTC(2026, 11, 30, 10),
      expected: { reason: 'Birthday in 3 days.', factsKey: 'birthday:2027' },
    },
    {
      name: 'a Feb 29 birthday is marked on Feb 28 in a common year',
      facts: birthday('02-29'),
      now: Date.UTC(2027, 1, 25, 10),
      expected: { reason: 'Birthday in 3 days.' },
    },
    {
      name: 'the anniversary of the first order, two years on',
      facts: firstOrderOn(Date.UTC(2024, 5, 13, 10)),
      expected: { reason: '2 years since their first order in 3 days.', factsKey: 'anniversary:2026' },
    },
    { name: 'no anniversary in the first year', facts: firstOrderOn(Date.UTC(2026, 5, 5, 10)), expected: null },
    {
      name: 'a birthday wins over an anniversary on the same day',
      facts: { ...firstOrderOn(Date.UTC(2025, 5, 12, 10)), customer: createCustomer({ birthday: '06-12' }) },
      expected: { reason: 'Birthday in 2 days.' },
    },
  ]);
});
