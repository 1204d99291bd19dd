/**
 * Enter saves, Shift+Enter is a new line. Keys pressed while an input method is composing
 * (Japanese, Chinese, …) confirm the composition and must not save half a word.
 */
export function isSaveKey(event: KeyboardEvent): boolean {
  return (
    event.key === 'Enter' &&
    !event.shiftKey &&
    !event.isComposing &&
    // Safari reports the confirming Enter as keyCode 229 without isComposing.
    event.keyCode !== 229
  );
}
