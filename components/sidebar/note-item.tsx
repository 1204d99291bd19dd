import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../../lib/model/records';
import { NOTE_MAX } from '../../lib/messaging/vocabulary';
import { formatDate, isoDate } from '../format';
import { RemindMe } from './remind-me';
import type { NotePatch, NoteReminders } from './types';
import { useAction } from './use-action';
import { isSaveKey } from './note-input';

export interface NoteItemProps {
  note: Note;
  onUpdate: (noteId: string, patch: NotePatch) => Promise<void>;
  onDelete: (noteId: string) => Promise<void>;
  locale?: string;
  /** "Remind me" on the note; without it the note offers none. */
  remind?: NoteReminders;
}

type Mode = 'view' | 'edit' | 'confirm-delete';

/** A note's first words, to name its controls apart ("Remind me about the note “Prefers calls…”"). */
export function noteExcerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39).trimEnd()}…` : line;
}

export function NoteItem({ note, onUpdate, onDelete, locale, remind }: NoteItemProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(note.body);
  const action = useAction();
  const editor = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Where focus returns when an edit or a confirm closes, so keyboard users stay in place.
  const returnFocus = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (mode === 'edit') editor.current?.focus();
    else if (mode === 'confirm-delete') confirmButton.current?.focus();
    else returnFocus.current?.focus();
    returnFocus.current = null;
  }, [mode]);

  function close(to: HTMLButtonElement | null) {
    action.clearError();
    returnFocus.current = to;
    setMode('view');
  }

  function startEdit() {
    setDraft(note.body);
    action.clearError();
    setMode('edit');
  }

  async function saveEdit() {
    const body = draft.trim();
    if (body === '') return;
    if (body === note.body) return close(editButton.current);
    if (await action.run(() => onUpdate(note.id, { body }))) close(editButton.current);
  }

  const edited = note.updatedAt > note.createdAt;
  const date = (
    <time class="note__date" dateTime={isoDate(note.createdAt)} title={edited ? `Edited ${formatDate(note.updatedAt, locale)}` : undefined}>
      {formatDate(note.createdAt, locale)}
      {edited ? ' · edited' : ''}
    </time>
  );

  return (
    <li class={`note${note.pinned ? ' note--pinned' : ''}`} aria-busy={action.busy}>
      {mode === 'edit' ? (
        <form
          class="note__edit"
          onSubmit={(event) => {
            event.preventDefault();
            void saveEdit();
          }}
        >
          <textarea
            ref={editor}
            class="textarea"
            rows={3}
            maxLength={NOTE_MAX}
            aria-label="Edit note"
            readOnly={action.busy}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                // The sidebar may listen for Escape too; this one only cancels the edit.
                event.stopPropagation();
                if (!action.busy) close(editButton.current);
              } else if (isSaveKey(event)) {
                event.preventDefault();
                void saveEdit();
              }
            }}
          />
          <div class="note__actions">
            <button type="submit" class="button button--primary button--small" disabled={action.busy || draft.trim() === ''}>
              {action.busy ? 'Saving…' : 'Save'}
            </button>
            <button type="button" class="button button--small" disabled={action.busy} onClick={() => close(editButton.current)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <div class="note__head">
            {note.pinned && (
              <span class="note__pin" role="img" aria-label="Pinned" title="Pinned" />
            )}
            {date}
          </div>
          <p class="note__body" dir="auto">{note.body}</p>
          {mode === 'confirm-delete' ? (
            <div class="note__actions note__confirm" role="group" aria-label="Confirm delete">
              <span class="note__question">Delete this note?</span>
              <button
                ref={confirmButton}
                type="button"
                class="button button--danger button--small"
                disabled={action.busy}
                onClick={() => void action.run(() => onDelete(note.id))}
              >
                {action.busy ? 'Deleting…' : 'Delete'}
              </button>
              <button type="button" class="button button--small" disabled={action.busy} onClick={() => close(deleteButton.current)}>
                Keep
              </button>
            </div>
          ) : (
            <div class="note__actions">
              <button ref={editButton} type="button" class="button button--quiet button--small" disabled={action.busy} onClick={startEdit}>
                Edit
              </button>
              <button
                type="button"
                class="button button--quiet button--small"
                disabled={action.busy}
                aria-pressed={note.pinned}
                onClick={() => void action.run(() => onUpdate(note.id, { pinned: !note.pinned }))}
              >
                {note.pinned ? 'Unpin' : 'Pin'}
              </button>
              <button
                ref={deleteButton}
                type="button"
                class="button button--quiet button--small"
                disabled={action.busy}
                onClick={() => {
                  action.clearError();
                  setMode('confirm-delete');
                }}
              >
                Delete
              </button>
            </div>
          )}
          {remind && mode === 'view' && (
            <RemindMe
              reminder={remind.byNote.get(note.id) ?? null}
              now={remind.now}
              locale={locale}
              subject={`the note “${noteExcerpt(note.body)}”`}
              onSet={(dueAt) => remind.onSet(note.id, note.body, dueAt)}
              onClear={remind.onClear}
            />
          )}
        </>
      )}
      {action.error && (
        <p class="error-text" role="alert">
          {action.error}
        </p>
      )}
    </li>
  );
}
