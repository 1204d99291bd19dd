// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../../components/sidebar/sidebar';
import type { CardState, SidebarProps, SidebarState } from '../../../components/sidebar/types';
import { NOW, button, click, createCard, createCustomer, createNote, createPerson, get, mount, press, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function renderSidebar(state: SidebarState, overrides: Partial<SidebarProps> = {}) {
  const props: SidebarProps = {
    state,
    now: NOW,
    locale: 'en-US',
    onSelect: vi.fn(),
    onCreateCustomer: vi.fn(async () => undefined),
    onAddNote: vi.fn(async () => undefined),
    onUpdateNote: vi.fn(async () => undefined),
    onDeleteNote: vi.fn(async () => undefined),
    onCollapse: vi.fn(),
    ...overrides,
  };
  view = mount(<Sidebar {...props} />);
  return { ...props, container: view.container };
}

const ann = createPerson();
const bob = createPerson({ email: 'bob@shop.example', name: 'Bob', customerId: null, customerName: null, roles: ['to'] });
const cat = createPerson({ email: 'cat@shop.example', name: '', customerId: null, customerName: null, roles: ['cc'] });

function people(card: CardState, selectedEmail = ann.email): SidebarState {
  return { kind: 'people', people: [ann, bob, cat], selectedEmail, card };
}

describe('Sidebar states', () => {
  it('says it is loading', () => {
    const { container } = renderSidebar({ kind: 'loading' });
    expect(get(container, '[role="status"]').textContent).toContain('Loading…');
  });

  it('shows the error message', () => {
    const { container } = renderSidebar({ kind: 'error', message: 'The extension was updated. Reload Gmail.' });
    expect(get(container, '[role="alert"]').textContent).toContain('The extension was updated. Reload Gmail.');
  });

  it.each(['inbox', 'other'] as const)('invites the user to open an email in the %s view', (viewName) => {
    const { container } = renderSidebar({ kind: 'empty', view: viewName });
    expect(container.textContent).toContain("Open an email to see who you're writing with");
  });

  it('shows a loading and an error state for the card itself', () => {
    const { container } = renderSidebar(people({ kind: 'loading' }));
    expect(get(container, '[role="status"]').textContent).toContain('Loading customer…');
    view?.rerender(
      <Sidebar
        {...{ onSelect: vi.fn(), onCreateCustomer: vi.fn(), onAddNote: vi.fn(), onUpdateNote: vi.fn(), onDeleteNote: vi.fn(), onCollapse: vi.fn() }}
        state={people({ kind: 'error', message: 'Customer not found.' })}
      />,
    );
    expect(get(container, '[role="alert"]').textContent).toContain('Customer not found.');
  });

  it('collapses from the header button', () => {
    const { container, onCollapse } = renderSidebar({ kind: 'loading' });
    click(get(container, 'button[aria-label="Collapse sidebar"]'));
    expect(onCollapse).toHaveBeenCalledTimes(1);
  });
});

describe('Sidebar person switcher', () => {
  it('lists the people with their labels, marks customers and highlights the selected one', () => {
    const { container } = renderSidebar(people({ kind: 'card', card: createCard() }));
    const tabs = Array.from(container.querySelectorAll('[role="tab"]'));
    expect(tabs.map((t) => t.querySelector('.chip__label')?.textContent)).toEqual(['Ann Example', 'Bob', 'cat@shop.example']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    expect(tabs[0]?.textContent).toContain(', customer');
    expect(tabs[1]?.textContent).toContain(', not a customer');
    // Only the selected tab is in the tab order; the panel is labelled by it.
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(get(container, '[role="tabpanel"]').getAttribute('aria-labelledby')).toBe(tabs[0]?.id);
  });

  it('calls onSelect with the address of the clicked person', () => {
    const { container, onSelect } = renderSidebar(people({ kind: 'card', card: createCard() }));
    click(get(container, '[role="tab"][title="bob@shop.example"]'));
    expect(onSelect).toHaveBeenCalledWith('bob@shop.example');
  });

  it('moves focus with the arrow keys, Home and End', () => {
    const { container } = renderSidebar(people({ kind: 'card', card: createCard() }));
    const tabs = Array.from(container.querySelectorAll<HTMLElement>('[role="tab"]'));
    tabs[0]?.focus();
    press(tabs[0] as HTMLElement, 'ArrowRight');
    expect(document.activeElement).toBe(tabs[1]);
    press(tabs[1] as HTMLElement, 'End');
    expect(document.activeElement).toBe(tabs[2]);
    press(tabs[2] as HTMLElement, 'ArrowRight');
    expect(document.activeElement).toBe(tabs[0]);
    press(tabs[0] as HTMLElement, 'ArrowLeft');
    expect(document.activeElement).toBe(tabs[2]);
  });

  it('has no switcher for a single person', () => {
    const { container } = renderSidebar({ kind: 'people', people: [ann], selectedEmail: ann.email, card: { kind: 'card', card: createCard() } });
    expect(container.querySelector('[role="tablist"]')).toBeNull();
    expect(get(container, 'h2').textContent).toBe('Ann Example');
  });
});

describe('Sidebar wiring', () => {
  it('adds a note for the customer on the card', async () => {
    const { container, onAddNote } = renderSidebar(
      people({ kind: 'card', card: createCard({ customer: createCustomer({ id: 'cust-7' }) }) }),
    );
    const box = get<HTMLTextAreaElement>(container, 'textarea[aria-label="Add a note"]');
    type(box, 'Call back Friday');
    press(box, 'Enter');
    expect(onAddNote).toHaveBeenCalledWith('cust-7', 'Call back Friday');
    await settle();
    expect(box.value).toBe('');
  });

  it('shows the add-customer offer for an unknown person', () => {
    const { container } = renderSidebar(
      people({ kind: 'unknown', person: bob, prefill: { name: 'Bob', email: bob.email, companyName: 'Shop' } }, bob.email),
    );
    expect(container.textContent).toContain('Not a customer yet');
    expect(button(container, 'Add as customer')).toBeTruthy();
  });
});

describe('Sidebar with hostile strings', () => {
  const evil = '<img src=x onerror=alert(1)>';

  it('renders names, companies, tags, notes and history as literal text', () => {
    const hostilePerson = createPerson({ name: evil, customerName: evil });
    const card = createCard({
      customer: createCustomer({ name: evil, tags: [evil], phone: evil }),
      company: { id: 'co', name: evil, domains: [], createdAt: 0, updatedAt: 0, deletedAt: null },
      notes: [createNote({ body: evil })],
    });
    const { container } = renderSidebar({
      kind: 'people',
      people: [hostilePerson, bob],
      selectedEmail: hostilePerson.email,
      card: { kind: 'card', card },
    });
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(get(container, 'h2').textContent).toBe(evil);
    expect(get(container, '.chip__label').textContent).toBe(evil);
    expect(get(container, '.note__body').textContent).toBe(evil);
  });

  it('renders a hostile unknown person and error message as text', () => {
    const stranger = createPerson({ email: 'x@evil.example', name: evil, customerId: null, customerName: null });
    const { container } = renderSidebar({
      kind: 'people',
      people: [stranger],
      selectedEmail: stranger.email,
      card: { kind: 'unknown', person: stranger, prefill: { name: evil, email: stranger.email, companyName: evil } },
    });
    expect(get(container, 'h2').textContent).toBe(evil);
    click(button(container, 'Add as customer'));
    expect(container.querySelector('img')).toBeNull();
    view?.unmount();
    view = null;
    const failed = renderSidebar({ kind: 'error', message: evil });
    expect(failed.container.querySelector('img')).toBeNull();
    expect(failed.container.textContent).toContain(evil);
  });
});

describe('Sidebar search (degrade to search)', () => {
  const found = { customerId: 'c7', name: 'Maria Jensen', email: 'maria@nordlicht.example', companyId: null, companyName: null };
  const searchProps = (state: SidebarProps['search'] = { kind: 'idle' }) => ({ search: state, onSearch: vi.fn(), onChooseCustomer: vi.fn() });

  it('offers the search in place of a card when the page yields nobody', () => {
    const props = searchProps({ kind: 'results', query: 'mar', results: [found] });
    const { container } = renderSidebar({ kind: 'empty', view: 'inbox' }, props);
    const input = get<HTMLInputElement>(container, 'input[role="combobox"]');
    expect(container.textContent).toContain("Open an email to see who you're writing with");
    press(input, 'Enter');
    expect(props.onChooseCustomer).toHaveBeenCalledWith(found);
    // The box is emptied for next time.
    expect(props.onSearch).toHaveBeenCalledWith('');
  });

  it('opens the search from the top bar beside a card, focused, and closes it with Escape', () => {
    const props = searchProps();
    const { container } = renderSidebar(people({ kind: 'card', card: createCard() }), props);
    expect(container.querySelector('input[role="combobox"]')).toBeNull();
    const toggle = get<HTMLButtonElement>(container, 'button[aria-label="Find a customer"]');
    click(toggle);
    const input = get<HTMLInputElement>(container, 'input[role="combobox"]');
    expect(document.activeElement).toBe(input);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    press(input, 'Escape');
    expect(container.querySelector('input[role="combobox"]')).toBeNull();
  });

  it('selects no tab while a customer from the search is open, so any tab leads back', () => {
    const { container, onSelect } = renderSidebar(people({ kind: 'card', card: createCard() }, 'elsewhere@x.example'), searchProps());
    const tabs = Array.from(container.querySelectorAll('[role="tab"]'));
    expect(tabs.filter((t) => t.getAttribute('aria-selected') === 'true')).toHaveLength(0);
    expect(tabs[0]?.getAttribute('tabindex')).toBe('0');
    click(tabs[0]!);
    expect(onSelect).toHaveBeenCalledWith(ann.email);
  });

  it('shows no search at all without its callbacks', () => {
    const { container } = renderSidebar({ kind: 'empty', view: 'inbox' });
    expect(container.querySelector('input[role="combobox"]')).toBeNull();
    expect(container.querySelector('button[aria-label="Find a customer"]')).toBeNull();
  });
});

describe('Sidebar when the page could not be read (DOM drift)', () => {
  const drift = { site: 'outlook' as const, view: 'thread' as const, counts: { date: 0, person: 0, readingPane: 1 } };
  const searchProps = { search: { kind: 'idle' as const }, onSearch: vi.fn(), onChooseCustomer: vi.fn() };

  it('says the site may have changed its layout and keeps the search by name or address', () => {
    const { container } = renderSidebar({ kind: 'empty', view: 'thread', drift }, searchProps);
    expect(container.textContent).toContain('This page could not be read');
    expect(container.textContent).toContain('Outlook on the web may have changed its layout');
    expect(container.querySelector('input[role="combobox"]')).not.toBeNull();
  });

  it('copies the diagnostic through the callback, and shows it to copy by hand when the clipboard refuses', async () => {
    const onCopyDiagnostic = vi.fn(async () => undefined);
    const first = renderSidebar({ kind: 'empty', view: 'thread', drift }, { ...searchProps, onCopyDiagnostic, diagnostic: () => '{"selectorCounts":{}}' });
    click(button(first.container, 'Copy diagnostic'));
    await settle();
    expect(onCopyDiagnostic).toHaveBeenCalledWith(drift);
    expect(first.container.textContent).toContain('Copied');
    view?.unmount();

    const refused = vi.fn(async () => Promise.reject(new Error('denied')));
    const second = renderSidebar({ kind: 'empty', view: 'thread', drift }, { ...searchProps, onCopyDiagnostic: refused, diagnostic: () => '{"selectorCounts":{"date":0}}' });
    click(button(second.container, 'Copy diagnostic'));
    await settle();
    expect(get<HTMLTextAreaElement>(second.container, 'textarea').value).toBe('{"selectorCounts":{"date":0}}');
  });
});
