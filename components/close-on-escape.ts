/**
 * A keydown handler for something opened by a control (a picker, a search): Escape closes it and
 * puts focus back on the control that opened it, so keyboard users are not left on the page body.
 */
export function closeOnEscape(close: () => void, opener: { readonly current: HTMLElement | null }) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
    opener.current?.focus();
  };
}
