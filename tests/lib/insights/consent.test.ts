import { describe, expect, it } from 'vitest';
import { channelFor } from '../../../lib/insights/consent';
import { recomputeAll } from '../../../lib/insights/recompute';
import { RULE_BY_ID } from '../../../lib/insights/rules/index';
import type { Purpose } from '../../../lib/insights/rules/define';
import { planFromInsights } from '../../../lib/insights/today';
import { DEFAULT_SETTINGS } from '../../../lib/insights/types';
import { unknownConsent, type Channel, type Consent, type ConsentState, type Customer } from '../../../lib/model/records';
import { NOW, createCustomer, createFacts } from './factories';

const DO_NOT_CONTACT: Consent['doNotContact'] = { since: NOW - 86_400_000, reason: 'Wrote: please stop contacting me' };

function customer(over: { preferred?: Channel; dnc?: boolean; email?: ConsentState; sms?: ConsentState; whatsapp?: ConsentState; phoneOnly?: boolean }): Customer {
  return createCustomer({
    emails: over.phoneOnly ? [] : ['kim@example.com'],
    phone: '+49 170 1234567',
    preferredChannel: over.preferred ?? null,
    consent: {
      ...unknownConsent(),
      doNotContact: over.dnc ? DO_NOT_CONTACT : null,
      marketing: { email: over.email ?? 'unknown', sms: over.sms ?? 'unknown', whatsapp: over.whatsapp ?? 'unknown' },
    },
  });
}

describe('channelFor: consent decides the channel', () => {
  it.each<[string, Purpose, Parameters<typeof customer>[0], Channel | null]>([
    ['relationship, nothing known: email', 'relationship', {}, 'email'],
    ['relationship, phone only: the phone', 'relationship', { phoneOnly: true }, 'phone'],
    ['relationship, preferred WhatsApp: WhatsApp', 'relationship', { preferred: 'whatsapp' }, 'whatsapp'],
    ['relationship, preferred SMS but opted out of SMS marketing: none', 'relationship', { preferred: 'sms', sms: 'no' }, null],
    ['relationship, opted out of email, said yes to SMS: SMS', 'relationship', { email: 'no', sms: 'yes' }, 'sms'],
    ['relationship, opted out of email, nothing else chosen: none (SMS never proposed unasked)', 'relationship', { email: 'no' }, null],
    ['relationship, do-not-contact: none', 'relationship', { dnc: true, email: 'yes' }, null],
    ['service, do-not-contact: still answered, by email', 'service', { dnc: true }, 'email'],
    ['service, do-not-contact, preferred phone: by phone', 'service', { dnc: true, preferred: 'phone' }, 'phone'],
    ['service, opted out of email marketing: a service reply by email all the same', 'service', { email: 'no' }, 'email'],
  ])('%s', (_name, purpose, spec, expected) => {
    expect(channelFor(purpose, customer(spec))).toBe(expected);
  });
});

describe('do-not-contact in the engine', () => {
  // A champion with praise, a complaint, a birthday and a silence: every kind of rule has a reason to speak.
  const spec = {
    orders: [[400, 30_000], [370, 30_000], [340, 30_000], [310, 30_000], [280, 30_000], [250, 30_000]] as const,
    interactions: [['feedback_positive', 260], ['complaint_opened', 3]] as const,
  };
  const book = [
    createFacts({ customer: { id: 'open', birthday: '06-13', interests: 'Sailing' }, ...spec }),
    createFacts({ customer: { id: 'dnc', birthday: '06-13', interests: 'Sailing', consent: { ...unknownConsent(), doNotContact: DO_NOT_CONTACT } }, ...spec }),
    createFacts({ customer: { id: 'dnc-quiet', consent: { ...unknownConsent(), doNotContact: DO_NOT_CONTACT } }, orders: [700] }),
  ];
  const insights = recomputeAll(book, DEFAULT_SETTINGS, NOW);

  it('leaves a do-not-contact customer service suggestions only, where the same customer without it gets more', () => {
    const open = insights.customers.get('open')!.suggestions;
    const dnc = insights.customers.get('dnc')!.suggestions;
    expect(open.some((s) => RULE_BY_ID[s.ruleId].purpose !== 'service')).toBe(true);
    expect(dnc.map((s) => s.ruleId)).toEqual(['resolve-complaint']);
    expect(insights.customers.get('dnc-quiet')!.suggestions).toEqual([]);
  });

  it('keeps them out of the win-back campaign and out of Today except for service', () => {
    const plan = planFromInsights(insights, DEFAULT_SETTINGS, NOW);
    expect(plan.campaign.map((c) => c.customerId)).not.toContain('dnc-quiet');
    expect(plan.items.filter((i) => i.customerId.startsWith('dnc')).map((i) => [i.customerId, i.suggestion.ruleId, i.group])).toEqual([['dnc', 'resolve-complaint', 'service']]);
  });
});
