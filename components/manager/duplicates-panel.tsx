import type { DuplicateGroup } from '../../lib/messaging/protocol';
import { countOf } from '../format';

export type DuplicatesState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'groups'; groups: DuplicateGroup[] };

export interface DuplicatesPanelProps {
  state: DuplicatesState;
  onFind(): void;
  onMerge(keepId: string, otherIds: string[]): void;
}

/** Suggested duplicates (shared address, or same name at the same company domain) and merge. */
export function DuplicatesPanel({ state, onFind, onMerge }: DuplicatesPanelProps) {
  return (
    <section class="panel" aria-labelledby="dup-title">
      <h2 id="dup-title">Duplicates</h2>
      <p>Merging keeps every email address, order, note and interaction on the customer you keep.</p>
      <button type="button" onClick={onFind} disabled={state.kind === 'loading'}>{state.kind === 'loading' ? 'Looking…' : 'Find duplicates'}</button>
      {state.kind === 'error' && <p class="banner banner--error" role="alert">{state.message}</p>}
      {state.kind === 'groups' && state.groups.length === 0 && <p class="empty">No likely duplicates.</p>}
      {state.kind === 'groups' &&
        state.groups.map((group) => (
          <div class="dup-group" key={group.shared}>
            <p>
              {group.reason === 'email' ? 'Same address' : 'Same name at the same company'}: <strong>{group.shared}</strong>
            </p>
            <ul>
              {group.customers.map((c) => (
                <li key={c.id}>
                  {c.name || c.email} ({c.email}, {countOf(c.orderCount, 'order', 'orders')}){' '}
                  <button type="button" class="secondary" onClick={() => onMerge(c.id, group.customers.filter((o) => o.id !== c.id).map((o) => o.id))}>
                    Keep this one and merge the others into it
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
