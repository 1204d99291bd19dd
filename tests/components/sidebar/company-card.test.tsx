// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompanyCard, companyTier } from '../../../components/sidebar/company-card';
import { Sidebar } from '../../../components/sidebar/sidebar';
import type { CompanyCardData, CompanyContact } from '../../../lib/messaging/protocol';
import { button, click, createNote, mount, NOW } from '../helpers';

function contact(overrides: Partial<CompanyContact> = {}): CompanyContact {
  return {
    customerId: 'c1',
    name: 'Maria Jensen',
    email: 'maria@nordlicht.example',
    revenue: [{ currency: 'EUR', minor: 120_000 }],
    orderCount: 3,
    lastOrderAt: NOW,
    insights: null,
    tierOverride: null,
    ...overrides,
  };
}

function card(overrides: Partial<CompanyCardData> = {}): CompanyCardData {
  return {
    company: { id: 'co', name: 'Nordlicht Möbel', domains: ['nordlicht.example'], createdAt: NOW, updatedAt: NOW, deletedAt: null },
    domain: 'nordlicht.example',
    contacts: [contact()],
    revenue: [{ currency: 'EUR', minor: 120_000 }],
    orderCount: 3,
    notes: [],
    nextAction: null,
    ...overrides,
  };
}

const insights = (tier: 'A' | 'B' | 'C' | 'Prospect') => ({ tier, tierOverridden: false, rfm: 'Loyal', stage: 'active', computedAt: NOW }) as const;

describe('CompanyCard', () => {
  let view: ReturnType<typeof mount> | null = null;
  afterEach(() => view?.unmount());

  it('shows the company, combined revenue and contacts, and opens a contact on click', () => {
    const onOpen = vi.fn();
    view = mount(<CompanyCard card={card()} locale="en-GB" onOpenContact={onOpen} />);
    const text = view.container.textContent ?? '';
    expect(text).toContain('Nordlicht Möbel');
    expect(text).toContain('€1,200.00');
    expect(text).toContain('maria@nordlicht.example');
    expect(text).not.toContain('Tier');
    click(button(view.container, 'Maria Jensen'));
    expect(onOpen).toHaveBeenCalledWith('c1', 'maria@nordlicht.example');
  });

  it('shows tiers, notes and the next action when they exist, all as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    view = mount(
      <CompanyCard
        card={card({
          contacts: [contact({ insights: insights('B') }), contact({ customerId: 'c2', name: 'Piet', tierOverride: 'A', email: 'javascript:alert(1)' })],
          notes: [{ ...createNote({ body: hostile, pinned: true }), customerName: 'Maria Jensen' }],
          nextAction: { customerId: 'c1', title: 'Call Maria', reason: 'She usually reorders every 30 days.' },
        })}
      />,
    );
    expect(view.container.querySelector('.card__header .tier')?.textContent).toBe('Tier A');
    expect(view.container.textContent).toContain(hostile);
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.textContent).toContain('Call Maria');
    expect(Array.from(view.container.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['mailto:maria@nordlicht.example']);
  });

  it('says so when the company has no contacts yet', () => {
    view = mount(<CompanyCard card={card({ contacts: [], revenue: [], orderCount: 0 })} />);
    expect(view.container.textContent).toContain('No contacts at this company yet.');
  });
});

describe('companyTier', () => {
  it('is the best tier among the contacts, null without insights', () => {
    expect(companyTier([contact(), contact({ insights: insights('C') }), contact({ insights: insights('B') })])).toBe('B');
    expect(companyTier([contact()])).toBeNull();
  });
});

describe('Sidebar with a company page', () => {
  let view: ReturnType<typeof mount> | null = null;
  afterEach(() => view?.unmount());
  const noop = async () => undefined;
  const callbacks = { onSelect: vi.fn(), onCreateCustomer: noop, onAddNote: noop, onUpdateNote: noop, onDeleteNote: noop, onCollapse: vi.fn() };

  it('shows the company card instead of the empty state when no one is on the page', () => {
    view = mount(<Sidebar state={{ kind: 'empty', view: 'other' }} site={{ site: 'generic', domain: 'nordlicht.example', company: card() }} {...callbacks} />);
    expect(view.container.textContent).toContain('Nordlicht Möbel');
    expect(view.container.textContent).not.toContain('Open an email');
  });

  it('says no customer was found on a store page instead of asking to open an email', () => {
    view = mount(<Sidebar state={{ kind: 'empty', view: 'other' }} site={{ site: 'shopify', domain: null, company: null }} {...callbacks} />);
    expect(view.container.textContent).toContain('No customer found on this page');
  });
});
