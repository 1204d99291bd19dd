/**
 * The tables a team shares (DESIGN.md, Data), in the order a fresh browser applies them
 * (companies before their contacts). Everything else is personal or derived and never synced.
 * No imports: pages and the message protocol name these without pulling in the database.
 */
export const SYNC_TABLES = ['companies', 'customers', 'orderBooks', 'interactions', 'notes', 'suggestionHolds'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export function isSyncTable(table: string): table is SyncTable {
  return (SYNC_TABLES as readonly string[]).includes(table);
}
