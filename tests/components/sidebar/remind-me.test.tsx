// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerCard } from '../../../components/sidebar/customer-card';
import { InsightsContext, type InsightsSlot } from '../../../components/sidebar/insights-context';
import { RemindersContext, type RemindersSlot } from '../../../components/sidebar/reminders-context';
import { RemindMe } from '../../../components/sidebar/remind-me';
import type { InsightCard } from '../../../lib/messaging/protocol';
import type { Reminder } from '../../../lib/model/records';
import type { RemindersState } from '../../../lib/sidebar/reminders-store';
import { DAY, NOW, button, click, createCard, createNote, get, mount, settle, type } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

// NOW is 27 Nov 2026 12:00 local time (helpers.tsx).
const TOMORROW_9 = new Date(2026, 10, 28, 9).getTime();
const WEEK_9 = new Date(2026, 11, 4, 9).getTime();

function reminder(over: Partial<Reminder> = {}): Reminder {
  return { id: 'r1', customerId: 'c1', noteId: 'n1', ruleId: null, title: 'Prefers calls', dueAt: TOMORROW_9, firedAt: null, doneAt: null, createdAt: NOW, updatedAt: NOW, deletedAt: null, ...over };
}

function renderRemindMe(over: { reminder?: Reminder | null; onSet?: (dueAt: number) => Promise<void>; onClear?: (id: string) => Promise<void> } = {}) {
  const onSet = vi.fn(over.onSet ?? (async () => undefined));
  const onClear = vi.fn(over.onClear ?? (async () => undefined));
  view = mount(<RemindMe reminder={over.reminder ?? null} now={NOW} locale="en-US" subject="this note" onSet={onSet} onClear={onClear} />);
  return { onSet, onClear, container: view.container };
}

const open = (container: HTMLElement) => click(button(container, 'Remind me'));
const input = (container: HTMLElement, label: string) => get<HTMLInputElement>(container, `input[aria-label="${label}"]`);

describe('RemindMe', () => {
  it('offers nothing but the button until opened', () => {
    const { container } = renderRemindMe();
    expect(button(container, 'Remind me').getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('input')).toBeNull();
  });

  it('sets tomorrow 9:00 and a week from today 9:00 from the quick picks, closing after', async () => {
    const { container, onSet } = renderRemindMe();
    open(container);
    click(button(container, 'Tomorrow 9:00'));
    await settle();
    expect(onSet).toHaveBeenLastCalledWith(TOMORROW_9);
    expect(container.querySelector('[role="group"]')).toBeNull();
    open(container);
    click(button(container, 'In a week'));
    await settle();
    expect(onSet).toHaveBeenLastCalledWith(WEEK_9);
  });

  it('sets a picked date and time, starting from tomorrow at 9:00', async () => {
    const { container, onSet } = renderRemindMe();
    open(container);
    expect(input(container, 'Reminder date').value).toBe('2026-11-28');
    expect(input(container, 'Reminder time').value).toBe('09:00');
    type(input(container, 'Reminder date'), '2026-12-03');
    type(input(container, 'Reminder time'), '14:30');
    click(button(container, 'Set reminder'));
    await settle();
    expect(onSet).toHaveBeenCalledWith(new Date(2026, 11, 3, 14, 30).getTime());
  });

  it('refuses a time in the past and a missing time, saying why', async () => {
    const { container, onSet } = renderRemindMe();
    open(container);
    type(input(container, 'Reminder date'), '2026-11-27');
    type(input(container, 'Reminder time'), '08:00');
    click(button(container, 'Set reminder'));
    expect(get(container, '[role="alert"]').textContent).toBe('Pick a time in the future.');
    type(input(container, 'Reminder time'), '');
    click(button(container, 'Set reminder'));
    expect(get(container, '[role="alert"]').textContent).toBe('Pick a date and a time.');
    expect(onSet).not.toHaveBeenCalled();
  });

  it('keeps the picker open and shows the reason when setting fails', async () => {
    const { container } = renderRemindMe({ onSet: async () => Promise.reject(new Error('This note no longer exists.')) });
    open(container);
    click(button(container, 'Tomorrow 9:00'));
    await settle();
    expect(get(container, '[role="alert"]').textContent).toBe('This note no longer exists.');
    expect(button(container, 'Tomorrow 9:00')).toBeTruthy();
  });

  it('shows a set reminder’s due time and clears it', async () => {
    const { container, onClear } = renderRemindMe({ reminder: reminder() });
    expect(get(container, '.remind__when').textContent).toContain('Reminder Nov 28, 2026');
    expect(get(container, 'time').getAttribute('datetime')).toBe(new Date(TOMORROW_9).toISOString());
    expect(container.textContent).not.toContain('Remind me');
    click(button(container, 'Clear reminder'));
    await settle();
    expect(onClear).toHaveBeenCalledWith('r1');
  });

  it('marks a reminder whose time has passed', () => {
    const { container } = renderRemindMe({ reminder: reminder({ dueAt: NOW - 60_000, firedAt: NOW }) });
    expect(get(container, '.remind__when--due').textContent).toContain('Reminder was due');
  });

  it('shows why clearing failed', async () => {
    const { container } = renderRemindMe({ reminder: reminder(), onClear: async () => Promise.reject(new Error('This reminder no longer exists.')) });
    click(button(container, 'Clear reminder'));
    await settle();
    expect(get(container, '[role="alert"]').textContent).toBe('This reminder no longer exists.');
  });
});

function insightCard(): InsightCard {
  return {
    customerId: 'c1',
    computedAt: NOW,
    tier: { tier: 'B', computed: 'B', overridden: false },
    rfm: 'Loyal',
    stage: 'active',
    held: [],
    figures: { orderCount: 6, medianIntervalDays: 35, expectedNextOrderAt: null, daysSinceLastOrder: 30, daysSinceLastTouch: 3, revenue12m: [] },
    suggestions: [{ ruleId: 'resolve-complaint', title: 'Resolve the open complaint', reason: 'Complaint logged 4 days ago.', channel: 'phone', dueAt: NOW - 4 * DAY, priority: 102, factsKey: 'issue:i1', overdue: true }],
    buying: { pAlive: null, usualGapDays: null, nextOrder: null, seasonDay: null, expectedOrders12m: 0, expectedValue12mMinor: 0, atStakeMinor: 0, currency: 'EUR' },
    explanation: { buying: [], tier: [], rfm: [], stage: [], suggestions: [] },
  };
}

function renderCard(state: RemindersState) {
  const slot: RemindersSlot = { state, onSet: vi.fn(async () => undefined), onClear: vi.fn(async () => undefined) };
  const insights: InsightsSlot = {
    state: { kind: 'ready', customerId: 'c1', card: insightCard() },
    onDone: vi.fn(async () => undefined),
    onSnooze: vi.fn(async () => undefined),
    onDismiss: vi.fn(async () => undefined),
    onUndo: vi.fn(async () => undefined),
  };
  const card = createCard({ notes: [createNote({ id: 'n1', body: 'Prefers calls' }), createNote({ id: 'n2', body: 'Wants the oak table', createdAt: NOW - DAY })] });
  view = mount(
    <InsightsContext.Provider value={insights}>
      <RemindersContext.Provider value={slot}>
        <CustomerCard card={card} now={NOW} locale="en-US" onAdd={vi.fn(async () => undefined)} onUpdate={vi.fn(async () => undefined)} onDelete={vi.fn(async () => undefined)} />
      </RemindersContext.Provider>
    </InsightsContext.Provider>,
  );
  return { slot, container: view.container };
}

const noteItem = (container: HTMLElement, body: string) => {
  const found = Array.from(container.querySelectorAll<HTMLElement>('li.note')).find((li) => li.textContent?.includes(body));
  if (!found) throw new Error(`No note "${body}"`);
  return found;
};

describe('CustomerCard reminders', () => {
  it('shows a note’s reminder on that note only and sets one on another note with its text as title', async () => {
    const { container, slot } = renderCard({ kind: 'ready', customerId: 'c1', reminders: [reminder({ noteId: 'n1' })] });
    expect(noteItem(container, 'Prefers calls').textContent).toContain('Reminder Nov 28, 2026');
    const other = noteItem(container, 'Wants the oak table');
    expect(other.textContent).not.toContain('Reminder Nov');
    click(button(other, 'Remind me'));
    click(button(other, 'In a week'));
    await settle();
    expect(slot.onSet).toHaveBeenCalledWith('c1', { noteId: 'n2' }, 'Wants the oak table', WEEK_9);
  });

  it('clears a note’s reminder', async () => {
    const { container, slot } = renderCard({ kind: 'ready', customerId: 'c1', reminders: [reminder({ noteId: 'n1' })] });
    click(button(noteItem(container, 'Prefers calls'), 'Clear reminder'));
    await settle();
    expect(slot.onClear).toHaveBeenCalledWith('r1');
  });

  it('sets a reminder on the next action with its rule and title, and shows it there', async () => {
    const { container, slot } = renderCard({ kind: 'ready', customerId: 'c1', reminders: [] });
    const suggestion = get(container, '.suggestion--top');
    click(button(suggestion, 'Remind me'));
    click(button(suggestion, 'Tomorrow 9:00'));
    await settle();
    expect(slot.onSet).toHaveBeenCalledWith('c1', { ruleId: 'resolve-complaint' }, 'Resolve the open complaint', TOMORROW_9);

    view?.unmount();
    const again = renderCard({ kind: 'ready', customerId: 'c1', reminders: [reminder({ id: 'r2', noteId: null, ruleId: 'resolve-complaint' })] });
    expect(get(again.container, '.suggestion--top').textContent).toContain('Reminder Nov 28, 2026');
    expect(noteItem(again.container, 'Prefers calls').textContent).not.toContain('Reminder Nov');
  });

  it('offers no "Remind me" until this customer’s reminders are known', () => {
    const states: RemindersState[] = [
      { kind: 'loading', customerId: 'c1' },
      { kind: 'ready', customerId: 'someone-else', reminders: [reminder({ customerId: 'someone-else' })] },
    ];
    for (const state of states) {
      const { container } = renderCard(state);
      expect(container.textContent).not.toContain('Remind me');
      expect(container.textContent).not.toContain('Reminder Nov');
      view?.unmount();
      view = null;
    }
  });

  it('says so when this customer’s reminders cannot be loaded, and still shows the notes', () => {
    const { container } = renderCard({ kind: 'error', customerId: 'c1', message: 'Database closed' });
    expect(get(container, '[role="alert"]').textContent).toBe('Reminders could not be loaded: Database closed');
    expect(noteItem(container, 'Prefers calls').textContent).not.toContain('Remind me');
  });
});
