import type { KeepInTouchItem } from '../../lib/messaging/protocol';
import type { Loadable } from '../../lib/popup/store';

export interface KeepInTouchListProps {
  state: Loadable<KeepInTouchItem[]>;
  onOpen: (item: KeepInTouchItem) => void;
}

function when(item: KeepInTouchItem): string {
  if (!item.overdue) return 'due this week';
  if (item.daysOverdue === 0) return 'due today';
  return `overdue ${item.daysOverdue} ${item.daysOverdue === 1 ? 'day' : 'days'}`;
}

function lastContact(item: KeepInTouchItem): string {
  return item.lastTouchAt === null ? 'no contact yet' : `every ${item.cadenceDays} days`;
}

/** Customers due for contact by their tier's cadence, the longest overdue first. */
export function KeepInTouchList({ state, onOpen }: KeepInTouchListProps) {
  return (
    <section class="popup__section" aria-labelledby="keep-in-touch-title">
      <h2 id="keep-in-touch-title" class="popup__heading">
        Keep in touch
      </h2>
      {state.kind === 'loading' && <p class="muted">Loading…</p>}
      {state.kind === 'error' && (
        <p class="error-text" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.value.length === 0 && <p class="muted">Everyone has heard from you recently.</p>}
      {state.kind === 'ready' && state.value.length > 0 && (
        <ol class="rows" aria-label="Customers to get in touch with">
          {state.value.map((item) => (
            <li key={item.customerId} class={`row${item.overdue ? ' row--overdue' : ''}`}>
              <button type="button" class="row__main" onClick={() => onOpen(item)}>
                <span class="row__name">{item.name}</span>
                <span class="row__meta muted">
                  Tier {item.tier} · {lastContact(item)}
                </span>
              </button>
              <span class={item.overdue ? 'badge badge--overdue' : 'badge'}>{when(item)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
