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

/**
 * The pinned notes and the customer's boundaries, at the top of the card, before the next
 * action they bear on ("Prefers phone calls before 11:00"). Nothing when there are none.
 */
export function KeepInMind({ notes, boundaries, onUpdate, onDelete, locale, remind }: Omit<NotesSectionProps, 'onAdd'> & { boundaries: readonly string[] }) {
  const pinned = sortNotes(notes).filter((note) => note.pinned);
  const titleId = useId();
  if (pinned.length === 0 && boundaries.length === 0) return null;
  return (
    <section class="section keep-in-mind" aria-labelledby={titleId}>
      <h3 id={titleId} class="section__title">
        Keep in mind
      </h3>
      {boundaries.length > 0 && (
        <ul class="keep-in-mind__boundaries" aria-label="Boundaries">
          {boundaries.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      {pinned.length > 0 && (
        <ul class="notes" aria-label="Pinned notes">
          {pinned.map((note) => (
            <NoteItem key={note.id} note={note} onUpdate={onUpdate} onDelete={onDelete} locale={locale} remind={remind} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The other notes, newest first, under the composer (the pinned ones are in Keep in mind). */
export function NotesSection({ notes, onAdd, onUpdate, onDelete, locale, remind }: NotesSectionProps) {
  const sorted = sortNotes(notes);
  const others = sorted.filter((note) => !note.pinned);
  const titleId = useId();
  return (
    <section class="section" aria-labelledby={titleId}>
      <h3 id={titleId} class="section__title">
        Notes {sorted.length > 0 && <span class="count">{sorted.length}</span>}
      </h3>
      <NoteComposer onAdd={onAdd} />
      {others.length > 0 && (
        <ul class="notes" aria-label={sorted.length > others.length ? 'Other notes' : 'Notes'}>
          {others.map((note) => (
            <NoteItem key={note.id} note={note} onUpdate={onUpdate} onDelete={onDelete} locale={locale} remind={remind} />
          ))}
        </ul>
      )}
    </section>
  );
}
