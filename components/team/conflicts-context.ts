import { createContext } from 'preact';
import type { ConflictView } from '../../lib/sync/conflict-view';

/** How a card settles an open conflict (the page sends team.resolve); absent: conflicts are shown without picks. */
export interface ConflictSlot {
  onPick(conflict: ConflictView, choice: number): Promise<void>;
}

export const ConflictsContext = createContext<ConflictSlot | null>(null);
