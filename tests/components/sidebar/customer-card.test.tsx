// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerCard } from '../../../components/sidebar/customer-card';
import { EMPTY_STATS } from '../../../lib/model/records';
import {
  DAY,
  NOW,
  button,
  click,
  createCard,
  createCustomer,
  createInteraction,
  createNote,
  createOrder,
  deferred,
  get,
  mount,
  press,
  settle,
  type,
} from '../helpers';
import type { CustomerCard as CardData } from '../../../lib/messaging/protocol';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function renderCard(card: CardData, callbacks: Partial<Parameters<typeof CustomerCard>[0]> = {}) {
  const props = {
    onAdd: vi.fn(async () => undefined),
    onUpdate: vi.fn(async () => undefined),
    onDelete: vi.fn(async () => undefined),
    ...callbacks,
  };
  view = mount(<CustomerCard card={card} now={NOW} locale="en-US" {...props} />);
  return { ...props, container: view.container };
}

function figure(container: HTMLElement, label: string): string {
  const item = Array.from(container.querySelectorAll('.figure')).find((f) => f.querySelector('dt')?.textContent === label);
  if (!item) throw new Error(`No figure ${label}`);
  return item.querySelector('dd')?.textContent ?? '';
}

const statsCard = () =>
  createCard({
    customer: createCustomer({
      name: 'Ann Example',
      phone: '+49 30 1234567',
      tags: ['vip', 'wholesale'],
      emails: ['ann@acme.example', 'orders@acme.example'],
      stats: {
        ...EMPTY_STATS,
        orderCount: 3,
        revenue: [
          { currency: 'USD', minor: 5000 },
          { currency: 'EUR', minor: 36000 },
          { currency: 'JPY', minor: 2000 },
        ],
        currency: 'EUR',
        averageOrderMinor: 12000,
        firstOrderAt: new Date(2025, 0, 15).getTime(),
        lastOrderAt: NOW - 23 * DAY,
      },
    }),
    company: { id: 'co1', name: 'Acme GmbH', domains: ['acme.example'], createdAt: 0, updatedAt: 0, deletedAt: null },
    orders: [
      createOrder({ id: 'o-old', number: '1001', orderedAt: NOW - 200 * DAY, total: { currency: 'EUR', minor: 9900 } }),
      createOrder({ id: 'o-new', number: '1042', orderedAt: NOW - 23 * DAY, total: { currency: 'EUR', minor: 12000 } }),
    ],
    interactions: [createInteraction({ kind: 'call', at: NOW - 5 * DAY, summary: 'Asked about delivery' })],
    notes: [createNote({ body: 'Prefers calls', createdAt: NOW - 50 * DAY, updatedAt: NOW - 50 * DAY })],
  });

describe('CustomerCard', () => {
  it('flags a do-not-contact customer and offers the consent editor only with a handler', async () => {
    const customer = createCustomer({ consent: { doNotContact: { since: NOW, reason: 'Asked by phone' }, marketing: { email: 'unknown', sms: 'no', whatsapp: 'unknown' }, marketingUpdatedAt: NOW } });
    const { container } = renderCard(createCard({ customer }));
    expect(get(container, '.consent-flag').textContent).toContain('Do not contact since');
    expect(get(container, '.consent-flag').textContent).toContain('SMS marketing: no');
    expect(container.querySelector('form[aria-label="Consent"]')).toBeNull();
    view?.unmount();
    const onSetConsent = vi.fn(async () => undefined);
    const second = renderCard(createCard({ customer }), { onSetConsent });
    click(button(get(second.container, 'form[aria-label="Consent"]'), 'Save consent'));
    await settle();
    expect(onSetConsent).toHaveBeenCalledWith({ doNotContact: customer.consent.doNotContact, marketing: customer.consent.marketing });
  });

  it('shows who the customer is: name, company, mailto emails, phone as text, tags', () => {
    const { container } = renderCard(statsCard());
    expect(get(container, 'h2').textContent).toBe('Ann Example');
    expect(container.textContent).toContain('Acme GmbH');
    const links = Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['mailto:ann@acme.example', 'mailto:orders@acme.example']);
    expect(container.textContent).toContain('+49 30 1234567');
    expect(container.querySelector('a[href^="tel:"]')).toBeNull();
    expect(Array.from(container.querySelectorAll('.tag')).map((t) => t.textContent)).toEqual(['vip', 'wholesale']);
  });

  it('renders the key figures from the stats, main currency first with the others listed', () => {
    const { container } = renderCard(statsCard());
    expect(figure(container, 'Lifetime revenue')).toBe('€360.00+ other currencies: $50.00 · ¥2,000');
    expect(figure(container, 'Orders')).toBe('3');
    expect(figure(container, 'Average order')).toBe('€120.00');
    expect(figure(container, 'Customer since')).toBe('Jan 15, 2025');
    expect(figure(container, 'Last order')).toContain('23 days ago');
    expect(get(container, '.figure time[title]').getAttribute('title')).toBe('Nov 4, 2026');
  });

  it('falls back to the creation date and dashes when there are no orders', () => {
    const { container } = renderCard(createCard({ customer: createCustomer({ createdAt: new Date(2024, 5, 1).getTime() }) }));
    expect(figure(container, 'Lifetime revenue')).toBe('—');
    expect(figure(container, 'Orders')).toBe('0');
    expect(figure(container, 'Customer since')).toBe('Jun 1, 2024');
    expect(figure(container, 'Last order')).toBe('No orders yet');
    expect(container.textContent).toContain('No orders, emails or notes yet.');
  });

  it('lists orders and interactions in one history, newest first, and no note twice', () => {
    const { container } = renderCard(statsCard());
    const titles = Array.from(container.querySelectorAll('.history__item')).map((item) => item.querySelector('.history__title')?.textContent);
    expect(titles).toEqual(['Call', 'Order #1042 · €120.00', 'Order #1001 · €99.00']);
    expect(container.querySelector('.history__item')?.textContent).toContain('Asked about delivery');
    expect(container.querySelector('.history__item time')?.textContent).toBe('Nov 22, 2026');
  });

  it('shows pinned notes first, under "Keep in mind" before the next action, with a pin mark', () => {
    const { container } = renderCard(
      createCard({
        notes: [
          createNote({ id: 'a', body: 'Newest', createdAt: NOW - DAY }),
          createNote({ id: 'b', body: 'Pinned old', pinned: true, createdAt: NOW - 90 * DAY }),
        ],
      }),
    );
    const notes = Array.from(container.querySelectorAll('.note'));
    expect(notes.map((n) => n.querySelector('.note__body')?.textContent)).toEqual(['Pinned old', 'Newest']);
    expect(notes[0]?.querySelector('[aria-label="Pinned"]')).not.toBeNull();
    expect(notes[1]?.querySelector('[aria-label="Pinned"]')).toBeNull();
    expect(container.querySelector('.keep-in-mind')?.textContent).toContain('Pinned old');
    expect(container.querySelector('.keep-in-mind')?.textContent).not.toContain('Newest');
  });
});

describe('CustomerCard notes: adding', () => {
  it('saves on Enter with the trimmed text and clears the box on success', async () => {
    const { container, onAdd } = renderCard(createCard());
    const box = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Add a note"]');
    type(box, '  Wants the new catalogue  ');
    press(box, 'Enter');
    expect(onAdd).toHaveBeenCalledWith('Wants the new catalogue');
    await settle();
    expect(box.value).toBe('');
  });

  it('does not save on Shift+Enter (a new line) nor an empty box', () => {
    const { container, onAdd } = renderCard(createCard());
    const box = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Add a note"]');
    press(box, 'Enter');
    type(box, 'Line one');
    press(box, 'Enter', { shiftKey: true });
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('keeps the text and shows the error when saving fails', async () => {
    const { container, onAdd } = renderCard(createCard(), {
      onAdd: vi.fn(async () => {
        throw new Error('The database is busy.');
      }),
    });
    const box = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Add a note"]');
    type(box, 'Important');
    press(box, 'Enter');
    await settle();
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(box.value).toBe('Important');
    expect(get(container, '[role="alert"]').textContent).toBe('The database is busy.');
  });

  it('disables saving while a save is in flight and never saves twice', async () => {
    const pending = deferred();
    const onAdd = vi.fn(() => pending.promise);
    const { container } = renderCard(createCard(), { onAdd });
    const box = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Add a note"]');
    type(box, 'Once');
    press(box, 'Enter');
    press(box, 'Enter');
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(button(container, 'Saving…').disabled).toBe(true);
    pending.resolve();
    await settle();
    expect(box.value).toBe('');
  });
});

describe('CustomerCard notes: edit, pin, delete', () => {
  const oneNote = () => createCard({ notes: [createNote({ id: 'n1', body: 'Prefers calls' })] });

  it('edits inline: Enter saves the new body', async () => {
    const { container, onUpdate } = renderCard(oneNote());
    click(button(container, 'Edit'));
    const editor = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Edit note"]');
    expect(editor.value).toBe('Prefers calls');
    expect(document.activeElement).toBe(editor);
    type(editor, 'Prefers calls after 10am');
    press(editor, 'Enter');
    expect(onUpdate).toHaveBeenCalledWith('n1', { body: 'Prefers calls after 10am' });
    await settle();
    expect(container.querySelector('textarea[aria-label="Edit note"]')).toBeNull();
  });

  it('Escape cancels an edit without calling back', () => {
    const { container, onUpdate } = renderCard(oneNote());
    click(button(container, 'Edit'));
    const editor = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Edit note"]');
    type(editor, 'Something else');
    press(editor, 'Escape');
    expect(onUpdate).not.toHaveBeenCalled();
    expect(container.querySelector('textarea[aria-label="Edit note"]')).toBeNull();
    expect(get(container, '.note__body').textContent).toBe('Prefers calls');
  });

  it('keeps the edit open with the error when the update fails', async () => {
    const { container } = renderCard(oneNote(), {
      onUpdate: vi.fn(async () => {
        throw new Error('Note not found.');
      }),
    });
    click(button(container, 'Edit'));
    const editor = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Edit note"]');
    type(editor, 'Changed');
    press(editor, 'Enter');
    await settle();
    expect(get<HTMLTextAreaElement>(container, 'textarea[aria-label="Edit note"]').value).toBe('Changed');
    expect(get(container, '[role="alert"]').textContent).toBe('Note not found.');
  });

  it('pins and unpins, with the buttons disabled while saving', async () => {
    const { container, onUpdate } = renderCard(oneNote());
    click(button(container, 'Pin'));
    expect(onUpdate).toHaveBeenCalledWith('n1', { pinned: true });
    expect(button(container, 'Edit').disabled).toBe(true);
    await settle();

    view?.rerender(
      <CustomerCard
        card={createCard({ notes: [createNote({ id: 'n1', pinned: true })] })}
        now={NOW}
        locale="en-US"
        onAdd={vi.fn(async () => undefined)}
        onUpdate={onUpdate}
        onDelete={vi.fn(async () => undefined)}
      />,
    );
    click(button(container, 'Unpin'));
    expect(onUpdate).toHaveBeenLastCalledWith('n1', { pinned: false });
  });

  it('deletes only after a confirm step, and "Keep" backs out', () => {
    const { container, onDelete } = renderCard(oneNote());
    click(button(container, 'Delete'));
    expect(onDelete).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Delete this note?');
    click(button(container, 'Keep'));
    expect(container.textContent).not.toContain('Delete this note?');

    click(button(container, 'Delete'));
    click(button(container, 'Delete'));
    expect(onDelete).toHaveBeenCalledWith('n1');
  });
});
