// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsentEditor, ConsentFlag } from '../../../components/consent/consent-editor';
import { unknownConsent, type Consent } from '../../../lib/model/records';
import { NOW, button, click, get, mount, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('ConsentFlag', () => {
  it('shows do-not-contact with its date and reason, and recorded marketing states', () => {
    const consent: Consent = { doNotContact: { since: NOW, reason: 'Please stop emailing me' }, marketing: { email: 'no', sms: 'yes', whatsapp: 'unknown' }, marketingUpdatedAt: NOW };
    view = mount(<ConsentFlag consent={consent} locale="en-US" />);
    const text = view.container.textContent ?? '';
    expect(text).toContain('Do not contact since Nov 27, 2026: Please stop emailing me. Only service replies.');
    expect(text).toContain('Email marketing: no · SMS marketing: yes');
    expect(text).not.toContain('WhatsApp');
  });

  it('shows nothing while nothing is recorded', () => {
    view = mount(<ConsentFlag consent={unknownConsent()} />);
    expect(view.container.textContent).toBe('');
  });
});

describe('ConsentEditor', () => {
  it('saves do-not-contact with the picked day and the reason, and the marketing states', async () => {
    const onSave = vi.fn(async () => undefined);
    view = mount(<ConsentEditor consent={unknownConsent()} now={NOW} onSave={onSave} />);
    const form = get(view.container, 'form[aria-label="Consent"]');
    click(get(form, 'input[type="checkbox"]'));
    await settle();
    type(get<HTMLInputElement>(form, 'input[type="date"]'), '2026-11-20');
    type(get<HTMLInputElement>(form, 'input[placeholder^="e.g."]'), '  Asked by phone ');
    const email = get<HTMLSelectElement>(form, 'select');
    email.value = 'no';
    email.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    click(button(form, 'Save consent'));
    await settle();
    expect(onSave).toHaveBeenCalledWith({
      doNotContact: { since: new Date(2026, 10, 20, 12).getTime(), reason: 'Asked by phone' },
      marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' },
    });
    expect(view.container.textContent).toContain('Consent saved.');
  });

  it('clears do-not-contact and shows why a save failed', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('Storage is full.');
    });
    const consent: Consent = { ...unknownConsent(), doNotContact: { since: NOW - 1, reason: 'x' } };
    view = mount(<ConsentEditor consent={consent} now={NOW} onSave={onSave} />);
    const form = get(view.container, 'form[aria-label="Consent"]');
    click(get(form, 'input[type="checkbox"]'));
    await settle();
    click(button(form, 'Save consent'));
    await settle();
    expect(onSave).toHaveBeenCalledWith({ doNotContact: null, marketing: consent.marketing });
    expect(get(view.container, '[role="alert"]').textContent).toBe('Storage is full.');
  });
});
