import { useId, useRef, useState } from 'preact/hooks';
import { closeOnEscape } from '../close-on-escape';
import type { Reminder } from '../../lib/model/records';
import { dateInputValue, fromDateAndTime, inAWeek, tomorrowMorning } from '../../lib/reminders/quick-picks';
import { formatDate, isoDate } from '../format';
import { useAction } from './use-action';

export interface RemindMeProps {
  /** The open reminder already set here, or null. */
  reminder: Reminder | null;
  now: number;
  locale?: string;
  /** What the reminder is about, for the control's accessible name ("this note"). */
  subject: string;
  onSet: (dueAt: number) => Promise<void>;
  onClear: (id: string) => Promise<void>;
}

export function formatDateTime(at: number, locale?: string): string {
  return `${formatDate(at, locale)} ${new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at)}`;
}

/**
 * "Remind me" on a note or a next action: quick picks, or a date and time; once set, the due
 * time and a way to clear it. The background raises the notification at that time.
 */
export function RemindMe({ reminder, now, locale, subject, onSet, onClear }: RemindMeProps) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(() => dateInputValue(tomorrowMorning(now)));
  const [time, setTime] = useState('09:00');
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const pickerId = useId();
  const opener = useRef<HTMLButtonElement>(null);

  const set = async (dueAt: number) => {
    if (await action.run(() => onSet(dueAt))) setOpen(false);
  };

  const error = invalid ?? action.error;
  const errorText = error && (
    <p class="error-text" role="alert">
      {error}
    </p>
  );

  if (reminder) {
    const due = reminder.dueAt <= now;
    return (
      <div class="remind" role="group" aria-label={`Reminder on ${subject}`} aria-busy={action.busy}>
        <span class={`remind__when${due ? ' remind__when--due' : ''}`}>
          <span aria-hidden="true">⏰ </span>
          {due ? 'Reminder was due ' : 'Reminder '}
          <time dateTime={isoDate(reminder.dueAt)}>{formatDateTime(reminder.dueAt, locale)}</time>
        </span>
        <button type="button" class="button button--quiet button--small" disabled={action.busy} onClick={() => void action.run(() => onClear(reminder.id))}>
          {action.busy ? 'Clearing…' : 'Clear reminder'}
        </button>
        {errorText}
      </div>
    );
  }

  return (
    <div class="remind" aria-busy={action.busy}>
      <button
        ref={opener}
        type="button"
        class="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={pickerId}
        aria-label={`Remind me about ${subject}`}
        onClick={() => {
          action.clearError();
          setInvalid(null);
          setOpen(!open);
        }}
      >
        Remind me
      </button>
      {open && (
        <div
          id={pickerId}
          class="remind__picker"
          role="group"
          aria-label={`When to remind you about ${subject}`}
          onKeyDown={closeOnEscape(() => setOpen(false), opener)}
        >
          <div class="remind__quick">
            <button type="button" class="button button--small" disabled={action.busy} onClick={() => void set(tomorrowMorning(now))}>
              Tomorrow 9:00
            </button>
            <button type="button" class="button button--small" disabled={action.busy} onClick={() => void set(inAWeek(now))}>
              In a week
            </button>
          </div>
          <div class="remind__custom">
            <input class="input" type="date" aria-label="Reminder date" min={dateInputValue(now)} value={date} disabled={action.busy} onInput={(event) => setDate(event.currentTarget.value)} />
            <input class="input" type="time" aria-label="Reminder time" value={time} disabled={action.busy} onInput={(event) => setTime(event.currentTarget.value)} />
            <button
              type="button"
              class="button button--primary button--small"
              disabled={action.busy}
              onClick={() => {
                const dueAt = fromDateAndTime(date, time);
                if (dueAt === null) return setInvalid('Pick a date and a time.');
                if (dueAt <= now) return setInvalid('Pick a time in the future.');
                setInvalid(null);
                void set(dueAt);
              }}
            >
              {action.busy ? 'Setting…' : 'Set reminder'}
            </button>
          </div>
        </div>
      )}
      {errorText}
    </div>
  );
}
