import { useId } from 'preact/hooks';
import type { Note } from '../../lib/model/records';
import { NoteComposer } from './note-composer';
import { NoteItem } from './note-item';
import type { NoteCallbacks, NoteReminders } from './types';

export interface NotesSectionProps extends NoteCallbacks {
  notes: Note[];
  locale?: string;
  /** "Remind me" on each note; without it the notes offer none. */
  remind?: NoteReminders;
}

/** Pinned notes first, then newest first; tombstones never show. */
export function sortNotes(notes: Note[]): Note[] {
  return notes
    .filter((note) => note.deletedAt === null)
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);
}

export function NotesSection({ notes, onAdd, onUpdate, onDelete, locale, remind }: NotesSectionProps) {
  const sorted = sortNotes(notes);
  const titleId = useId();
  return (
    <section class="section" aria-labelledby={titleId}>
      <h3 id={titleId} class="section__title">
        Notes {sorted.length > 0 && <span class="count">{sorted.length}</span>}
      </h3>
      <NoteComposer onAdd={onAdd} />
      {sorted.length > 0 && (
        <ul class="notes" aria-label="Notes, pinned first">
          {sorted.map((note) => (
            <NoteItem key={note.id} note={note} onUpdate={onUpdate} onDelete={onDelete} locale={locale} remind={remind} />
          ))}
        </ul>
      )}
    </section>
  );
}
