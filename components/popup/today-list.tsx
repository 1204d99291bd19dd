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
}

/** "Today": relationships that need the owner today, in the order given. */
export function TodayList({ items, error = null, onOpen }: TodayListProps) {
  return (
    <section class="popup__section" aria-labelledby="today-title">
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
      {error === null && items !== null && items.length > 0 && (
        <ol class="rows" aria-label="Today’s relationships">
          {items.map((item) => (
            <li key={item.customerId} class={`row${item.overdue ? ' row--overdue' : ''}`}>
              <button type="button" class="row__main" onClick={() => onOpen(item)}>
                <span class="row__name">{item.name}</span>
                <span class="row__meta">{item.title}</span>
                <span class="row__meta muted">{item.reason}</span>
              </button>
              {item.overdue && <span class="badge badge--overdue">overdue</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
