export interface KeyboardSectionProps {
  /** The quick note's shortcut as the browser assigned it; null when none is set, undefined while read. */
  quickNote: string | null | undefined;
  onChangeShortcut: () => void;
}

/** Every key the extension answers to, where it works, and the browser's shortcut for the quick note. */
const KEYS: readonly [keys: string, where: string][] = [
  ['Enter', 'Saves a note in the sidebar; Shift+Enter starts a new line.'],
  ['Ctrl+Enter or ⌘+Enter', 'Saves the quick note in the popup.'],
  ['↑ ↓', 'Move through customers in a search or the popup’s customer list; Enter picks one.'],
  ['← → Home End', 'Move between the people of a conversation; Enter or Space shows one.'],
  ['Escape', 'Closes a search, a date picker or a reminder picker; cancels a note’s edit.'],
  ['Tab, Shift+Tab', 'Reach every button and field, in reading order.'],
];

export function KeyboardSection({ quickNote, onChangeShortcut }: KeyboardSectionProps) {
  return (
    <section class="settings-section" aria-labelledby="keyboard-title">
      <h2 id="keyboard-title">Keyboard shortcuts</h2>
      <dl class="keys">
        <div class="keys__row">
          <dt>{quickNote ? <kbd>{quickNote}</kbd> : 'No shortcut set'}</dt>
          <dd>
            Opens the quick note from any page.{' '}
            <button type="button" class="button button--link" onClick={onChangeShortcut}>
              {quickNote ? 'Change the shortcut' : 'Set a shortcut'}
            </button>
          </dd>
        </div>
        {KEYS.map(([keys, what]) => (
          <div key={keys} class="keys__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
