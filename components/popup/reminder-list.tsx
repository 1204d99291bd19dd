import type { ReminderView } from '../../lib/messaging/protocol';
import type { Loadable } from '../../lib/popup/store';
import { SNOOZE_LABELS, SNOOZE_OPTIONS, type SnoozeOption } from '../../lib/reminders/schedule';
import { useState } from 'preact/hooks';
import { formatCount, formatDate, isoDate } from '../format';
import { useAction } from '../sidebar/use-action';

export interface ReminderListProps {
  state: Loadable<ReminderView[]>;
  now: number;
  locale?: string;
  onDone: (id: string) => Promise<void>;
  /** The notification's snooze choices again: Firefox shows notifications without buttons. */
  onSnooze: (id: string, option: SnoozeOption) => Promise<void>;
}

function time(at: number, locale: string | undefined): string {
  return `${formatDate(at, locale)} ${new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at)}`;
}

type RowProps = Omit<ReminderListProps, 'state'> & { view: ReminderView };

function ReminderRow({ view: { reminder, customerName }, now, locale, onDone, onSnooze }: RowProps) {
  // Per row, so a slow snooze disables only its own buttons and its error shows beside it.
  const action = useAction();
  return (
    <li class={`row row--wrap${reminder.dueAt <= now ? ' row--overdue' : ''}`} aria-busy={action.busy}>
      <span class="row__main">
        <span class="row__name">{customerName}</span>
        <span class="row__meta">{reminder.title}</span>
        <time class="row__meta muted" dateTime={isoDate(reminder.dueAt)}>
          {time(reminder.dueAt, locale)}
        </time>
      </span>
      <span class="row__actions" role="group" aria-label={`Reminder: ${reminder.title}`}>
        <button type="button" class="button button--small" disabled={action.busy} onClick={() => void action.run(() => onDone(reminder.id))}>
          Done
        </button>
        {SNOOZE_OPTIONS.map((option) => (
          <button key={option} type="button" class="button button--small button--quiet" disabled={action.busy} onClick={() => void action.run(() => onSnooze(reminder.id, option))}>
            {SNOOZE_LABELS[option]}
          </button>
        ))}
      </span>
      {action.error && (
        <p class="error-text row__error" role="alert">
          {action.error}
        </p>
      )}
    </li>
  );
}

/** Reminders not done yet, soonest first; the ones already due are marked; a few, then "Show more". */
export function ReminderList({ state, few = 3, ...row }: ReminderListProps & { few?: number }) {
  const [all, setAll] = useState(false);
  if (state.kind === 'ready' && state.value.length === 0) return null;
  const views = state.kind === 'ready' ? (all ? state.value : state.value.slice(0, few)) : [];
  const hidden = state.kind === 'ready' ? state.value.length - views.length : 0;
  return (
    <section class="popup__section" aria-labelledby="reminders-title">
      <h2 id="reminders-title" class="popup__heading">
        Reminders
      </h2>
      {state.kind === 'loading' && <p class="muted">Loading…</p>}
      {state.kind === 'error' && (
        <p class="error-text" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && (
        <ol class="rows" aria-label="Reminders">
          {views.map((view) => (
            <ReminderRow key={view.reminder.id} view={view} {...row} />
          ))}
        </ol>
      )}
      {state.kind === 'ready' && state.value.length > few && (
        <button type="button" class="button button--link popup__more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show ${formatCount(hidden, row.locale)} more`}
        </button>
      )}
    </section>
  );
}
