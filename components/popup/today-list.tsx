import { useState } from 'preact/hooks';
import { formatCount } from '../format';

/** One relationship on today's list, as the insights engine ranks it (most important first). */
export interface TodayListItem {
  customerId: string;
  name: string;
  /** The suggested next action, e.g. "Thank them for their first order". */
  title: string;
  /** Why, in plain words. */
  reason: string;
  overdue: boolean;
}

export interface TodayListProps {
  /** Ranked items; null while the insights engine has not produced a list. */
  items: readonly TodayListItem[] | null;
  error?: string | null;
  onOpen: (item: TodayListItem) => void;
  /** How many show before "Show more" (the popup must fit its window). */
  few?: number;
}

function Rows({ items, label, onOpen }: { items: readonly TodayListItem[]; label: string; onOpen: (item: TodayListItem) => void }) {
  return (
    <ol class="rows" aria-label={label}>
      {items.map((item) => (
        <li key={item.customerId} class="row">
          <button type="button" class="row__main" onClick={() => onOpen(item)} title={`${item.title}: ${item.reason}`}>
            <span class="row__line">
              <span class="row__name">{item.name}</span>
              <span class="row__meta"> · {item.title}</span>
            </span>
            <span class="row__meta muted row__reason">{item.reason}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * "Today": the plan, one list in the engine's order, the overdue apart from what is due today,
 * a few at first and the rest behind "Show more".
 */
export function TodayList({ items, error = null, onOpen, few = 3 }: TodayListProps) {
  const [all, setAll] = useState(false);
  const shown = items === null ? [] : all ? items : items.slice(0, few);
  const overdue = shown.filter((i) => i.overdue);
  const today = shown.filter((i) => !i.overdue);
  const hidden = items === null ? 0 : items.length - shown.length;
  const overdueTotal = items?.filter((i) => i.overdue).length ?? 0;
  const todayTotal = (items?.length ?? 0) - overdueTotal;
  return (
    <section class="popup__section popup__plan" aria-labelledby="today-title">
      <h2 id="today-title" class="popup__heading">
        Today
      </h2>
      {error !== null && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {error === null && items === null && <p class="muted">Today’s list appears once your customers have been analysed.</p>}
      {error === null && items !== null && items.length === 0 && <p class="muted">Nothing needs you today.</p>}
      {error === null && overdue.length > 0 && (
        <>
          <h3 class="popup__subheading popup__subheading--overdue">Overdue · {overdueTotal}</h3>
          <Rows items={overdue} label="Overdue" onOpen={onOpen} />
        </>
      )}
      {error === null && today.length > 0 && (
        <>
          <h3 class="popup__subheading">Due today · {todayTotal}</h3>
          <Rows items={today} label="Due today" onOpen={onOpen} />
        </>
      )}
      {error === null && (hidden > 0 || all) && (items?.length ?? 0) > few && (
        <button type="button" class="button button--link popup__more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show ${formatCount(hidden)} more`}
        </button>
      )}
    </section>
  );
}
