// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddCustomerForm, parseTags } from '../../../components/sidebar/add-customer-form';
import type { NewCustomer } from '../../../lib/messaging/protocol';
import { button, click, createPerson, get, mount, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const jonas = createPerson({ email: 'jonas.weber@kaffeerad.de', name: 'Jonas Weber', customerId: null, customerName: null });

function renderForm(onCreate: (input: NewCustomer) => Promise<void>, companyName: string | null = 'Kaffeerad') {
  view = mount(<AddCustomerForm person={jonas} prefill={{ name: 'Jonas Weber', email: jonas.email, companyName }} onCreate={onCreate} />);
  const container = view.container;
  click(button(container, 'Add as customer'));
  const field = (label: string) => {
    const labelEl = Array.from(container.querySelectorAll('label')).find((l) => l.querySelector('.field__label')?.textContent?.startsWith(label));
    if (!labelEl) throw new Error(`No field ${label}`);
    return get<HTMLInputElement>(labelEl, 'input');
  };
  return { container, field };
}

function submit(container: HTMLElement) {
  click(button(container, 'Save customer'));
}

describe('AddCustomerForm', () => {
  it('starts closed with the offer, and opens prefilled with the first field focused', () => {
    const { field } = renderForm(vi.fn(async () => undefined));
    expect(field('Name').value).toBe('Jonas Weber');
    expect(field('Email').value).toBe('jonas.weber@kaffeerad.de');
    expect(field('Company').value).toBe('Kaffeerad');
    expect(field('Phone').value).toBe('');
    expect(field('Tags').value).toBe('');
    expect(document.activeElement).toBe(field('Name'));
  });

  it('leaves the company empty when there is no guess', () => {
    const { field } = renderForm(vi.fn(async () => undefined), null);
    expect(field('Company').value).toBe('');
  });

  it('submits the edited fields as a NewCustomer', () => {
    const onCreate = vi.fn(async (_input: NewCustomer) => undefined);
    const { container, field } = renderForm(onCreate);
    type(field('Name'), ' Jonas W. ');
    type(field('Phone'), ' +49 30 123 ');
    type(field('Tags'), 'vip, wholesale, , VIP ');
    submit(container);
    expect(onCreate).toHaveBeenCalledWith({
      name: 'Jonas W.',
      email: 'jonas.weber@kaffeerad.de',
      companyName: 'Kaffeerad',
      phone: '+49 30 123',
      tags: ['vip', 'wholesale'],
    });
  });

  it('sends null for an emptied company and phone', () => {
    const onCreate = vi.fn(async (_input: NewCustomer) => undefined);
    const { container, field } = renderForm(onCreate);
    type(field('Company'), '   ');
    submit(container);
    expect(onCreate.mock.calls[0]?.[0]).toMatchObject({ companyName: null, phone: null, tags: [] });
  });

  it('requires an email address', () => {
    const onCreate = vi.fn(async () => undefined);
    const { container, field } = renderForm(onCreate);
    type(field('Email'), '  ');
    submit(container);
    expect(onCreate).not.toHaveBeenCalled();
    expect(container.textContent).toContain('An email address is required.');
    expect(field('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps what was typed and shows the error when saving fails', async () => {
    const { container, field } = renderForm(
      vi.fn(async () => {
        throw new Error('A customer with this email already exists.');
      }),
    );
    type(field('Tags'), 'vip');
    submit(container);
    await settle();
    expect(get(container, '[role="alert"]').textContent).toBe('A customer with this email already exists.');
    expect(field('Tags').value).toBe('vip');
    expect(button(container, 'Save customer').disabled).toBe(false);
  });

  it('cancels back to the offer without calling back', () => {
    const onCreate = vi.fn(async () => undefined);
    const { container } = renderForm(onCreate);
    click(button(container, 'Cancel'));
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(container, 'Add as customer'));
    expect(onCreate).not.toHaveBeenCalled();
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, drops blanks and case-duplicates', () => {
    expect(parseTags(' vip,wholesale ,,VIP, ')).toEqual(['vip', 'wholesale']);
    expect(parseTags('')).toEqual([]);
  });
});
