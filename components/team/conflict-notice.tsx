import './team.css';
import { useState } from 'preact/hooks';
import type { ConflictView } from '../../lib/sync/conflict-view';
import { formatAgo } from './author-label';

export interface ConflictNoticeProps {
  conflicts: readonly ConflictView[];
  /** -1 keeps the value shown; i takes `others[i]`. Rejects with a message to show. */
  onPick: (conflict: ConflictView, choice: number) => Promise<void>;
  now?: number;
  locale?: string;
}

/**
 * Open conflicts on a card: two people changed the same thing while apart (or one deleted what
 * the other edited). Both values are shown with who wrote them; a pick settles it for the whole
 * team, and the other value stays in the record's history.
 */
export function ConflictNotice({ conflicts, onPick, now = Date.now(), locale }: ConflictNoticeProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (conflicts.length === 0) return null;
  const who = (name: string | null, at: number) => `${name ?? 'someone'}, ${formatAgo(at, now, locale)}`;
  return (
    <section class="conflict" aria-label="Conflicting changes" data-testid="conflicts">
      <p class="conflict__title">{conflicts.length === 1 ? 'Two changes disagree: pick one' : `${conflicts.length} changes disagree: pick one for each`}</p>
      {conflicts.map((conflict) => {
        const id = `${conflict.table}/${conflict.key}/${conflict.field}`;
        const pick = (choice: number) => {
          setBusy(id);
          setError(null);
          onPick(conflict, choice)
            .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))
            .finally(() => setBusy(null));
        };
        const choices = [{ ...conflict.current, choice: -1 }, ...conflict.others.map((other, i) => ({ ...other, choice: i }))];
        return (
          <div key={id} class="conflict__item" data-field={conflict.field}>
            <p class="conflict__label">
              {conflict.deletion ? `${conflict.label} (deleted by ${choices.slice(1).map((c) => c.name ?? 'someone').join(', ')}).` : conflict.label}
            </p>
            <ul class="conflict__choices">
              {choices.map((choice) => (
                <li key={choice.choice} class="conflict__choice">
                  <span>
                    <span class="conflict__value">{choice.text}</span> <span class="conflict__who">{who(choice.name, choice.at)}</span>
                  </span>
                  <button type="button" class="button button--small" disabled={busy !== null} onClick={() => pick(choice.choice)}>
                    {choice.choice === -1 ? (conflict.deletion ? 'Keep' : 'Keep this') : conflict.deletion ? 'Delete' : 'Use this'}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
