import type { SyncTable } from '../db/sync-codec';
import type { MergePolicy } from './merge';

/**
 * How each shared table's clashes are settled (./merge.ts). What people type (a customer's
 * fields, a note, an interaction, a company) is theirs to pick when two edits clash; lists merge
 * as their union; orders (from the shop's exports) and next-action state take the later edit.
 */
const personOwned: MergePolicy = {
  clash: (field) => (field === 'tags' || field === 'emails' || field === 'domains' ? 'union' : 'conflict'),
  carried: ['updatedAt'],
  tombstone: 'deletedAt',
};
const silent: MergePolicy = { clash: () => 'later', carried: [], tombstone: null };

export const POLICIES: Record<SyncTable, MergePolicy> = {
  customers: personOwned,
  companies: personOwned,
  notes: personOwned,
  interactions: personOwned,
  orderBooks: silent,
  suggestionHolds: silent,
};
