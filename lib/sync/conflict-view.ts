import type { SyncTable } from './layout';
import type { RecordConflicts } from './local-store';

/**
 * Open conflicts in words for the card: which field, the value kept (and who wrote it, when)
 * and the others. Values are shown as text, never as markup.
 */

export interface ConflictChoice {
  text: string;
  name: string | null;
  at: number;
}

export interface ConflictView {
  table: SyncTable;
  key: string;
  field: string;
  label: string;
  deletion: boolean;
  current: ConflictChoice;
  others: ConflictChoice[];
}

const LABELS: Record<string, string> = {
  name: 'Name',
  emails: 'Email addresses',
  phone: 'Phone',
  companyId: 'Company',
  tags: 'Tags',
  birthday: 'Birthday',
  preferredChannel: 'Preferred channel',
  difficult: 'Difficult customer',
  family: 'Family',
  interests: 'Interests',
  tierOverride: 'Tier set by hand',
  body: 'Note',
  pinned: 'Pinned',
  summary: 'Summary',
  kind: 'Kind',
  at: 'Date',
  domains: 'Domains',
  consent: 'Consent',
  deletedAt: 'Deleted',
};

const RECORD: Record<SyncTable, string> = {
  customers: 'customer',
  companies: 'company',
  notes: 'note',
  interactions: 'interaction',
  orderBooks: 'orders',
  suggestionHolds: 'next action',
};

export function valueText(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (field === 'deletedAt') return typeof value === 'number' ? 'Deleted' : 'Kept';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function conflictViews(records: readonly RecordConflicts[], nameOf: (memberId: string) => string | null): ConflictView[] {
  const views: ConflictView[] = [];
  for (const record of records) {
    for (const [field, { current, others }] of Object.entries(record.fields)) {
      const deletion = field === 'deletedAt';
      const what = RECORD[record.table];
      views.push({
        table: record.table,
        key: record.key,
        field,
        label: deletion ? `This ${what} was deleted while someone edited it` : record.table === 'customers' ? (LABELS[field] ?? field) : `${what[0]?.toUpperCase()}${what.slice(1)}: ${LABELS[field] ?? field}`,
        deletion,
        current: { text: deletion ? 'Keep it, with the edit' : valueText(field, current.v), name: current.clock ? nameOf(current.clock[1]) : null, at: current.clock?.[0] ?? 0 },
        others: others.map((alt) => ({ text: deletion ? 'Delete it' : valueText(field, alt.v), name: nameOf(alt.by), at: alt.at })),
      });
    }
  }
  return views;
}
