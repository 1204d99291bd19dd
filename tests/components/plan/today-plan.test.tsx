// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TodayPlan } from '../../../components/plan/today-plan';
import type { TodayEntry } from '../../../lib/messaging/protocol';
import { button, click, get, mount } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function entry(id: string, group: TodayEntry['group'], title: string): TodayEntry {
  return { customerId: id, name: `Name ${id}`, email: null, tier: 'A', group, stakeMinor: 1000, suggestion: { ruleId: 'win-back', title, reason: `Reason ${id}`, channel: 'email', dueAt: 0, priority: 50, factsKey: 'k', overdue: id === 'c1' } };
}

describe('TodayPlan', () => {
  it('groups the plan by kind in a fixed order, shows the owner action, Show more and the campaign', () => {
    const onMore = vi.fn();
    const onOpen = vi.fn();
    const items = [entry('c1', 'keep', 'Win them back'), entry('c2', 'service', 'Resolve the open complaint'), entry('c3', 'grow', 'Ask for a referral')];
    const owner = { kind: 'concentration' as const, title: 'Broaden your customer base', reason: 'Your 5 largest customers bring 36 %.', steps: ['Ask Big Hotel for a referral.'], customerId: 'c9' };
    view = mount(<TodayPlan state={{ kind: 'ready', value: { items, total: 14, planSize: 3, campaign: 7, owner } }} onOpen={onOpen} onMore={onMore} />);
    const root = view.container;
    expect([...root.querySelectorAll('.today-plan__group-title')].map((h) => h.textContent)).toEqual(['Service first', 'Keep customers', 'Grow']);
    expect(get(root, '[aria-label="For your business"]').textContent).toContain('Broaden your customer base');
    expect(get(root, '[data-group="keep"] .badge--overdue').textContent).toBe('overdue');
    click(button(root, 'Show more (11 more due today)'));
    expect(onMore).toHaveBeenCalled();
    expect(root.textContent).toContain('7 long-gone one-time buyers are in the win-back campaign list');
    click(get(root, '[data-group="service"] .row__main'));
    expect(onOpen).toHaveBeenCalledWith(items[1]);
  });

  it('shows only the first few in the popup, the rest of what is loaded behind "Show N more"', () => {
    const onMore = vi.fn();
    const items = [entry('c1', 'keep', 'Win them back'), entry('c2', 'service', 'Resolve the open complaint'), entry('c3', 'grow', 'Ask for a referral'), entry('c4', 'keep', 'Check in')];
    view = mount(<TodayPlan state={{ kind: 'ready', value: { items, total: 9, planSize: 4, campaign: 0, owner: null } }} onOpen={vi.fn()} onMore={onMore} few={2} />);
    const root = view.container;
    // The first two in the plan's order, still grouped.
    expect([...root.querySelectorAll('.row__name')].map((n) => n.textContent)).toEqual(['Name c2', 'Name c1']);
    expect([...root.querySelectorAll('.today-plan__group-title')].map((h) => h.textContent)).toEqual(['Service first', 'Keep customers']);
    click(button(root, 'Show 2 more'));
    expect(root.querySelectorAll('li.row')).toHaveLength(4);
    expect(onMore).not.toHaveBeenCalled();
    // Then the next part of the plan from the background.
    click(button(root, 'Show more (5 more due today)'));
    expect(onMore).toHaveBeenCalled();
  });

  it('says when nothing needs the owner, and shows a failure as an alert', () => {
    view = mount(<TodayPlan state={{ kind: 'ready', value: { items: [], total: 0, planSize: 10, campaign: 0, owner: null } }} onOpen={vi.fn()} onMore={vi.fn()} />);
    expect(view.container.textContent).toContain('Nothing needs you today.');
    view.rerender(<TodayPlan state={{ kind: 'error', message: 'No answer.' }} onOpen={vi.fn()} onMore={vi.fn()} />);
    expect(get(view.container, '[role="alert"]').textContent).toBe('No answer.');
  });
});
