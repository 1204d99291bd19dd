import { useState } from 'preact/hooks';
import type { ReminderView } from '../../lib/messaging/protocol';
import type { Loadable } from '../../lib/popup/store';
import { formatDate } from '../format';

export interface ReminderListProps {
  state: Loadable<ReminderView[]>;
  now: number;
  locale?: string;
  onDone: (id: string) => Promise<void>;
}

function time(at: number, locale: string | undefined): string {
  return `${formatDate(at, locale)} ${new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(at)}`;
}

/** Reminders not done yet, soonest first; the ones already due are marked. */
export function ReminderList({ state, now, locale, onDone }: ReminderListProps) {
  const [error, setError] = useState<string | null>(null);
  if (state.kind === 'ready' && state.value.length === 0) return null;
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
          {state.value.map(({ reminder, customerName }) => (
            <li key={reminder.id} class={`row${reminder.dueAt <= now ? ' row--overdue' : ''}`}>
              <span class="row__main">
                <span class="row__name">{customerName}</span>
                <span class="row__meta">{reminder.title}</span>
                <span class="row__meta muted">{time(reminder.dueAt, locale)}</span>
              </span>
              <button
                type="button"
                class="button button--small"
                onClick={() => void onDone(reminder.id).catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))}
              >
                Done
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
