// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { QuickNoteForm, isQuickSaveKey, parseLocalDateTime } from '../../../components/popup/quick-note-form';
import type { CustomerChoice } from '../../../lib/messaging/protocol';
import type { PickerState } from '../../../lib/popup/store';
import { tomorrowMorning } from '../../../lib/reminders/quick-picks';
import { mount, settle, type } from '../helpers';

const maria: CustomerChoice = { customerId: 'c1', name: 'Maria Jensen', email: 'maria@nordlicht.de', companyId: 'co1', companyName: 'Nordlicht Möbel' };
const picker: PickerState = { query: '', onTab: [maria], recent: [], matches: [], loading: false, error: null };

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function render(props: Partial<Parameters<typeof QuickNoteForm>[0]> = {}) {
  const onSave = vi.fn(async () => undefined);
  view = mount(
    <QuickNoteForm picker={picker} selected={maria} initialBody="" onQuery={() => undefined} onSelect={() => undefined} onSave={onSave} {...props} />,
  );
  const note = view.container.querySelector('textarea') as HTMLTextAreaElement;
  return { onSave, note, container: view.container };
}

/** Picks an option of the select inside the label whose text starts with `label`. */
function choose(container: HTMLElement, label: string, value: string) {
  const field = [...container.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label));
  const select = field?.querySelector('select');
  if (!select) throw new Error(`No select labelled ${label}`);
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function ctrlEnter(target: Element) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
  });
}

describe('QuickNoteForm', () => {
  it('starts with focus in the note', () => {
    const { note } = render();
    expect(document.activeElement).toBe(note);
  });

  it('saves with Ctrl+Enter, shows the tags and confirms', async () => {
    const { onSave, note, container } = render();
    type(note, '  Wants the oak table #oak #Delivery ');
    expect([...container.querySelectorAll('.tag')].map((t) => t.textContent)).toEqual(['#oak', '#delivery']);
    ctrlEnter(note);
    await settle();
    expect(onSave).toHaveBeenCalledWith({ body: 'Wants the oak table #oak #Delivery', onCompany: false, logAs: null, remindAt: null });
    expect(note.value).toBe('');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved note about Maria Jensen.');
  });

  it('sends a company-wide note, an interaction and a reminder when chosen', async () => {
    const { onSave, note, container } = render();
    type(note, 'Closed for inventory in August');
    act(() => {
      const box = container.querySelector('input[type="checkbox"]') as HTMLInputElement;
      box.checked = true;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    choose(container, 'Also log', 'call');
    // The date-and-time field shows only when asked for (one Tab stop for the choice otherwise).
    expect(container.querySelector('input[type="datetime-local"]')).toBeNull();
    choose(container, 'Remind me', 'pick');
    type(container.querySelector('input[type="datetime-local"]') as HTMLInputElement, '2026-06-03T09:30');
    ctrlEnter(note);
    await settle();
    expect(onSave).toHaveBeenCalledWith({
      body: 'Closed for inventory in August',
      onCompany: true,
      logAs: 'call',
      remindAt: new Date('2026-06-03T09:30').getTime(),
    });
  });

  it('sets a reminder for tomorrow at 9:00 from the quick choice', async () => {
    const { onSave, note, container } = render();
    type(note, 'Call back');
    choose(container, 'Remind me', 'tomorrow');
    ctrlEnter(note);
    await settle();
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ remindAt: tomorrowMorning(Date.now()) }));
  });

  it('refuses to save with "Pick a date and time" and no time picked', async () => {
    const { onSave, note, container } = render();
    type(note, 'Call back');
    choose(container, 'Remind me', 'pick');
    ctrlEnter(note);
    await settle();
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Pick the reminder’s date and time.');
  });

  it('moves focus to the note once a customer is picked', async () => {
    let selected: CustomerChoice | null = null;
    const onSelect = (choice: CustomerChoice | null) => {
      selected = choice;
      view?.rerender(<QuickNoteForm picker={picker} selected={selected} initialBody="" onQuery={() => undefined} onSelect={onSelect} onSave={async () => undefined} />);
    };
    const { note, container } = render({ selected: null, onSelect });
    const box = container.querySelector('[role="combobox"]') as HTMLInputElement;
    act(() => box.focus());
    act(() => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await settle();
    expect(selected).toEqual(maria);
    expect(document.activeElement).toBe(container.querySelector('textarea'));
    expect(note.isConnected).toBe(true);
  });

  it('asks who the note is about instead of saving without a customer', async () => {
    const { onSave, note, container } = render({ selected: null });
    type(note, 'Something');
    ctrlEnter(note);
    await settle();
    expect(onSave).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Choose who the note is about.');
  });

  it('keeps the text and shows the error when saving fails', async () => {
    const { note, container } = render({ onSave: async () => Promise.reject(new Error('The customer database failed.')) });
    type(note, 'Keep me');
    ctrlEnter(note);
    await settle();
    expect(note.value).toBe('Keep me');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('The customer database failed.');
  });
});

describe('quick-note helpers', () => {
  it.each([
    [{ key: 'Enter', ctrlKey: true, metaKey: false, isComposing: false }, true],
    [{ key: 'Enter', ctrlKey: false, metaKey: true, isComposing: false }, true],
    [{ key: 'Enter', ctrlKey: false, metaKey: false, isComposing: false }, false],
    [{ key: 'Enter', ctrlKey: true, metaKey: false, isComposing: true }, false],
  ])('treats %o as save: %s', (event, save) => {
    expect(isQuickSaveKey(event)).toBe(save);
  });

  it('reads a datetime-local value and refuses a partial one', () => {
    expect(parseLocalDateTime('2026-06-03T09:30')).toBe(new Date(2026, 5, 3, 9, 30).getTime());
    expect(parseLocalDateTime('2026-06-03')).toBeNull();
  });
});
