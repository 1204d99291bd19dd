import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { CustomerCard, TabPerson } from '../../lib/messaging/protocol';
import { customerDefaults, type Customer, type Interaction, type Note, type Order } from '../../lib/model/records';

/** Renders into a fresh container; call the returned `unmount` in afterEach. */
export function mount(vnode: ComponentChild) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  act(() => {
    render(vnode, container);
  });
  return {
    container,
    rerender(next: ComponentChild) {
      act(() => {
        render(next, container);
      });
    },
    unmount() {
      act(() => {
        render(null, container);
      });
      container.remove();
    },
  };
}

/** Lets pending promises (a callback's resolve or reject) settle and re-render. */
export async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

export function click(target: Element) {
  act(() => {
    (target as HTMLElement).click();
  });
}

/** The first element matching, or a failure that says what was missing. */
export function get<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector as 'div') as T | null;
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

/** The button whose visible text is exactly `text`. */
export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}

/** A promise whose settling the test controls. */
export function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const DAY = 86_400_000;
export const NOW = new Date(2026, 10, 27, 12, 0).getTime();

const base = { createdAt: NOW - 400 * DAY, updatedAt: NOW - 400 * DAY, deletedAt: null };

export function createCustomer(overrides: Partial<Customer> = {}): Customer {
  return { ...customerDefaults(), ...base, id: 'c1', name: 'Ann Example', emails: ['ann@acme.example'], ...overrides };
}

export function createOrder(overrides: Partial<Order> = {}): Order {
  return {
    ...base,
    id: 'o1',
    customerId: 'c1',
    orderedAt: NOW - 10 * DAY,
    total: { currency: 'EUR', minor: 12000 },
    number: '1042',
    source: null,
    externalId: null,
    status: null,
    ...overrides,
  };
}

export function createInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return { ...base, id: 'i1', customerId: 'c1', kind: 'call', at: NOW - 5 * DAY, summary: 'Asked about delivery', ...overrides };
}

export function createNote(overrides: Partial<Note> = {}): Note {
  return { ...base, id: 'n1', customerId: 'c1', body: 'Prefers calls', pinned: false, ...overrides };
}

export function createCard(overrides: Partial<CustomerCard> = {}): CustomerCard {
  return { customer: createCustomer(), company: null, orders: [], interactions: [], notes: [], ...overrides };
}

export function createPerson(overrides: Partial<TabPerson> = {}): TabPerson {
  return { email: 'ann@acme.example', name: 'Ann Example', roles: ['from'], customerId: 'c1', customerName: 'Ann Example', companyGuess: null, ...overrides };
}
