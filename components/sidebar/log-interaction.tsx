import { useId, useState } from 'preact/hooks';
import type { InteractionKind } from '../../lib/model/records';
import { INTERACTION_LABELS, LOGGABLE_KINDS } from '../interaction-kinds';
import { useAction } from './use-action';

export interface LogInteractionProps {
  onLog: (kind: InteractionKind, summary: string) => Promise<void>;
}

/**
 * "Log interaction": a call, meeting, complaint… with an optional line of summary. Logging
 * anything resets the keep-in-touch cadence and feeds the history and next actions.
 */
export function LogInteraction({ onLog }: LogInteractionProps) {
  const [kind, setKind] = useState<InteractionKind>('call');
  const [summary, setSummary] = useState('');
  const [logged, setLogged] = useState<string | null>(null);
  const action = useAction();
  const titleId = useId();

  return (
    <section class="section" aria-labelledby={titleId}>
      <h3 id={titleId} class="section__title">
        Log interaction
      </h3>
      <form
        class="log-interaction"
        onSubmit={(event) => {
          event.preventDefault();
          const label = INTERACTION_LABELS[kind];
          void action.run(() => onLog(kind, summary.trim())).then((ok) => {
            if (!ok) return;
            setSummary('');
            setLogged(`${label} logged.`);
          });
        }}
      >
        <select
          class="input"
          aria-label="Kind of interaction"
          value={kind}
          onChange={(event) => {
            setKind(event.currentTarget.value as InteractionKind);
            setLogged(null);
          }}
        >
          {LOGGABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {INTERACTION_LABELS[k]}
            </option>
          ))}
        </select>
        <input
          class="input"
          aria-label="Summary (optional)"
          placeholder="Summary"
          maxLength={2000}
          value={summary}
          onInput={(event) => {
            setSummary(event.currentTarget.value);
            setLogged(null);
          }}
        />
        <button type="submit" class="button button--small" disabled={action.busy}>
          {action.busy ? 'Logging…' : 'Log'}
        </button>
      </form>
      <p class="hint" role="status">
        {logged}
      </p>
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </section>
  );
}
