// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReminderList } from '../../../components/popup/reminder-list';
import type { ReminderView } from '../../../lib/messaging/protocol';
import type { Loadable } from '../../../lib/popup/store';
import type { SnoozeOption } from '../../../lib/reminders/schedule';
import { NOW, button, click, get, mount, settle } from '../helpers';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function reminderView(id: string, title: string, dueAt: number, customerName = 'Maria Jensen'): ReminderView {
  return {
    customerName,
    reminder: { id, customerId: 'c1', noteId: null, ruleId: null, title, dueAt, firedAt: null, doneAt: null, createdAt: NOW, updatedAt: NOW, deletedAt: null },
  };
}

function renderList(state: Loadable<ReminderView[]>, onSnooze: (id: string, option: SnoozeOption) => Promise<void> = async () => undefined) {
  const onDone = vi.fn(async () => undefined);
  const snooze = vi.fn(onSnooze);
  view = mount(<ReminderList state={state} now={NOW} locale="en-US" onDone={onDone} onSnooze={snooze} />);
  return { onDone, onSnooze: snooze, container: view.container };
}

const row = (container: HTMLElement, title: string) => get(container, `[role="group"][aria-label="Reminder: ${title}"]`);

describe('ReminderList', () => {
  it('offers Done, Snooze 1 hour and Tomorrow morning on each reminder', async () => {
    const { container, onDone, onSnooze } = renderList({
      kind: 'ready',
      value: [reminderView('r1', 'Call back about the invoice', NOW - 60_000), reminderView('r2', 'Oak table', NOW + 3_600_000)],
    });
    click(button(row(container, 'Call back about the invoice'), 'Snooze 1 hour'));
    await settle();
    expect(onSnooze).toHaveBeenLastCalledWith('r1', 'hour');
    click(button(row(container, 'Oak table'), 'Tomorrow morning'));
    await settle();
    expect(onSnooze).toHaveBeenLastCalledWith('r2', 'tomorrow');
    click(button(row(container, 'Oak table'), 'Done'));
    await settle();
    expect(onDone).toHaveBeenCalledWith('r2');
  });

  it('disables only the row being snoozed and shows its failure beside it', async () => {
    let fail!: (error: Error) => void;
    const { container } = renderList(
      { kind: 'ready', value: [reminderView('r1', 'First', NOW), reminderView('r2', 'Second', NOW + 1000)] },
      () => new Promise<void>((_, reject) => (fail = reject)),
    );
    click(button(row(container, 'First'), 'Snooze 1 hour'));
    await settle();
    expect(button(row(container, 'First'), 'Done').disabled).toBe(true);
    expect(button(row(container, 'Second'), 'Done').disabled).toBe(false);
    fail(new Error('This reminder no longer exists.'));
    await settle();
    const first = row(container, 'First').closest('li');
    expect(first?.querySelector('[role="alert"]')?.textContent).toBe('This reminder no longer exists.');
    expect(button(row(container, 'First'), 'Snooze 1 hour').disabled).toBe(false);
  });

  it('shows loading and errors, and nothing when there are no reminders', () => {
    expect(renderList({ kind: 'loading' }).container.textContent).toContain('Loading…');
    view?.unmount();
    expect(get(renderList({ kind: 'error', message: 'Database closed' }).container, '[role="alert"]').textContent).toBe('Database closed');
    view?.unmount();
    expect(renderList({ kind: 'ready', value: [] }).container.textContent).toBe('');
  });
});
