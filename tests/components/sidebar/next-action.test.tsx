// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerCard } from '../../../components/sidebar/customer-card';
import { InsightsContext, type InsightsSlot } from '../../../components/sidebar/insights-context';
import { statusWords } from '../../../components/sidebar/insight-badges';
import { dayToTime, NextAction } from '../../../components/sidebar/next-action';
import type { InsightCard, InsightSuggestion } from '../../../lib/messaging/protocol';
import type { InsightsState } from '../../../lib/sidebar/insights-store';
import { DAY, NOW, button, click, createCard, deferred, get, mount, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const HOSTILE = '<img src=x onerror="alert(1)"><b>bold</b>';

function suggestion(over: Partial<InsightSuggestion> = {}): InsightSuggestion {
  return {
    ruleId: 'resolve-complaint',
    title: 'Resolve the open complaint',
    reason: 'Complaint logged 4 days ago “Two chairs arrived scratched.” and not resolved since.',
    channel: 'phone',
    dueAt: NOW - 4 * DAY,
    priority: 102,
    factsKey: 'issue:i1',
    overdue: true,
    ...over,
  };
}

function insightCard(over: Partial<InsightCard> = {}): InsightCard {
  return {
    customerId: 'c1',
    computedAt: NOW,
    tier: { tier: 'B', computed: 'B', overridden: false },
    rfm: 'Loyal',
    stage: 'active',
    held: [],
    figures: { orderCount: 6, medianIntervalDays: 35, expectedNextOrderAt: NOW + 5 * DAY, daysSinceLastOrder: 30, daysSinceLastTouch: 3, revenue12m: [{ currency: 'EUR', minor: 123_400 }] },
    buying: { pAlive: 0.78, usualGapDays: [35, 49], nextOrder: { at: Date.UTC(2026, 11, 17, 12), from: Date.UTC(2026, 11, 10, 12), to: Date.UTC(2026, 11, 24, 12) }, seasonDay: null, expectedOrders12m: 6.2, expectedValue12mMinor: 98_000, atStakeMinor: 21_000, currency: 'EUR' },
    suggestions: [suggestion(), suggestion({ ruleId: 'reorder-reminder', title: 'Remind them to reorder', reason: 'Usually every 35 days.', factsKey: 'k2', overdue: false, dueAt: NOW + DAY })],
    explanation: {
      buying: ['About 78 % likely still buying.'],
      tier: ['Ranked 3 by revenue over the last 12 months.'],
      rfm: ['Recency 4, frequency 4, monetary 3 of 5: Loyal.'],
      stage: ['Last order 30 days ago: active.'],
      suggestions: [{ ruleId: 'resolve-complaint', sentences: ['Suggested by the resolve-complaint rule, priority 102, by phone.'] }],
    },
    ...over,
  };
}

function renderNext(state: InsightsState) {
  const callbacks = { onDone: vi.fn(async () => undefined), onSnooze: vi.fn(async () => undefined), onDismiss: vi.fn(async () => undefined), onUndo: vi.fn(async () => undefined) };
  view = mount(<NextAction state={state} now={NOW} locale="en-US" {...callbacks} />);
  return { ...callbacks, container: view.container };
}

describe('NextAction', () => {
  it('shows the top suggestion with its reason, channel and overdue mark, the others collapsed', () => {
    const { container } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard() });
    const top = get(container, '.suggestion--top');
    expect(top.textContent).toContain('Resolve the open complaint');
    expect(top.textContent).toContain('Two chairs arrived scratched.');
    expect(top.textContent).toContain('Phone');
    expect(get(top, '.badge--overdue').textContent).toBe('overdue');
    const others = get<HTMLDetailsElement>(container, 'details.alternatives');
    expect(others.open).toBe(false);
    expect(get(others, 'summary').textContent).toBe('Other suggestions (1)');
    expect(others.textContent).toContain('Remind them to reorder');
    // The buying model in plain words, with its uncertainty: a range, a chance, a window.
    expect(get(container, '.insight-rhythm').textContent).toContain('Usually every 5–7 weeks · 78 % likely still buying · next order expected Dec 10–Dec 24');
  });

  it('sends Done, Snooze and Dismiss for the suggestion they sit on, with one click each, and confirms each with Undo', async () => {
    const reorder = suggestion({ ruleId: 'reorder-reminder', title: 'Remind them to reorder', factsKey: 'k2' });
    const feedback = suggestion({ ruleId: 'ask-feedback', title: 'Ask how the chairs are doing', factsKey: 'k3' });
    const { container, onDone, onSnooze, onDismiss, onUndo } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard({ suggestions: [feedback, reorder] }) });
    const top = () => get(container, '.suggestion--top');
    click(button(top(), 'Done'));
    await settle();
    expect(onDone).toHaveBeenCalledWith('ask-feedback');
    expect(get(container, '.undo-bar [role=status]').textContent).toBe('Logged: survey sent');
    click(button(get(container, '.undo-bar'), 'Undo'));
    await settle();
    expect(onUndo).toHaveBeenCalledWith('ask-feedback', 'k3');
    expect(container.querySelector('.undo-bar')).toBeNull();

    click(button(top(), 'Snooze 1 week'));
    await settle();
    expect(onSnooze).toHaveBeenLastCalledWith('ask-feedback', 'k3', NOW + 7 * DAY);
    expect(get(container, '.undo-bar [role=status]').textContent).toBe(`Snoozed until ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(NOW + 7 * DAY)}`);
    click(button(top(), 'Snooze 1 day'));
    await settle();
    expect(onSnooze).toHaveBeenLastCalledWith('ask-feedback', 'k3', NOW + DAY);
    click(button(top(), 'Dismiss'));
    await settle();
    expect(onDismiss).toHaveBeenCalledWith('ask-feedback', 'k3');
    expect(get(container, '.undo-bar [role=status]').textContent).toBe('Dismissed: Ask how the chairs are doing');
  });

  it('resolves a complaint, and dismisses it only after saying the complaint stays open', async () => {
    const { container, onDone, onDismiss } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard() });
    const top = get(container, '.suggestion--top');
    click(button(top, 'Dismiss'));
    await settle();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(get(top, '.suggestion__confirm').textContent).toContain('The complaint stays open');
    click(button(top, 'Keep it'));
    expect(top.querySelector('.suggestion__confirm')).toBeNull();
    click(button(top, 'Dismiss'));
    click(button(top, 'Dismiss anyway'));
    await settle();
    expect(onDismiss).toHaveBeenCalledWith('resolve-complaint', 'issue:i1');
    click(button(get(container, '.suggestion--top'), 'Resolved'));
    await settle();
    expect(onDone).toHaveBeenCalledWith('resolve-complaint');
    expect(get(container, '.undo-bar [role=status]').textContent).toBe('Logged: complaint resolved');
  });

  it('lists snoozed and dismissed suggestions behind "show", each with Undo', async () => {
    const held = [
      { ruleId: 'ask-feedback' as const, factsKey: 'k3', title: 'Ask for feedback', kind: 'snoozed' as const, until: NOW + 3 * DAY },
      { ruleId: 'upsell' as const, factsKey: 'k4', title: 'Offer the matching table', kind: 'dismissed' as const, until: null },
    ];
    const { container, onUndo } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard({ held }) });
    const list = get<HTMLDetailsElement>(container, 'details.held');
    expect(list.open).toBe(false);
    expect(get(list, 'summary').textContent).toBe('1 snoozed · 1 dismissed · show');
    expect(list.textContent).toContain(`Ask for feedback · snoozed until ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(NOW + 3 * DAY)}`);
    click(get<HTMLButtonElement>(list, 'button[aria-label="Undo: Offer the matching table"]'));
    await settle();
    expect(onUndo).toHaveBeenCalledWith('upsell', 'k4');
  });

  it('snoozes to a picked day', async () => {
    const { container, onSnooze } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard() });
    const top = get(container, '.suggestion--top');
    click(button(top, 'Pick a date'));
    const input = get<HTMLInputElement>(top, 'input[type=date]');
    type(input, '2026-12-24');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(onSnooze).toHaveBeenCalledWith('resolve-complaint', 'issue:i1', new Date(2026, 11, 24, 9).getTime());
    expect(dayToTime('not a day')).toBeNull();
  });

  it('keeps the buttons busy while an action runs and shows its error', async () => {
    const pending = deferred();
    const { container } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard() });
    view?.rerender(
      <NextAction
        state={{ kind: 'ready', customerId: 'c1', card: insightCard() }}
        now={NOW}
        onDone={() => pending.promise.then(() => Promise.reject(new Error('The extension did not answer.')))}
        onSnooze={vi.fn()}
        onDismiss={vi.fn()}
        onUndo={vi.fn()}
      />,
    );
    const top = get(container, '.suggestion--top');
    click(button(top, 'Resolved'));
    await settle();
    expect(button(top, 'Dismiss').disabled).toBe(true);
    pending.resolve();
    await settle();
    expect(get(top, '[role=alert]').textContent).toBe('The extension did not answer.');
    expect(button(top, 'Dismiss').disabled).toBe(false);
  });

  it('shows the facts behind tier and suggestion under Explain', () => {
    const { container } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard() });
    const explain = get<HTMLDetailsElement>(container, 'details.explain');
    expect(get(explain, 'summary').textContent).toBe('Explain');
    expect(explain.textContent).toContain('Ranked 3 by revenue');
    expect(explain.textContent).toContain('Suggested by the resolve-complaint rule');
  });

  it('has loading, error and nothing-to-do states', () => {
    let { container } = renderNext({ kind: 'loading', customerId: 'c1' });
    expect(get(container, '[role=status]').textContent).toContain('Working out the next step');
    view?.unmount();
    ({ container } = renderNext({ kind: 'error', customerId: 'c1', message: 'Insights are not available here.' }));
    expect(get(container, '[role=alert]').textContent).toBe('Insights are not available here.');
    view?.unmount();
    ({ container } = renderNext({ kind: 'ready', customerId: 'c1', card: insightCard({ suggestions: [] }) }));
    expect(container.textContent).toContain('Nothing to do for this relationship right now.');
    view?.unmount();
    ({ container } = renderNext({ kind: 'none' }));
    expect(container.textContent).toBe('');
  });

  it('keeps hostile strings as text', () => {
    const card = insightCard({
      suggestions: [suggestion({ title: HOSTILE, reason: HOSTILE })],
      explanation: { buying: [HOSTILE], tier: [HOSTILE], rfm: [], stage: [], suggestions: [] },
    });
    const { container } = renderNext({ kind: 'ready', customerId: 'c1', card });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(get(container, '.suggestion__title').textContent).toBe(HOSTILE);
    expect(get(container, '.suggestion__reason').textContent).toBe(HOSTILE);
  });
});

describe('CustomerCard with insights', () => {
  function renderCard(state: InsightsState) {
    const slot: InsightsSlot = { state, onDone: vi.fn(async () => undefined), onSnooze: vi.fn(async () => undefined), onDismiss: vi.fn(async () => undefined), onUndo: vi.fn(async () => undefined) };
    view = mount(
      <InsightsContext.Provider value={slot}>
        <CustomerCard card={createCard()} now={NOW} locale="en-US" onAdd={vi.fn()} onUpdate={vi.fn()} onDelete={vi.fn()} />
      </InsightsContext.Provider>,
    );
    return { ...slot, container: view.container };
  }

  it('shows one status in words in the header and the next action below', async () => {
    const { container, onDone } = renderCard({ kind: 'ready', customerId: 'c1', card: insightCard() });
    const badges = get(container, '.card__header .insight-badges');
    // Tier B, active: no stage word repeats what the tier says; the group is in Explain.
    expect(badges.textContent).toBe('Regular customer');
    click(button(get(container, '.next-action'), 'Resolved'));
    await settle();
    expect(onDone).toHaveBeenCalledWith('c1', 'resolve-complaint');
  });

  it('marks a tier set by hand', () => {
    const { container } = renderCard({ kind: 'ready', customerId: 'c1', card: insightCard({ tier: { tier: 'A', computed: 'C', overridden: true } }) });
    const badge = get(container, '.tier-badge');
    expect(badge.textContent).toBe('Top customer (set by hand)');
    expect(badge.getAttribute('title')).toBe('Set by hand; the figures say: occasional customer');
  });

  it("never shows another customer's insights", () => {
    const { container } = renderCard({ kind: 'ready', customerId: 'someone-else', card: insightCard({ customerId: 'someone-else' }) });
    expect(container.querySelector('.insight-badges')).toBeNull();
    expect(container.querySelector('.next-action')).toBeNull();
  });
});

describe('statusWords', () => {
  it('says the tier and what the stage adds, never the same word twice', () => {
    expect(statusWords({ tier: { tier: 'A', computed: 'A', overridden: false }, stage: 'at_risk' })).toEqual({ tier: 'Top customer', stage: 'slipping' });
    expect(statusWords({ tier: { tier: 'Prospect', computed: 'Prospect', overridden: false }, stage: 'prospect' })).toEqual({ tier: 'Prospect', stage: null });
    expect(statusWords({ tier: { tier: 'C', computed: 'C', overridden: false }, stage: 'new' })).toEqual({ tier: 'Occasional customer', stage: 'new' });
  });
});
