// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { CustomerSearch, type CustomerSearchProps } from '../../../components/sidebar/customer-search';
import type { CustomerChoice } from '../../../lib/messaging/protocol';
import type { SearchState } from '../../../lib/sidebar/search-store';
import { get, mount, press, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function choice(overrides: Partial<CustomerChoice> = {}): CustomerChoice {
  return { customerId: 'c1', name: 'Maria Jensen', email: 'maria@nordlicht.example', companyId: 'k1', companyName: 'Nordlicht Möbel', ...overrides };
}

const maria = choice();
const tom = choice({ customerId: 'c2', name: 'Tom Becker', email: 'tom@becker.example', companyId: null, companyName: null });
const results = (list: CustomerChoice[], query = 'e'): SearchState => ({ kind: 'results', query, results: list });

function renderSearch(state: SearchState, overrides: Partial<CustomerSearchProps> = {}) {
  const props: CustomerSearchProps = { state, onQuery: vi.fn(), onChoose: vi.fn(), onClose: vi.fn(), ...overrides };
  view = mount(<CustomerSearch {...props} />);
  const input = get<HTMLInputElement>(view.container, 'input[role="combobox"]');
  return { ...props, container: view.container, input };
}

const options = (root: ParentNode) => Array.from(root.querySelectorAll('[role="option"]'));

describe('CustomerSearch', () => {
  it('sends what is typed', () => {
    const { input, onQuery } = renderSearch({ kind: 'idle' });
    type(input, 'mar');
    expect(onQuery).toHaveBeenCalledWith('mar');
  });

  it('lists the results with address and company, as text', () => {
    const hostile = choice({ customerId: 'c3', name: '<img src=x onerror=alert(1)>', email: null, companyName: null });
    const { container, input } = renderSearch(results([maria, hostile]));
    expect(options(container).map((o) => o.textContent)).toEqual([
      'Maria Jensenmaria@nordlicht.example · Nordlicht Möbel',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(container.querySelector('img')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('moves through the results with the arrows and opens the active one with Enter', () => {
    const { container, input, onChoose } = renderSearch(results([maria, tom]));
    expect(input.getAttribute('aria-activedescendant')).toBe(options(container)[0]?.id);
    press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options(container)[1]?.id);
    expect(options(container)[1]?.getAttribute('aria-selected')).toBe('true');
    press(input, 'ArrowDown'); // wraps to the first
    press(input, 'ArrowUp'); // and back to the last
    press(input, 'Enter');
    expect(onChoose).toHaveBeenCalledWith(tom);
  });

  it('opens a result clicked with the mouse', () => {
    const { container, onChoose } = renderSearch(results([maria, tom]));
    act(() => {
      options(container)[0]?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    });
    expect(onChoose).toHaveBeenCalledWith(maria);
  });

  it('clears the box with Escape, and asks to close when it is already empty', () => {
    const { input, onQuery, onClose } = renderSearch({ kind: 'idle' });
    type(input, 'tom');
    press(input, 'Escape');
    expect(input.value).toBe('');
    expect(onQuery).toHaveBeenLastCalledWith('');
    expect(onClose).not.toHaveBeenCalled();
    press(input, 'Escape');
    expect(onClose).toHaveBeenCalled();
  });

  it('says when it is searching, when nothing matches, and when the search failed', () => {
    const { container } = renderSearch({ kind: 'loading', query: 'zz' });
    expect(container.textContent).toContain('Searching…');
    view?.rerender(<CustomerSearch state={results([], 'zz')} onQuery={vi.fn()} onChoose={vi.fn()} />);
    expect(container.textContent).toContain('No customer matches “zz”.');
    expect(options(container)).toHaveLength(0);
    view?.rerender(<CustomerSearch state={{ kind: 'error', query: 'zz', message: 'The extension did not answer.' }} onQuery={vi.fn()} onChoose={vi.fn()} />);
    expect(get(container, '[role="alert"]').textContent).toContain('The extension did not answer.');
  });

  it('does nothing on Enter without results', () => {
    const { input, onChoose } = renderSearch({ kind: 'loading', query: 'ma' });
    press(input, 'Enter');
    expect(onChoose).not.toHaveBeenCalled();
  });
});
