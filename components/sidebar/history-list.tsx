import { useState } from 'preact/hooks';
import { countOf, formatDate, isoDate } from '../format';
import type { HistoryEntry } from './history';

export interface HistoryListProps {
  entries: HistoryEntry[];
  locale?: string;
}

/** A long-standing customer can have hundreds of rows; the first screenful is what matters. */
const FIRST_PAGE = 15;


export function HistoryList({ entries, locale }: HistoryListProps) {
  const [showAll, setShowAll] = useState(false);
  if (entries.length === 0) {
    return <p class="muted">No orders, emails or notes yet.</p>;
  }
  const shown = showAll ? entries : entries.slice(0, FIRST_PAGE);
  const hidden = entries.length - shown.length;
  return (
    <>
      <ol class="history" aria-label="History, newest first">
        {shown.map((entry) => (
          <li key={entry.key} class={`history__item history__item--${entry.kind}`} data-kind={entry.kind}>
            <span class="history__icon" aria-hidden="true" />
            <div class="history__body">
              <div class="history__head">
                <span class="history__title">{entry.title}</span>
                <time class="history__date" dateTime={isoDate(entry.at)}>
                  {formatDate(entry.at, locale)}
                </time>
              </div>
              {entry.detail && <p class="history__detail">{entry.detail}</p>}
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <button type="button" class="button button--quiet button--block" onClick={() => setShowAll(true)}>
          Show {countOf(hidden, 'older entry', 'older entries')}
        </button>
      )}
    </>
  );
}
