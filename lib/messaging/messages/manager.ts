import { z } from 'zod';
import { Company, Customer, Id, Money, STAGES, TIERS } from '../../model/records';
import { CustomerDraft, OrderDraft } from '../../import/drafts';
import { DashboardSelection } from '../../insights/dashboard/segment';
import { Mapping } from '../../import/formats/generic';
import { message } from '../define';
import { CustomerCard, CustomerPatch } from '../../model/customer-forms';

/**
 * The manager (options page): imports, backup and restore, the customer and company lists, edits,
 * duplicates.
 * Every message is page-only: content scripts never see customer records. Imports send their
 * rows in chunks of a few thousand (runtime messages are JSON-serialized; one huge message
 * would stall both ends), staged by the background until the commit.
 */

const Ok = z.object({ ok: z.literal(true) });

export { CustomerPatch } from '../../model/customer-forms';

const MAX_CHUNK = 10_000;

export const CommitSummary = z.object({
  customersCreated: z.number().int(),
  customersUpdated: z.number().int(),
  ordersCreated: z.number().int(),
  ordersUpdated: z.number().int(),
  notesAdded: z.number().int(),
  companiesCreated: z.number().int(),
});
export type CommitSummary = z.infer<typeof CommitSummary>;

export const ListQuery = z.object({
  search: z.string().max(200).default(''),
  tier: z.enum([...TIERS, 'Prospect']).nullable().default(null),
  stage: z.enum(STAGES).nullable().default(null),
  tag: z.string().max(60).nullable().default(null),
  sort: z.enum(['name', 'revenue', 'lastOrder']).default('name'),
  descending: z.boolean().default(false),
  /** Only the customers behind a part of the dashboard (lib/insights/dashboard/segment.ts). */
  selection: DashboardSelection.nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListQueryInput = z.input<typeof ListQuery>;

export const ListRow = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  companyName: z.string().nullable(),
  tags: z.array(z.string()),
  tier: z.string().nullable(),
  stage: z.string().nullable(),
  revenue: Money.nullable(),
  orderCount: z.number().int(),
  lastOrderAt: z.number().nullable(),
});
export type ListRow = z.infer<typeof ListRow>;

export const ListPage = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(ListRow), tags: z.array(z.string()) });
export type ListPage = z.infer<typeof ListPage>;

export const DeletedCustomers = z.object({ ids: z.array(Id).max(10_000), deletedAt: z.number().int() });
export type DeletedCustomers = z.infer<typeof DeletedCustomers>;

export const DuplicateGroup = z.object({
  reason: z.enum(['email', 'name_domain']),
  shared: z.string(),
  customers: z.array(ListRow),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const CompanyListQuery = z.object({
  search: z.string().max(200).default(''),
  sort: z.enum(['name', 'revenue', 'lastOrder', 'contacts']).default('name'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type CompanyListQueryInput = z.input<typeof CompanyListQuery>;

export const CompanyListRow = z.object({
  id: Id,
  name: z.string(),
  domains: z.array(z.string()),
  contactCount: z.number().int(),
  /** Per currency, largest first: amounts in different currencies are never added together. */
  revenue: z.array(Money),
  lastOrderAt: z.number().nullable(),
});
export type CompanyListRow = z.infer<typeof CompanyListRow>;

export const CompanyListPage = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(CompanyListRow) });
export type CompanyListPage = z.infer<typeof CompanyListPage>;

const CompanyName = z.string().trim().min(1).max(200);
const CompanyDomains = z.array(z.string().trim().min(3).max(253)).max(50);

export const CompanyDetail = z.object({ company: Company, contacts: z.array(ListRow) });
export type CompanyDetail = z.infer<typeof CompanyDetail>;

/**
 * Asked again after every data change, so only cheap figures: no count of orders, which at a
 * million orders takes seconds to count (sample data reports its own counts).
 */
export const ManagerStatus = z.object({
  customers: z.number().int(),
  lastBackupAt: z.number().nullable(),
  lastImportAt: z.number().nullable(),
  /** When this browser's book first held a customer (the backup reminder counts from there). */
  firstDataAt: z.number().nullable(),
});
export type ManagerStatus = z.infer<typeof ManagerStatus>;

const TableName = z.string().min(1).max(60);

export const MANAGER_MESSAGES = {
  /** Starts an import or restore; sweeps chunks left by imports that never finished. */
  'import.begin': message({ request: z.object({}), reply: z.object({ importId: Id }), senders: ['page'] }),
  'import.stage': message({
    request: z.object({
      importId: Id,
      seq: z.number().int().min(0),
      customers: z.array(CustomerDraft).max(MAX_CHUNK),
      orders: z.array(OrderDraft).max(MAX_CHUNK),
    }),
    reply: Ok,
    senders: ['page'],
  }),
  /** `chunks`: how many the page staged (0…chunks−1); the commit refuses an import missing any. */
  'import.commit': message({ request: z.object({ importId: Id, chunks: z.number().int().min(0) }), reply: CommitSummary, senders: ['page'] }),
  'import.cancel': message({ request: z.object({ importId: Id }), reply: Ok, senders: ['page'] }),
  /** The column mapping remembered for a set of headers (generic CSV). */
  'import.mapping.get': message({ request: z.object({ key: z.string().max(4000) }), reply: z.object({ mapping: Mapping.nullable() }), senders: ['page'] }),
  'import.mapping.save': message({ request: z.object({ key: z.string().max(4000), mapping: Mapping }), reply: Ok, senders: ['page'] }),

  'backup.tables': message({ request: z.object({}), reply: z.object({ counts: z.record(z.string(), z.number().int()) }), senders: ['page'] }),
  'backup.page': message({
    request: z.object({ table: TableName, after: z.string().max(200).nullable(), limit: z.number().int().min(1).max(5000) }),
    reply: z.object({ rows: z.array(z.record(z.string(), z.unknown())), last: z.string().nullable() }),
    senders: ['page'],
  }),
  /** The page saved a full backup: the reminder counts from here. */
  'backup.done': message({ request: z.object({}), reply: Ok, senders: ['page'] }),
  'restore.stage': message({
    request: z.object({ importId: Id, seq: z.number().int().min(0), table: TableName, rows: z.array(z.record(z.string(), z.unknown())).max(MAX_CHUNK) }),
    reply: Ok,
    senders: ['page'],
  }),
  'restore.commit': message({
    request: z.object({ importId: Id, mode: z.enum(['replace', 'merge']), chunks: z.number().int().min(0) }),
    reply: z.object({ written: z.number().int(), skipped: z.number().int() }),
    senders: ['page'],
  }),

  'manager.status': message({ request: z.object({}), reply: ManagerStatus, senders: ['page'] }),
  'manager.list': message({ request: ListQuery, reply: ListPage, senders: ['page'] }),
  'manager.customer': message({ request: z.object({ customerId: Id }), reply: CustomerCard, senders: ['page'] }),
  'manager.customer.update': message({ request: z.object({ customerId: Id, patch: CustomerPatch }), reply: Customer, senders: ['page'] }),
  'manager.customer.delete': message({ request: z.object({ customerIds: z.array(Id).min(1).max(10_000) }), reply: DeletedCustomers, senders: ['page'] }),
  'manager.customer.undoDelete': message({ request: DeletedCustomers, reply: z.object({ restored: z.number().int() }), senders: ['page'] }),
  'manager.duplicates': message({ request: z.object({}), reply: z.object({ groups: z.array(DuplicateGroup) }), senders: ['page'] }),
  'manager.merge': message({ request: z.object({ keepId: Id, otherIds: z.array(Id).min(1).max(50) }), reply: Customer, senders: ['page'] }),
  'manager.company': message({ request: z.object({ companyId: Id }), reply: CompanyDetail, senders: ['page'] }),
  'manager.company.update': message({
    request: z.object({ companyId: Id, name: CompanyName.optional(), domains: CompanyDomains.optional() }),
    reply: Company,
    senders: ['page'],
  }),
  'manager.companies': message({ request: CompanyListQuery, reply: CompanyListPage, senders: ['page'] }),
  /** A company added by hand; domains are normalized to registrable ones or refused with the reason. */
  'manager.company.create': message({ request: z.object({ name: CompanyName, domains: CompanyDomains }), reply: Company, senders: ['page'] }),
} as const;
