import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerCard, SidebarContext } from '../../../lib/messaging/protocol';
import { customerDefaults } from '../../../lib/model/records';
import { startShell, takeShellHandoff, type ShellDeps, type ShellPort } from '../../../lib/sidebar/shell';

function card(name: string): CustomerCard {
  return { customer: { ...customerDefaults(), id: name, name, emails: [], createdAt: 0, updatedAt: 0 }, company: null, orders: [], interactions: [], notes: [] };
}

function context(seq: number, withCard: string | null, people = 1): SidebarContext {
  return {
    view: 'thread',
    threadId: 't',
    seq,
    people: Array.from({ length: people }, (_, i) => ({ email: `p${i}@x.example`, name: '', roles: ['from' as const], customerId: withCard, customerName: null, companyGuess: null })),
    card: withCard ? card(withCard) : null,
  };
}

function fakePort() {
  const listeners: ((raw: unknown) => void)[] = [];
  const port: ShellPort = { onMessage: { addListener: (l) => listeners.push(l) }, onDisconnect: { addListener: () => undefined } };
  return { port, push: (raw: unknown) => listeners.forEach((l) => l(raw)) };
}

function setup(reply: Promise<SidebarContext>) {
  const { port, push } = fakePort();
  const painted: string[] = [];
  let afterPaint: (() => void) | null = null;
  const deps: ShellDeps = {
    connect: () => port,
    context: () => reply,
    paint: (c) => painted.push(c.card?.customer.name ?? ''),
    loadApp: vi.fn(),
    afterPaint: (then) => (afterPaint = then),
  };
  const handoff = startShell(deps);
  return { handoff, push, painted, deps, framePainted: () => afterPaint?.() };
}

describe('the sidebar shell', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    takeShellHandoff();
    vi.useRealTimers();
  });

  it('paints the card of the reply, then loads the whole sidebar once that frame is on screen', async () => {
    const { handoff, painted, deps, framePainted } = setup(Promise.resolve(context(3, 'Maria')));
    await vi.advanceTimersByTimeAsync(0);
    expect(painted).toEqual(['Maria']);
    expect(deps.loadApp).not.toHaveBeenCalled();
    framePainted();
    expect(deps.loadApp).toHaveBeenCalledTimes(1);
    expect(handoff.context?.card?.customer.name).toBe('Maria');
    expect(takeShellHandoff()).toBe(handoff);
    expect(takeShellHandoff()).toBeNull();
  });

  it('paints a card pushed before the reply, and drops the older reply', async () => {
    let answer: (c: SidebarContext) => void = () => undefined;
    const { handoff, push, painted } = setup(new Promise((resolve) => (answer = resolve)));
    push({ type: 'context', seq: 5, context: context(5, 'Tom') });
    answer(context(0, null, 0));
    await vi.advanceTimersByTimeAsync(0);
    expect(painted).toEqual(['Tom']);
    expect(handoff.context?.seq).toBe(5);
  });

  it('loads the whole sidebar at once for someone who is not a customer, painting nothing', async () => {
    const { painted, deps } = setup(Promise.resolve(context(2, null)));
    await vi.advanceTimersByTimeAsync(0);
    expect(painted).toEqual([]);
    expect(deps.loadApp).toHaveBeenCalledTimes(1);
  });

  it('waits for the page’s report, and loads the sidebar anyway after a second without one', async () => {
    const { deps } = setup(Promise.resolve(context(0, null, 0)));
    await vi.advanceTimersByTimeAsync(999);
    expect(deps.loadApp).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(deps.loadApp).toHaveBeenCalledTimes(1);
  });

  it('loads the sidebar when the background does not answer', async () => {
    const { deps } = setup(Promise.reject(new Error('no answer')));
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.loadApp).toHaveBeenCalledTimes(1);
  });

  it('hands the port’s events to the sidebar in order, those that came before first', async () => {
    const { handoff, push } = setup(Promise.resolve(context(1, 'Maria')));
    push({ type: 'data', customerIds: ['a'] });
    push({ type: 'data', customerIds: ['b'] });
    const seen: unknown[] = [];
    handoff.listen((raw) => seen.push(raw));
    push({ type: 'data', customerIds: ['c'] });
    expect(seen.map((e) => (e as { customerIds: string[] }).customerIds[0])).toEqual(['a', 'b', 'c']);
  });
});
