import { useId, useState } from 'preact/hooks';
import { NOTE_MAX } from '../../lib/messaging/vocabulary';
import { useAction } from './use-action';
import { isSaveKey } from './note-input';

export interface NoteComposerProps {
  onAdd: (body: string) => Promise<void>;
}

/** The "Add a note…" box: Enter saves, the text is cleared only once the save succeeded. */
export function NoteComposer({ onAdd }: NoteComposerProps) {
  const [text, setText] = useState('');
  const action = useAction();
  const hintId = useId();
  const errorId = useId();
  const empty = text.trim() === '';

  async function save() {
    if (empty || action.busy) return;
    const body = text.trim();
    const saved = await action.run(() => onAdd(body));
    if (saved) setText('');
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        class="textarea"
        rows={2}
        maxLength={NOTE_MAX}
        placeholder="Add a note…"
        aria-label="Add a note"
        aria-describedby={action.error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={action.error ? true : undefined}
        // readOnly, not disabled: disabling would throw focus out of the box mid-typing.
        readOnly={action.busy}
        aria-busy={action.busy}
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (action.error) action.clearError();
        }}
        onKeyDown={(event) => {
          if (!isSaveKey(event)) return;
          event.preventDefault();
          void save();
        }}
      />
      <div class="composer__bar">
        <span id={hintId} class="hint">
          Enter to save · Shift+Enter for a new line
        </span>
        <button type="submit" class="button button--primary button--small" disabled={empty || action.busy}>
          {action.busy ? 'Saving…' : 'Save'}
        </button>
      </div>
      {action.error && (
        <p id={errorId} class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </form>
  );
}
