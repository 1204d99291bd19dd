import { describe, expect, it } from 'vitest';
import { mergeConsent, mergeCustomers, nextConsent, updateCustomer } from '../../../lib/db/customer-edit';
import { unknownConsent, type Consent } from '../../../lib/model/records';
import { freshDatabase, NOW, seedCustomer } from './factories';

const dnc = (since: number, reason = 'Asked us to stop'): Consent['doNotContact'] => ({ since, reason });

describe('consent edits', () => {
  it('stores do-not-contact with its date and reason, and stamps marketing only when it changes', async () => {
    const db = freshDatabase();
    const customer = await seedCustomer(db);
    const first = await updateCustomer(db, customer.id, { consent: { doNotContact: dnc(NOW - 1000), marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' } } }, NOW);
    expect(first.consent).toEqual({ doNotContact: dnc(NOW - 1000), marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: NOW });
    // The same marketing states again: the stamp stays; clearing do-not-contact clears only it.
    const later = await updateCustomer(db, customer.id, { consent: { doNotContact: null, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' } } }, NOW + 5000);
    expect(later.consent).toEqual({ doNotContact: null, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: NOW });
    expect((await db.customers.get(customer.id))?.consent).toEqual(later.consent);
  });

  it('leaves consent alone when an edit does not name it', async () => {
    const db = freshDatabase();
    const customer = await seedCustomer(db);
    await updateCustomer(db, customer.id, { consent: { doNotContact: dnc(NOW) } }, NOW);
    const renamed = await updateCustomer(db, customer.id, { name: 'New name' }, NOW + 1);
    expect(renamed.consent.doNotContact).toEqual(dnc(NOW));
  });

  it('refuses a reason longer than 500 characters and writes nothing', async () => {
    const db = freshDatabase();
    const customer = await seedCustomer(db);
    await expect(updateCustomer(db, customer.id, { consent: { doNotContact: dnc(NOW, 'x'.repeat(501)) } }, NOW)).rejects.toThrow();
    expect((await db.customers.get(customer.id))?.consent).toEqual(unknownConsent());
  });

  it('keeps the careful side when two customers are merged', async () => {
    const a: Consent = { doNotContact: null, marketing: { email: 'yes', sms: 'no', whatsapp: 'unknown' }, marketingUpdatedAt: 5 };
    const b: Consent = { doNotContact: dnc(7, 'b asked'), marketing: { email: 'no', sms: 'yes', whatsapp: 'yes' }, marketingUpdatedAt: 9 };
    expect(mergeConsent(a, b)).toEqual({ doNotContact: dnc(7, 'b asked'), marketing: { email: 'no', sms: 'no', whatsapp: 'yes' }, marketingUpdatedAt: 9 });
    expect(mergeConsent(unknownConsent(), unknownConsent())).toEqual(unknownConsent());
    const db = freshDatabase();
    const keep = await seedCustomer(db);
    const other = await seedCustomer(db, { consent: b });
    expect((await mergeCustomers(db, keep.id, [other.id], NOW)).consent.doNotContact).toEqual(dnc(7, 'b asked'));
  });

  it('nextConsent keeps what the patch leaves out', () => {
    const current: Consent = { doNotContact: dnc(3), marketing: { email: 'yes', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: 2 };
    expect(nextConsent(current, {}, 10)).toEqual(current);
    expect(nextConsent(current, { marketing: { email: 'yes', sms: 'no', whatsapp: 'unknown' } }, 10).marketingUpdatedAt).toBe(10);
  });
});
