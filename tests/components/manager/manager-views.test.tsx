// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { BackupPanel, type BackupPanelProps, type TaskState } from '../../../components/manager/backup-panel';
import { CustomerDetail, type CustomerDetailProps } from '../../../components/manager/customer-detail';
import { CustomerList, ROW_HEIGHT, type CustomerListProps } from '../../../components/manager/customer-list';
import { DuplicatesPanel } from '../../../components/manager/duplicates-panel';
import { DEFAULT_FILTERS } from '../../../lib/manager/list-store';
import type { ListRow } from '../../../lib/messaging/protocol';
import { button, click, createCard, createCustomer, get, mount, NOW, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const listRow = (i: number): ListRow => ({ id: `c${i}`, name: `Customer ${i}`, email: `c${i}@example.com`, companyName: null, tags: [], tier: 'B', stage: 'active', revenue: { currency: 'EUR', minor: i * 100 }, orderCount: 1, lastOrderAt: NOW });

function listProps(over: Partial<CustomerListProps> = {}): CustomerListProps {
  return { filters: DEFAULT_FILTERS, tags: ['vip', 'wholesale'], total: 100_000, status: { kind: 'ready' }, version: 1, rowAt: listRow, onRange: vi.fn(), onFilters: vi.fn(), onOpen: vi.fn(), ...over };
}

function change(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('CustomerList', () => {
  it('renders only a window of 100,000 rows and asks for the range it shows, following the scroll', () => {
    const p = listProps();
    view = mount(<CustomerList {...p} />);
    const rows = () => [...view!.container.querySelectorAll('.list__row')];
    expect(view.container.textContent).toContain('100,000 customers');
    expect(get(view.container, '[role="table"]').getAttribute('aria-rowcount')).toBe('100001');
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(100);
    expect(p.onRange).toHaveBeenLastCalledWith(0, rows().length);

    const viewport = get(view.container, '.list__viewport');
    act(() => {
      viewport.scrollTop = 50_000 * ROW_HEIGHT;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const names = rows().map((r) => r.querySelector('button')?.textContent);
    expect(names).toContain('Customer 50000');
    expect(names).not.toContain('Customer 0');
    expect(rows().length).toBeLessThan(100);
    const [from, to] = (p.onRange as ReturnType<typeof vi.fn>).mock.lastCall as [number, number];
    expect(from).toBeLessThanOrEqual(50_000);
    expect(to).toBeGreaterThan(50_000);
    expect(to - from).toBeLessThan(100);
    // A row placed at its absolute offset, so the scrollbar stands for all 100,000.
    expect((rows().find((r) => r.textContent?.includes('Customer 50000')) as HTMLElement).style.top).toBe(`${50_000 * ROW_HEIGHT}px`);
  });

  it('shows a placeholder for rows not fetched yet and opens a fetched one', () => {
    const p = listProps({ total: 3, rowAt: (i) => (i === 1 ? null : listRow(i)) });
    view = mount(<CustomerList {...p} />);
    expect(view.container.querySelectorAll('.list__cell--pending')).toHaveLength(1);
    click(button(view.container, 'Customer 2'));
    expect(p.onOpen).toHaveBeenCalledWith('c2');
  });

  it('emits search, filters and sorts as filter patches', () => {
    const p = listProps();
    view = mount(<CustomerList {...p} />);
    type(get<HTMLInputElement>(view.container, 'input[type="search"]'), 'acme');
    const selects = [...view.container.querySelectorAll('select')];
    change(selects[0]!, 'A');
    change(selects[1]!, 'at_risk');
    change(selects[2]!, 'vip');
    change(selects[3]!, 'revenue:desc');
    change(selects[3]!, 'lastOrder:asc');
    expect((p.onFilters as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual([
      { search: 'acme' },
      { tier: 'A' },
      { stage: 'at_risk' },
      { tag: 'vip' },
      { sort: 'revenue', descending: true },
      { sort: 'lastOrder', descending: false },
    ]);
  });

  it('says when nothing matches and when the list failed', () => {
    view = mount(<CustomerList {...listProps({ total: 0, filters: { ...DEFAULT_FILTERS, search: 'zzz' } })} />);
    expect(view.container.textContent).toContain('No customers match. Try other filters.');
    view.rerender(<CustomerList {...listProps({ status: { kind: 'error', message: 'storage is full' } })} />);
    expect(get(view.container, '[role="alert"]').textContent).toContain('storage is full');
  });
});

function detailProps(over: Partial<CustomerDetailProps> = {}): CustomerDetailProps {
  return { state: { kind: 'card', card: createCard() }, onSave: vi.fn(() => Promise.resolve()), onDelete: vi.fn(), onClose: vi.fn(), ...over };
}

function field(root: ParentNode, label: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label));
  const control = found?.querySelector('input, textarea, select');
  if (!control) throw new Error(`No field ${label}`);
  return control as HTMLInputElement;
}

describe('CustomerDetail', () => {
  it('sends every field as typed, parsed into the patch', async () => {
    const p = detailProps();
    view = mount(<CustomerDetail {...p} />);
    const root = view.container;
    type(field(root, 'Name') as HTMLInputElement, 'Ann Beispiel');
    type(field(root, 'Emails') as HTMLTextAreaElement, 'ann@acme.example\nann.b@acme.example');
    type(field(root, 'Phone') as HTMLInputElement, '+49 30 1234');
    type(field(root, 'Company') as HTMLInputElement, 'Acme');
    type(field(root, 'Tags') as HTMLInputElement, 'vip, wholesale, vip');
    type(field(root, 'Birthday') as HTMLInputElement, '1980-04-02');
    type(field(root, 'Family') as HTMLTextAreaElement, 'Two kids');
    type(field(root, 'Interests') as HTMLTextAreaElement, 'Sailing');
    change(field(root, 'Preferred channel') as HTMLSelectElement, 'phone');
    change(field(root, 'Tier set by hand') as HTMLSelectElement, 'A');
    const difficult = get<HTMLInputElement>(root, 'input[type="checkbox"]');
    if (!difficult.checked) click(difficult);
    click(button(root, 'Save'));
    await settle();
    expect(p.onSave).toHaveBeenCalledWith({
      name: 'Ann Beispiel',
      emails: ['ann@acme.example', 'ann.b@acme.example'],
      phone: '+49 30 1234',
      companyName: 'Acme',
      tags: ['vip', 'wholesale'],
      birthday: '1980-04-02',
      preferredChannel: 'phone',
      difficult: true,
      family: 'Two kids',
      interests: 'Sailing',
      tierOverride: 'A',
    });
    expect(root.textContent).toContain('Saved.');
  });

  it('shows the do-not-contact flag and saves consent on its own, as a consent patch', async () => {
    const customer = createCustomer({ consent: { doNotContact: { since: NOW, reason: 'Wrote: please stop contacting me' }, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' }, marketingUpdatedAt: NOW } });
    const p = detailProps({ state: { kind: 'card', card: createCard({ customer }) } });
    view = mount(<CustomerDetail {...p} />);
    const root = view.container;
    expect(get(root, '.consent-flag').textContent).toContain('Do not contact since');
    expect(get(root, '.consent-flag').textContent).toContain('Wrote: please stop contacting me');
    const form = get(root, 'form[aria-label="Consent"]');
    click(get(form, 'input[type="checkbox"]'));
    await settle();
    click(button(form, 'Save consent'));
    await settle();
    expect(p.onSave).toHaveBeenCalledWith({ consent: { doNotContact: null, marketing: { email: 'no', sms: 'unknown', whatsapp: 'unknown' } } });
  });

  it('clears optional fields to null', async () => {
    const p = detailProps({ state: { kind: 'card', card: createCard({ customer: createCustomer({ phone: '+1 555', birthday: '04-02' }) }) } });
    view = mount(<CustomerDetail {...p} />);
    type(field(view.container, 'Phone') as HTMLInputElement, ' ');
    type(field(view.container, 'Birthday') as HTMLInputElement, '');
    click(button(view.container, 'Save'));
    await settle();
    expect(p.onSave).toHaveBeenCalledWith(expect.objectContaining({ phone: null, birthday: null, preferredChannel: null, tierOverride: null, companyName: null }));
  });

  it('keeps what was typed when the save fails, with the reason', async () => {
    const p = detailProps({ onSave: vi.fn(() => Promise.reject(new Error('“ann@” is not an email address.'))) });
    view = mount(<CustomerDetail {...p} />);
    type(field(view.container, 'Emails') as HTMLTextAreaElement, 'ann@');
    type(field(view.container, 'Name') as HTMLInputElement, 'Typed name');
    click(button(view.container, 'Save'));
    await settle();
    expect(get(view.container, '[role="alert"]').textContent).toContain('Not saved: “ann@” is not an email address. Your changes are still here.');
    expect(field(view.container, 'Emails').value).toBe('ann@');
    expect(field(view.container, 'Name').value).toBe('Typed name');
  });

  it('deletes, closes, and opens the company', () => {
    const company = { id: 'co1', name: 'Acme', domains: ['acme.example'], createdAt: NOW, updatedAt: NOW, deletedAt: null };
    const onOpenCompany = vi.fn();
    const p = detailProps({ state: { kind: 'card', card: createCard({ company }) }, onOpenCompany });
    view = mount(<CustomerDetail {...p} />);
    click(button(view.container, 'Open Acme'));
    expect(onOpenCompany).toHaveBeenCalledWith('co1');
    click(button(view.container, 'Delete customer'));
    expect(p.onDelete).toHaveBeenCalledOnce();
    click(get(view.container, 'button[aria-label="Close customer"]'));
    expect(p.onClose).toHaveBeenCalledOnce();
  });
});

describe('DuplicatesPanel', () => {
  it('merges the others into the one chosen', () => {
    const onMerge = vi.fn();
    const onFind = vi.fn();
    const group = { reason: 'email' as const, shared: 'ann@acme.example', customers: [listRow(1), listRow(2), listRow(3)] };
    view = mount(<DuplicatesPanel state={{ kind: 'groups', groups: [group] }} onFind={onFind} onMerge={onMerge} />);
    expect(view.container.textContent).toContain('Same address: ann@acme.example');
    const keep = [...view.container.querySelectorAll('li')].find((li) => li.textContent?.includes('Customer 2'))?.querySelector('button');
    click(keep!);
    expect(onMerge).toHaveBeenCalledWith('c2', ['c1', 'c3']);
    click(button(view.container, 'Find duplicates'));
    expect(onFind).toHaveBeenCalledOnce();
  });

  it('says when there are none, and shows an error', () => {
    view = mount(<DuplicatesPanel state={{ kind: 'groups', groups: [] }} onFind={vi.fn()} onMerge={vi.fn()} />);
    expect(view.container.textContent).toContain('No likely duplicates.');
    view.rerender(<DuplicatesPanel state={{ kind: 'error', message: 'The extension did not answer.' }} onFind={vi.fn()} onMerge={vi.fn()} />);
    expect(get(view.container, '[role="alert"]').textContent).toBe('The extension did not answer.');
  });
});

function backupProps(task: TaskState = { kind: 'idle' }, over: Partial<BackupPanelProps> = {}): BackupPanelProps {
  return { storage: { persisted: true, usage: 5 * 1_048_576, quota: 100 * 1_048_576 }, lastBackupAt: null, task, onBackup: vi.fn(), onRestore: vi.fn(), onExport: vi.fn(), ...over };
}

function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('BackupPanel', () => {
  it('each button emits its own event', () => {
    const p = backupProps();
    view = mount(<BackupPanel {...p} />);
    expect(view.container.textContent).toContain('Last backup: never.');
    expect(view.container.textContent).toContain('Using 5 MB of 100 MB.');
    click(button(view.container, 'Download full backup (JSON)'));
    click(button(view.container, 'Customers CSV'));
    click(button(view.container, 'Orders CSV'));
    click(button(view.container, 'Contacts vCard'));
    expect(p.onBackup).toHaveBeenCalledOnce();
    expect((p.onExport as ReturnType<typeof vi.fn>).mock.calls.map((c) => c[0])).toEqual(['customers-csv', 'orders-csv', 'vcard']);
  });

  it('restores the chosen file in the chosen mode (merge unless replace is picked)', () => {
    const p = backupProps();
    view = mount(<BackupPanel {...p} />);
    const input = get<HTMLInputElement>(view.container, 'input[aria-label="Backup file to restore"]');
    const file = new File(['{}'], 'crm-backup.json', { type: 'application/json' });
    choose(input, file);
    expect(p.onRestore).toHaveBeenLastCalledWith(file, 'merge');
    click([...view.container.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1]!);
    choose(input, file);
    expect(p.onRestore).toHaveBeenLastCalledWith(file, 'replace');
  });

  it('F12 warns when the browser did not make storage persistent, and shows what is used of the quota', () => {
    const storage = { persisted: false, usage: 5 * 1_048_576, quota: 100 * 1_048_576 };
    view = mount(<BackupPanel {...backupProps(undefined, { storage })} />);
    expect(view.container.textContent).toContain('Using 5 MB of 100 MB. The browser may clear this data when disk space runs low.');
    view.rerender(<BackupPanel {...backupProps(undefined, { storage: { ...storage, persisted: true } })} />);
    expect(view.container.textContent).toContain('Storage is persistent.');
    expect(view.container.textContent).not.toContain('may clear');
  });

  it('shows a refused restore as an alert, and disables everything while busy', () => {
    const reason = 'This is not a backup of this extension (no format marker). Nothing was restored.';
    view = mount(<BackupPanel {...backupProps({ kind: 'error', message: reason })} />);
    expect(get(view.container, '[role="alert"]').textContent).toBe(reason);
    view.rerender(<BackupPanel {...backupProps({ kind: 'busy', label: 'Checking the backup… 2,000 of 9,000 rows' })} />);
    expect(view.container.textContent).toContain('Checking the backup… 2,000 of 9,000 rows');
    expect(button(view.container, 'Download full backup (JSON)').disabled).toBe(true);
    expect(get<HTMLInputElement>(view.container, 'input[type="file"]').disabled).toBe(true);
    view.rerender(<BackupPanel {...backupProps({ kind: 'done', message: 'Restored 12 rows.' })} />);
    expect(get(view.container, '.banner--ok').textContent).toBe('Restored 12 rows.');
  });
});
