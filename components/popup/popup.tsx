import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CustomerChoice, QuickNoteInput, ReminderView } from '../../lib/messaging/protocol';
import type { Loadable, Opening, PickerState } from '../../lib/popup/store';
import type { SnoozeOption } from '../../lib/reminders/schedule';
import { useAction } from '../sidebar/use-action';
import { QuickNoteForm } from './quick-note-form';
import { ReminderList } from './reminder-list';
import { ShortcutHint } from './shortcut-hint';

export interface PopupProps {
  picker: PickerState;
  selected: CustomerChoice | null;
  opening: Opening | null;
  reminders: Loadable<ReminderView[]>;
  now: number;
  locale?: string;
  /** The "Today" plan (components/plan/today-plan.tsx). */
  today?: ComponentChildren;
  /** "Enable on this site" for the tab under the popup (see SiteAccess). */
  site?: ComponentChildren;
  onQuery: (query: string) => void;
  onSelect: (choice: CustomerChoice | null) => void;
  onSave: (input: Omit<QuickNoteInput, 'customerId'>) => Promise<void>;
  onAddUnknown: (name: string) => Promise<void>;
  onDoneReminder: (id: string) => Promise<void>;
  onSnoozeReminder: (id: string, option: SnoozeOption) => Promise<void>;
  onOpenSettings: () => void;
  /** The quick note's shortcut as assigned (null: none; undefined: not read yet). */
  shortcut?: string | null;
  onSetShortcut?: () => void;
}

function UnknownAddress({ email, onAdd }: { email: string; onAdd: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const action = useAction();
  return (
    <form
      class="notice"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(() => onAdd(name.trim()));
      }}
    >
      <p>
        <strong>{email}</strong> is not a customer yet.
      </p>
      <div class="notice__row">
        <input class="input" aria-label="Name" placeholder="Name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        <button type="submit" class="button" disabled={action.busy}>
          Add as customer
        </button>
      </div>
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </form>
  );
}

/** The toolbar popup: a quick note first, then what needs attention. */
export function Popup(props: PopupProps) {
  const { opening } = props;
  return (
    <main class="popup">
      <header class="popup__bar">
        <h1 class="popup__title">Quick note</h1>
        <span class="popup__tools">
          <ShortcutHint shortcut={props.shortcut} onSet={() => props.onSetShortcut?.()} />
          <button type="button" class="button button--link" onClick={props.onOpenSettings}>
            Settings
          </button>
        </span>
      </header>
      {opening?.unknownEmail && <UnknownAddress email={opening.unknownEmail} onAdd={props.onAddUnknown} />}
      <QuickNoteForm
        picker={props.picker}
        selected={props.selected}
        initialBody={opening?.body ?? ''}
        onQuery={props.onQuery}
        onSelect={props.onSelect}
        onSave={props.onSave}
      />
      <ReminderList state={props.reminders} now={props.now} locale={props.locale} onDone={props.onDoneReminder} onSnooze={props.onSnoozeReminder} />
      {props.today}
      {props.site}
    </main>
  );
}
