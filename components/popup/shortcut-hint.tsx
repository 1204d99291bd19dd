/**
 * The quick note's keyboard shortcut as the browser really assigned it, and a one-click way to
 * the browser's shortcut page: to change it, or to set one where none was assigned.
 * `shortcut`: undefined while it is being read, null when the browser left it empty.
 */
export function ShortcutHint({ shortcut, onSet }: { shortcut: string | null | undefined; onSet: () => void }) {
  if (shortcut === undefined) return null;
  if (shortcut === null) {
    return (
      <button type="button" class="button button--link" onClick={onSet} title="No keyboard shortcut opens the quick note yet">
        Set a shortcut
      </button>
    );
  }
  return (
    <button
      type="button"
      class="button button--link shortcut-hint"
      onClick={onSet}
      title="Change the keyboard shortcut"
      aria-label={`Keyboard shortcut ${shortcut}: change it`}
    >
      <kbd>{shortcut}</kbd>
    </button>
  );
}
