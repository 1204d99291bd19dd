// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Manager, type ManagerProps } from '../../../components/manager/manager';
import { button, click, get, mount, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function props(over: Partial<ManagerProps> = {}): ManagerProps {
  return {
    view: 'customers',
    customers: 3,
    statusError: null,
    backupDue: false,
    undo: null,
    onView: vi.fn(),
    onAddCustomer: vi.fn(async () => undefined),
    onLoadSample: vi.fn(async () => ({ customers: 12, orders: 80 })),
    onUndo: vi.fn(),
    onDismissUndo: vi.fn(),
    children: <table aria-label="Customer list" />,
    ...over,
  };
}

describe('Manager frame: headings and Settings', () => {
  it.each([
    ['customers', 'Customers'],
    ['today', 'Today'],
    ['companies', 'Companies'],
    ['import', 'Import'],
    ['duplicates', 'Duplicates'],
    ['backup', 'Backup & export'],
  ] as const)('heads the %s section with its own name, in the page and the tab title', (section, title) => {
    view = mount(<Manager {...props({ view: section })} />);
    expect(get(view.container, 'h1').textContent).toBe(title);
    expect(document.title).toBe(`${title} · Local CRM Sidebar`);
  });

  it('has a Settings entry among the sections, once customers exist', () => {
    view = mount(<Manager {...props()} />);
    const settings = get<HTMLAnchorElement>(view.container, 'nav a');
    expect(settings.textContent).toBe('Settings');
    expect(settings.getAttribute('href')).toBe('/settings.html');
  });
});

describe('Manager frame: the first run', () => {
  it('offers Import, Add a customer and the sample in place of an empty customer list', () => {
    view = mount(<Manager {...props({ customers: 0 })} />);
    expect(view.container.querySelector('table')).toBeNull();
    expect([...view.container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Import your customers', 'Add a customer', 'Try it with sample customers']);
    // Other sections and a book with customers show their own content.
    view.rerender(<Manager {...props({ customers: 0, view: 'import' })} />);
    expect(view.container.querySelector('table')).not.toBeNull();
    view.rerender(<Manager {...props({ customers: 1 })} />);
    expect(view.container.querySelector('table')).not.toBeNull();
    expect(view.container.querySelector('h3')).toBeNull();
  });

  it('goes to the Import section', () => {
    const onView = vi.fn();
    view = mount(<Manager {...props({ customers: 0, onView })} />);
    click(button(view.container, 'Import customers'));
    expect(onView).toHaveBeenCalledWith('import');
  });

  it('adds a customer by name and address, and says why one is refused, keeping what was typed', async () => {
    const onAddCustomer = vi.fn(async (input: { name: string; email: string }) => {
      if (input.email === 'taken@shop.de') throw new Error('taken@shop.de already belongs to Jonas.');
    });
    view = mount(<Manager {...props({ customers: 0, onAddCustomer })} />);
    click(button(view.container, 'Add a customer'));
    click(button(view.container, 'Add customer'));
    expect(get(view.container, '[role="alert"]').textContent).toBe('An email address is required.');
    expect(onAddCustomer).not.toHaveBeenCalled();

    type(get<HTMLInputElement>(view.container, 'input:not([type])'), ' Maria Nordlicht ');
    const email = get<HTMLInputElement>(view.container, 'input[type="email"]');
    type(email, 'taken@shop.de');
    click(button(view.container, 'Add customer'));
    await settle();
    expect(onAddCustomer).toHaveBeenLastCalledWith({ name: 'Maria Nordlicht', email: 'taken@shop.de' });
    expect(get(view.container, '[role="alert"]').textContent).toBe('taken@shop.de already belongs to Jonas.');
    expect(email.value).toBe('taken@shop.de');

    type(email, 'maria@nordlicht.de');
    click(button(view.container, 'Add customer'));
    await settle();
    expect(onAddCustomer).toHaveBeenLastCalledWith({ name: 'Maria Nordlicht', email: 'maria@nordlicht.de' });
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('loads the sample', async () => {
    const onLoadSample = vi.fn(async () => ({ customers: 12, orders: 80 }));
    view = mount(<Manager {...props({ customers: 0, onLoadSample })} />);
    click(button(view.container, 'Load sample customers'));
    await settle();
    expect(onLoadSample).toHaveBeenCalledOnce();
    expect(view.container.textContent).toContain('Loaded 12 customers and 80 orders.');
  });
});
