/**
 * What a manager side panel shows before its record is there: "Loading …" while it is read,
 * or the reason it could not be, with a way to close the panel.
 */
export function PanelNotice(props: { state: { kind: 'loading' } | { kind: 'error'; message: string }; loading: string; onClose(): void }) {
  if (props.state.kind === 'loading') return <aside class="detail" role="status">{props.loading}</aside>;
  return (
    <aside class="detail" role="alert">
      <p>{props.state.message}</p>
      <button type="button" class="secondary" onClick={props.onClose}>Close</button>
    </aside>
  );
}
