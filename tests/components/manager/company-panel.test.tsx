// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompanyPanel, type CompanyPanelProps, type CompanyState } from '../../../components/manager/company-panel';
import type { CompanyDetail, ListRow } from '../../../lib/messaging/protocol';
import { button, click, get, mount, NOW, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => view?.unmount());

const row = (over: Partial<ListRow>): ListRow => ({ id: 'c1', name: 'Jan Petersen', email: 'jan@nordlicht.de', companyName: 'Nordlicht', tags: [], tier: 'A', stage: 'active', revenue: { currency: 'EUR', minor: 123_450 }, orderCount: 7, lastOrderAt: NOW, ...over });

const detail: CompanyDetail = {
  company: { id: 'co1', name: 'Nordlicht', domains: ['nordlicht.de'], createdAt: NOW, updatedAt: NOW, deletedAt: null },
  contacts: [row({}), row({ id: 'c2', name: 'Mia Berg', email: 'mia@nordlicht.de', revenue: null, orderCount: 0, lastOrderAt: null })],
};

function props(state: CompanyState, over: Partial<CompanyPanelProps> = {}): CompanyPanelProps {
  return { state, onSave: vi.fn(() => Promise.resolve()), onOpenContact: vi.fn(), onClose: vi.fn(), ...over };
}

describe('CompanyPanel', () => {
  it('shows the domains and every contact with their figures, and opens a contact', () => {
    const p = props({ kind: 'company', detail });
    view = mount(<CompanyPanel {...p} />);
    expect(get(view.container, 'h2').textContent).toBe('Nordlicht');
    expect(view.container.textContent).toContain('2 contacts · nordlicht.de');
    const rows = [...view.container.querySelectorAll('table[aria-label="Contacts"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(rows[0]?.[0]).toContain('Jan Petersen');
    expect(rows[0]?.[1]).toBe('7');
    expect(rows[0]?.[2]).toMatch(/1,234\.50/);
    expect(rows[1]?.slice(1)).toEqual(['0', '–', '–']);
    click(button(view.container, 'Mia Berg'));
    expect(p.onOpenContact).toHaveBeenCalledWith('c2');
  });

  it('saves a rename and the typed domains, one per line', async () => {
    const p = props({ kind: 'company', detail });
    view = mount(<CompanyPanel {...p} />);
    type(get<HTMLInputElement>(view.container, 'input'), 'Nordlicht GmbH');
    type(get<HTMLTextAreaElement>(view.container, 'textarea'), 'nordlicht.de\nshop.nordlicht.co.uk');
    click(button(view.container, 'Save'));
    await settle();
    expect(p.onSave).toHaveBeenCalledWith({ name: 'Nordlicht GmbH', domains: ['nordlicht.de', 'shop.nordlicht.co.uk'] });
    expect(view.container.textContent).toContain('Saved.');
  });

  it('shows why a free-mail domain was refused and keeps what was typed', async () => {
    const p = props({ kind: 'company', detail }, { onSave: vi.fn(() => Promise.reject(new Error('gmail.com is a free-mail domain: its addresses belong to many people, so it cannot mark a company’s contacts.'))) });
    view = mount(<CompanyPanel {...p} />);
    type(get<HTMLTextAreaElement>(view.container, 'textarea'), 'nordlicht.de\ngmail.com');
    click(button(view.container, 'Save'));
    await settle();
    expect(get(view.container, '[role="alert"]').textContent).toContain('gmail.com is a free-mail domain');
    expect(get<HTMLTextAreaElement>(view.container, 'textarea').value).toBe('nordlicht.de\ngmail.com');
  });

  it('does not save an empty name', () => {
    const p = props({ kind: 'company', detail });
    view = mount(<CompanyPanel {...p} />);
    type(get<HTMLInputElement>(view.container, 'input'), '   ');
    expect(button(view.container, 'Save').disabled).toBe(true);
  });

  it('shows a load error with a way to close', () => {
    const p = props({ kind: 'error', message: 'This company no longer exists.' });
    view = mount(<CompanyPanel {...p} />);
    expect(view.container.textContent).toContain('This company no longer exists.');
    click(button(view.container, 'Close'));
    expect(p.onClose).toHaveBeenCalledOnce();
  });
});
