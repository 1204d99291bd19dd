import type { ComponentChildren } from 'preact';
import { ROW_HEIGHT } from './virtual-rows';

interface VirtualRowListProps<R extends { id: string }> {
  /** The window in view (from useVirtualRows). */
  first: number;
  last: number;
  /** The row at an index, or null while its block is still being fetched. */
  rowAt(index: number): R | null;
  /** A loaded row's cells. */
  cells(row: R): ComponentChildren;
}

/** The rows of a virtualized manager list in view, each placed by its index; "…" until loaded. */
export function VirtualRowList<R extends { id: string }>({ first, last, rowAt, cells }: VirtualRowListProps<R>) {
  const rows = [];
  for (let i = first; i < last; i++) {
    const row = rowAt(i);
    rows.push(
      <div class="list__row" role="row" key={row?.id ?? `pending-${i}`} style={{ top: `${i * ROW_HEIGHT}px` }} aria-rowindex={i + 2}>
        {row === null ? (
          <span class="list__cell list__cell--pending" role="cell">…</span>
        ) : (
          cells(row)
        )}
      </div>,
    );
  }
  return <>{rows}</>;
}
