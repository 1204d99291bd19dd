import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CustomerChoice, QuickNoteInput } from '../../lib/messaging/protocol';
import { NOTE_MAX, type InteractionKind } from '../../lib/model/records';
import type { PickerState } from '../../lib/popup/store';
import { parseTags } from '../../lib/quick-notes/tags';
import { inAWeek, tomorrowMorning } from '../../lib/reminders/quick-picks';
import { INTERACTION_LABELS, LOGGABLE_KINDS } from '../interaction-kinds';
import { useAction } from '../sidebar/use-action';
import { CustomerPicker } from './customer-picker';

export interface QuickNoteFormProps {
  picker: PickerState;
  selected: CustomerChoice | null;
  initialBody: string;
  onQuery: (query: string) => void;
  onSelect: (choice: CustomerChoice | null) => void;
  onSave: (input: Omit<QuickNoteInput, 'customerId'>) => Promise<void>;
}

/** A `datetime-local` value (read in the browser's time zone) as epoch ms, or null. */
export function parseLocalDateTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? null : at;
}

/**
 * The reminder choices: one stop for the keyboard (a date-and-time field alone takes seven), the
 * field only when "Pick a date and time" is chosen.
 */
const REMIND_CHOICES = [
  ['', 'No reminder'],
  ['tomorrow', 'Tomorrow at 9:00'],
  ['week', 'In a week'],
  ['pick', 'Pick a date and time…'],
] as const;
type RemindChoice = (typeof REMIND_CHOICES)[number][0];

/** When the chosen reminder is due (epoch ms), null for none, undefined while a picked time is incomplete. */
export function remindAtFor(choice: RemindChoice, picked: string, now: number): number | null | undefined {
  if (choice === '') return null;
  if (choice === 'tomorrow') return tomorrowMorning(now);
  if (choice === 'week') return inAWeek(now);
  return parseLocalDateTime(picked) ?? undefined;
}

/** Ctrl+Enter, or Cmd+Enter on a Mac, saves from anywhere in the form. */
export function isQuickSaveKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'isComposing'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing;
}

/**
 * The quick note: who it is about, the note (with #tags), and optionally a company-wide note,
 * an interaction to log with it and a reminder. Focus starts in the note; Ctrl/Cmd+Enter saves.
 */
export function QuickNoteForm({ picker, selected, initialBody, onQuery, onSelect, onSave }: QuickNoteFormProps) {
  const [body, setBody] = useState(initialBody);
  const [onCompany, setOnCompany] = useState(false);
  const [logAs, setLogAs] = useState<InteractionKind | ''>('');
  const [remind, setRemind] = useState<RemindChoice>('');
  const [remindAt, setRemindAt] = useState('');
  // After a customer is picked, focus goes on to the note (the picker's box is gone).
  const focusNote = useRef(false);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const noteId = useId();
  const errorId = useId();
  const tags = parseTags(body);

  useEffect(() => setBody((current) => current || initialBody), [initialBody]);
  // Layout effect: focus lands in the same task as the first render, before the popup can take
  // a keystroke (a passive effect runs after paint, and the first typed letters were lost).
  useLayoutEffect(() => noteRef.current?.focus(), []);
  useEffect(() => {
    if (!selected?.companyId) setOnCompany(false);
    if (selected && focusNote.current) noteRef.current?.focus();
    focusNote.current = false;
  }, [selected]);

  const blocked = body.trim() === '' || selected === null || (remind === 'pick' && parseLocalDateTime(remindAt) === null);

  async function save() {
    if (action.busy) return;
    if (selected === null) {
      await action.run(() => Promise.reject(new Error('Choose who the note is about.')));
      return;
    }
    if (body.trim() === '') return;
    const who = selected.name.trim() || selected.email || 'the customer';
    const due = remindAtFor(remind, remindAt, Date.now());
    if (due === undefined) {
      await action.run(() => Promise.reject(new Error('Pick the reminder’s date and time.')));
      return;
    }
    const ok = await action.run(() => onSave({ body: body.trim(), onCompany, logAs: logAs === '' ? null : logAs, remindAt: due }));
    if (!ok) return;
    setBody('');
    setLogAs('');
    setRemind('');
    setRemindAt('');
    setOnCompany(false);
    setSaved(onCompany && selected.companyName ? `Saved on ${selected.companyName}.` : `Saved note about ${who}.`);
    noteRef.current?.focus();
  }

  return (
    <form
      class="quick-note"
      aria-label="Quick note"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (!isQuickSaveKey(event)) return;
        event.preventDefault();
        void save();
      }}
    >
      <CustomerPicker
        picker={picker}
        selected={selected}
        onQuery={onQuery}
        onSelect={(choice) => {
          focusNote.current = choice !== null;
          onSelect(choice);
        }}
      />
      <label class="visually-hidden" for={noteId}>
        Note
      </label>
      <textarea
        id={noteId}
        ref={noteRef}
        autoFocus
        class="textarea"
        rows={3}
        maxLength={NOTE_MAX}
        placeholder="What did you learn? #tags welcome"
        aria-invalid={action.error ? true : undefined}
        aria-describedby={action.error ? errorId : undefined}
        readOnly={action.busy}
        value={body}
        onInput={(event) => {
          setBody(event.currentTarget.value);
          setSaved(null);
          if (action.error) action.clearError();
        }}
      />
      {tags.length > 0 && (
        <ul class="tags" aria-label="Tags to add">
          {tags.map((tag) => (
            <li key={tag} class="tag">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      {selected?.companyId && selected.companyName && (
        <label class="check">
          <input type="checkbox" checked={onCompany} onChange={(event) => setOnCompany(event.currentTarget.checked)} />
          On all of {selected.companyName}
        </label>
      )}
      {/* Secondary: one click away, so the note and today's plan fit the popup. Open while set. */}
      <details class="quick-note__more" open={logAs !== '' || remind !== '' ? true : undefined}>
        <summary>Also log it or remind me</summary>
        <div class="quick-note__options">
          <label class="field">
            <span>Also log</span>
            <select class="select" aria-label="Also log" value={logAs} onChange={(event) => setLogAs(event.currentTarget.value as InteractionKind | '')}>
              <option value="">Nothing, just a note</option>
              {LOGGABLE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {INTERACTION_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>Remind me</span>
            <select class="select" value={remind} onChange={(event) => setRemind(event.currentTarget.value as RemindChoice)}>
              {REMIND_CHOICES.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          {remind === 'pick' && (
            <label class="field">
              <span>Reminder date and time</span>
              <input class="input" type="datetime-local" value={remindAt} onInput={(event) => setRemindAt(event.currentTarget.value)} />
            </label>
          )}
        </div>
      </details>
      <div class="composer__bar">
        <span class="hint">Ctrl/⌘+Enter to save</span>
        <button type="submit" class="button button--primary" disabled={blocked || action.busy}>
          {action.busy ? 'Saving…' : 'Save note'}
        </button>
      </div>
      {action.error && (
        <p id={errorId} class="error-text" role="alert">
          {action.error}
        </p>
      )}
      <p class="status" role="status" aria-live="polite">
        {saved}
      </p>
    </form>
  );
}
