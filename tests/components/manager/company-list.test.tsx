// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { CompanyList, type CompanyListProps } from '../../../components/manager/company-list';
import { ROW_HEIGHT } from '../../../components/manager/virtual-rows';
import { Manager, type ManagerProps } from '../../../components/manager/manager';
import { NewCompanyForm } from '../../../components/manager/new-company-form';
import { DEFAULT_COMPANY_FILTERS } from '../../../lib/manager/list-store';
import type { CompanyListRow } from '../../../lib/messaging/protocol';
import { button, click, get, mount, NOW, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const companyRow = (i: number, over: Partial<CompanyListRow> = {}): CompanyListRow => ({
  id: `co${i}`,
  name: `Company ${i}`,
  domains: [`company${i}.example`],
  contactCount: 3,
  revenue: [{ currency: 'EUR', minor: i * 100 }],
  lastOrderAt: NOW,
  ...over,
});

function listProps(over: Partial<CompanyListProps> = {}): CompanyListProps {
  return { filters: DEFAULT_COMPANY_FILTERS, total: 20_000, status: { kind: 'ready' }, version: 1, rowAt: (i) => companyRow(i), onRange: vi.fn(), onFilters: vi.fn(), onOpen: vi.fn(), onNew: vi.fn(), ...over };
}

const rows = (root: ParentNode) => [...root.querySelectorAll('.list__row')];
const cells = (row: Element) => [...row.querySelectorAll('[role="cell"]')].map((c) => c.textContent?.trim());
const header = (root: ParentNode, label: string) => {
  const found = [...root.querySelectorAll('[role="columnheader"]')].find((h) => h.textContent?.startsWith(label));
  if (!found) throw new Error(`No column ${label}`);
  return found;
};

describe('CompanyList', () => {
  it('shows each company’s name, domains, contacts, revenue in every currency and last order', () => {
    const row = companyRow(1, {
      name: 'Nordlicht Möbel',
      domains: ['nordlicht.de', 'nordlicht.co.uk'],
      contactCount: 2,
      revenue: [
        { currency: 'EUR', minor: 1_234_50 },
        { currency: 'USD', minor: 20_00 },
      ],
    });
    view = mount(<CompanyList {...listProps({ total: 2, rowAt: (i) => (i === 0 ? row : companyRow(2, { name: 'Quiet GmbH', contactCount: 0, revenue: [], lastOrderAt: null })) })} />);
    expect(view.container.textContent).toContain('2 companies');
    const [first, second] = rows(view.container);
    const [name, domains, contacts, revenue, last] = cells(first!);
    expect([name, domains, contacts]).toEqual(['Nordlicht Möbel', 'nordlicht.de, nordlicht.co.uk', '2']);
    // Never converted: each currency is shown as itself.
    expect(revenue).toMatch(/1,234\.50/);
    expect(revenue).toMatch(/€/);
    expect(revenue).toMatch(/\$20\.00/);
    expect(last).not.toBe('–');
    expect(cells(second!).slice(2)).toEqual(['0', '–', '–']);
  });

  it('renders only a window of 20,000 companies and asks for the range it shows, following the scroll', () => {
    const p = listProps();
    view = mount(<CompanyList {...p} />);
    expect(get(view.container, '[role="table"]').getAttribute('aria-rowcount')).toBe('20001');
    expect(rows(view.container).length).toBeGreaterThan(0);
    expect(rows(view.container).length).toBeLessThan(100);
    const viewport = get(view.container, '.list__viewport');
    act(() => {
      viewport.scrollTop = 15_000 * ROW_HEIGHT;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const names = rows(view.container).map((r) => r.querySelector('button')?.textContent);
    expect(names).toContain('Company 15000');
    expect(names).not.toContain('Company 0');
    const [from, to] = (p.onRange as ReturnType<typeof vi.fn>).mock.lastCall as [number, number];
    expect(from).toBeLessThanOrEqual(15_000);
    expect(to).toBeGreaterThan(15_000);
  });

  it('opens a company, shows a placeholder for rows not fetched yet, and offers a new company', () => {
    const p = listProps({ total: 3, rowAt: (i) => (i === 1 ? null : companyRow(i)) });
    view = mount(<CompanyList {...p} />);
    expect(view.container.querySelectorAll('.list__cell--pending')).toHaveLength(1);
    click(button(view.container, 'Company 2'));
    expect(p.onOpen).toHaveBeenCalledWith('co2');
    click(button(view.container, 'New company'));
    expect(p.onNew).toHaveBeenCalled();
  });

  it('searches, and sorts by a column header: figures largest first, a second click turns the order round', () => {
    const p = listProps();
    view = mount(<CompanyList {...p} />);
    type(get<HTMLInputElement>(view.container, 'input[type="search"]'), 'nordlicht.de');
    click(header(view.container, 'Revenue').querySelector('button')!);
    click(header(view.container, 'Contacts').querySelector('button')!);
    click(header(view.container, 'Last order').querySelector('button')!);
    click(header(view.container, 'Company').querySelector('button')!);
    expect((p.onFilters as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual([
      { search: 'nordlicht.de' },
      { sort: 'revenue', descending: true },
      { sort: 'contacts', descending: true },
      { sort: 'lastOrder', descending: true },
      // Name is the current sort (ascending): the click reverses it.
      { descending: true },
    ]);
    expect(header(view.container, 'Company').getAttribute('aria-sort')).toBe('ascending');
    expect(header(view.container, 'Domains').querySelector('button')).toBeNull();
    view.rerender(<CompanyList {...p} filters={{ search: '', sort: 'revenue', descending: true }} />);
    expect(header(view.container, 'Revenue').getAttribute('aria-sort')).toBe('descending');
    expect(header(view.container, 'Company').hasAttribute('aria-sort')).toBe(false);
  });

  it('says when no company matches, when there are none yet, and when the list failed', () => {
    view = mount(<CompanyList {...listProps({ total: 0, filters: { ...DEFAULT_COMPANY_FILTERS, search: 'zzz' } })} />);
    expect(view.container.textContent).toContain('No company’s name or domain matches.');
    view.rerender(<CompanyList {...listProps({ total: 0 })} />);
    expect(view.container.textContent).toContain('No companies yet.');
    view.rerender(<CompanyList {...listProps({ status: { kind: 'loading' } })} />);
    expect(view.container.textContent).toContain('Loading companies…');
    view.rerender(<CompanyList {...listProps({ status: { kind: 'error', message: 'storage is full' } })} />);
    expect(get(view.container, '[role="alert"]').textContent).toContain('storage is full');
  });
});

describe('NewCompanyForm', () => {
  const field = (root: ParentNode, label: string) => {
    const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))?.querySelector('input, textarea');
    if (!found) throw new Error(`No field ${label}`);
    return found as HTMLInputElement;
  };

  it('checks each domain as typed, showing what is kept and refusing what cannot be a company’s', () => {
    const onCreate = vi.fn(() => Promise.resolve());
    view = mount(<NewCompanyForm onCreate={onCreate} onCancel={vi.fn()} />);
    type(field(view.container, 'Company name'), 'Kaffeerad');
    type(field(view.container, 'Domains'), 'https://shop.kaffeerad.co.uk/de\nkaffeerad.de\ngmail.com\nlocalhost');
    const checks = [...view.container.querySelectorAll('[aria-label="Domain check"] li')].map((li) => li.textContent);
    expect(checks).toEqual(['https://shop.kaffeerad.co.uk/de → kaffeerad.co.uk', 'kaffeerad.de', expect.stringContaining('gmail.com is a free-mail domain'), '“localhost” is not a domain.']);
    expect(button(view.container, 'Create company').disabled).toBe(true);
    type(field(view.container, 'Domains'), 'https://shop.kaffeerad.co.uk/de, kaffeerad.de');
    expect(button(view.container, 'Create company').disabled).toBe(false);
  });

  it('sends the name and the typed domains, and shows a refusal with the entries kept', async () => {
    const onCreate = vi.fn(() => Promise.reject(new Error('kaffeerad.de already belongs to Kaffeerad GmbH.')));
    const onCancel = vi.fn();
    view = mount(<NewCompanyForm onCreate={onCreate} onCancel={onCancel} />);
    expect(button(view.container, 'Create company').disabled).toBe(true);
    type(field(view.container, 'Company name'), '  Kaffeerad ');
    type(field(view.container, 'Domains'), 'kaffeerad.de');
    click(button(view.container, 'Create company'));
    await settle();
    expect(onCreate).toHaveBeenCalledWith({ name: 'Kaffeerad', domains: ['kaffeerad.de'] });
    expect(get(view.container, '[role="alert"]').textContent).toBe('Not created: kaffeerad.de already belongs to Kaffeerad GmbH. Your entries are still here.');
    expect(field(view.container, 'Domains').value).toBe('kaffeerad.de');
    click(button(view.container, 'Cancel'));
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('Manager navigation', () => {
  it('starts with the Dashboard, then Customers and Companies', () => {
    const onView = vi.fn();
    const props: ManagerProps = { view: 'companies', customers: 3, statusError: null, backupDue: false, undo: null, onView, onAddCustomer: vi.fn(), onLoadSample: vi.fn(), onUndo: vi.fn(), onDismissUndo: vi.fn(), children: null };
    view = mount(<Manager {...props} />);
    const tabs = [...view.container.querySelectorAll('nav button')].map((b) => b.textContent);
    expect(tabs.slice(0, 4)).toEqual(['Dashboard', 'Customers', 'Today', 'Companies']);
    expect(button(view.container, 'Companies').getAttribute('aria-current')).toBe('page');
    click(button(view.container, 'Customers'));
    expect(onView).toHaveBeenCalledWith('customers');
  });

  it('reminds of a backup on the other pages, not on the Backup page itself', () => {
    const props: ManagerProps = { view: 'customers', customers: 3, statusError: null, backupDue: true, undo: null, onView: vi.fn(), onAddCustomer: vi.fn(), onLoadSample: vi.fn(), onUndo: vi.fn(), onDismissUndo: vi.fn(), children: null };
    view = mount(<Manager {...props} />);
    expect(view.container.textContent).toContain('No backup in the last 30 days');
    view.unmount();
    view = mount(<Manager {...props} view="backup" />);
    expect(view.container.textContent).not.toContain('No backup in the last 30 days');
  });
});
