import { batch, computed, signal } from '@preact/signals';
import { guessCompanyFromEmail } from '../email/company';
import type { Company, Customer, Order } from '../model/records';
import { readBackup, writeBackup } from '../export/backup-file';
import { CUSTOMER_COLUMNS, customerRow, ORDER_COLUMNS, orderRow, toCsv } from '../export/csv';
import { toVcard } from '../export/vcard';
import { badRowsCsv, type ImportStore } from '../import/runner';
import type { ReplyOf, RequestOf } from '../messaging/protocol';
import { restoreBackup, type Request } from '../recovery/restore';
import { createDashboardStore } from './dashboard-store';
import { dateStamp, saveBlob } from './download';
import { createCompanyListStore, createListStore } from './list-store';
import { sameRoute, type Opened, type Route, type View } from './route';
import { countOf, formatCount, formatSize } from '../format';

/**
 * The manager page's state and actions, apart from the import flow (lib/import/runner.ts):
 * status and reminders, the customer and company lists, the open customer or company (or the
 * new-company form), duplicates, backup / restore / export tasks, and the undo of the last delete.
 */

export type { Request } from '../recovery/restore';

export const BACKUP_REMINDER_DAYS = 30;
const DAY = 86_400_000;

export type { View } from './route';
type Status = ReplyOf<'manager.status'>;
type TaskState = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };
type Detail = { kind: 'closed' } | { kind: 'loading'; id: string } | { kind: 'error'; id: string; message: string } | { kind: 'card'; card: ReplyOf<'manager.customer'> };
type CompanyView = { kind: 'closed' } | { kind: 'loading'; id: string } | { kind: 'error'; id: string; message: string } | { kind: 'company'; detail: ReplyOf<'manager.company'> };
type Duplicates = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'groups'; groups: ReplyOf<'manager.duplicates'>['groups'] };

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createManagerStore(request: Request, importStore: ImportStore, now: () => number = Date.now) {
  const view = signal<View>('dashboard');
  const status = signal<Status | null>(null);
  const statusError = signal<string | null>(null);
  const detail = signal<Detail>({ kind: 'closed' });
  const duplicates = signal<Duplicates>({ kind: 'idle' });
  /** The open company; it takes the customer's place beside the list. */
  const company = signal<CompanyView>({ kind: 'closed' });
  const task = signal<TaskState>({ kind: 'idle' });
  const undo = signal<{ label: string; deleted: ReplyOf<'manager.customer.delete'> } | null>(null);
  const list = createListStore((query) => request('manager.list', query));
  const companies = createCompanyListStore((query) => request('manager.companies', query));
  const dashboard = createDashboardStore((filters) => request('dashboard.data', { filters }), now);
  /** The new-company form, in the place of the open customer or company. */
  const creating = signal(false);

  /** Where the page is, for the URL hash (./route.ts). */
  const route = computed<Route>(() => {
    const d = detail.value;
    const c = company.value;
    const open: Opened | null =
      c.kind === 'company' ? { kind: 'company', id: c.detail.company.id } : c.kind !== 'closed' ? { kind: 'company', id: c.id } : d.kind === 'card' ? { kind: 'customer', id: d.card.customer.id } : d.kind !== 'closed' ? { kind: 'customer', id: d.id } : null;
    const only = view.value === 'customers' ? list.filters.value.selection : null;
    return only ? { view: view.value, open, only } : { view: view.value, open };
  });

  function closePanels() {
    detail.value = { kind: 'closed' };
    company.value = { kind: 'closed' };
    creating.value = false;
  }

  /**
   * Shows a section. The company list is fetched only while it is shown: building it reads
   * every customer in the background, which is wasted while the owner is elsewhere.
   */
  function show(next: View) {
    const entering = next !== view.value;
    view.value = next;
    if (entering && next === 'companies') companies.reload(true);
    if (entering && next === 'dashboard') showDashboard();
  }

  /** The customer list narrowed to a part of the dashboard, or (null) to every customer. */
  function narrow(only: Route['only'] | null) {
    const next = only ?? null;
    if (JSON.stringify(list.filters.value.selection) !== JSON.stringify(next)) list.setFilters({ selection: next });
  }

  /** The company list follows a change only while it is shown (and reloads when shown again). */
  function refreshCompanies() {
    if (view.value === 'companies') companies.reload(true);
  }

  /** A section chosen in the navigation starts with nothing open beside its list. */
  function setView(next: View) {
    batch(() => {
      show(next);
      closePanels();
      if (next === 'customers') narrow(null);
    });
  }

  /** A route from the hash (Back, reload, a typed address); the page's own route is a no-op. */
  function applyRoute(next: Route) {
    if (sameRoute(next, route.value)) return;
    // One change of place: the address follows once, not once per signal (a Back would land
    // on a half-applied place such as the bare list before its narrowing).
    batch(() => {
      show(next.view);
      if (next.view === 'customers') narrow(next.only);
      if (next.open === null) closePanels();
      else if (next.open.kind === 'company') void openCompany(next.open.id);
      else void open(next.open.id);
    });
  }

  async function refreshStatus() {
    try {
      status.value = await request('manager.status', {});
      statusError.value = null;
    } catch (error) {
      statusError.value = text(error);
    }
    if (view.value === 'dashboard') showDashboard();
  }

  /**
   * The dashboard's figures, once the book is known to hold customers: an empty book shows the
   * welcome instead, and asking the background for figures of nothing would only make it
   * compute them.
   */
  function showDashboard() {
    if ((status.value?.customers ?? 0) > 0) dashboard.show();
  }

  function backupDue(): boolean {
    const s = status.value;
    if (s === null || s.customers === 0) return false;
    // Counted from the last backup, or from the day the book first held a customer: a book made
    // today (an import, the sample) is not yet due, whatever dates its customers carry.
    const since = s.lastBackupAt ?? s.firstDataAt;
    return since === null || now() - since > BACKUP_REMINDER_DAYS * DAY;
  }

  /** Something changed in the database (here or in another tab). */
  function onDataChanged() {
    void refreshStatus();
    list.reload(true);
    refreshCompanies();
    // Marked stale here; reloaded when the new status says there is a book to show.
    dashboard.onDataChanged();
    const d = detail.value;
    if (d.kind === 'card') void open(d.card.customer.id, true);
    const c = company.value;
    if (c.kind === 'company') void openCompany(c.detail.company.id, true);
  }

  async function openCompany(id: string, quiet = false) {
    if (!quiet) {
      detail.value = { kind: 'closed' };
      creating.value = false;
      company.value = { kind: 'loading', id };
    }
    try {
      company.value = { kind: 'company', detail: await request('manager.company', { companyId: id }) };
    } catch (error) {
      company.value = { kind: 'error', id, message: text(error) };
    }
  }

  /** Rejects with the background's reason (free-mail or taken domain) so the form keeps its values. */
  async function saveCompany(patch: { name: string; domains: string[] }) {
    const c = company.value;
    if (c.kind !== 'company') return;
    await request('manager.company.update', { companyId: c.detail.company.id, name: patch.name, domains: patch.domains });
    await openCompany(c.detail.company.id, true);
    list.reload(true);
    refreshCompanies();
  }

  /** Rejects with the background's reason (not a domain, free-mail, taken) so the form keeps its values. */
  async function createCompany(input: { name: string; domains: string[] }) {
    const created = await request('manager.company.create', input);
    refreshCompanies();
    await openCompany(created.id);
  }

  /** A contact of the open company: the company closes, the customer opens. */
  function openContact(customerId: string) {
    company.value = { kind: 'closed' };
    void open(customerId);
  }

  async function open(id: string, quiet = false) {
    if (!quiet) {
      company.value = { kind: 'closed' };
      creating.value = false;
      detail.value = { kind: 'loading', id };
    }
    try {
      detail.value = { kind: 'card', card: await request('manager.customer', { customerId: id }) };
    } catch (error) {
      detail.value = { kind: 'error', id, message: text(error) };
    }
  }

  async function save(patch: RequestOf<'manager.customer.update'>['patch']) {
    const d = detail.value;
    if (d.kind !== 'card') return;
    await request('manager.customer.update', { customerId: d.card.customer.id, patch });
    await open(d.card.customer.id, true);
    list.reload(true);
    refreshCompanies();
  }

  async function remove() {
    const d = detail.value;
    if (d.kind !== 'card') return;
    try {
      const deleted = await request('manager.customer.delete', { customerIds: [d.card.customer.id] });
      undo.value = { label: `Deleted ${d.card.customer.name || d.card.customer.emails[0] || 'the customer'}.`, deleted };
      detail.value = { kind: 'closed' };
      onDataChanged();
    } catch (error) {
      detail.value = { kind: 'error', id: d.card.customer.id, message: text(error) };
    }
  }

  async function undoDelete() {
    const u = undo.value;
    if (u === null) return;
    undo.value = null;
    await request('manager.customer.undoDelete', u.deleted);
    onDataChanged();
  }

  async function findDuplicates() {
    duplicates.value = { kind: 'loading' };
    try {
      duplicates.value = { kind: 'groups', groups: (await request('manager.duplicates', {})).groups };
    } catch (error) {
      duplicates.value = { kind: 'error', message: text(error) };
    }
  }

  async function merge(keepId: string, otherIds: string[]) {
    try {
      await request('manager.merge', { keepId, otherIds });
      await findDuplicates();
      onDataChanged();
    } catch (error) {
      duplicates.value = { kind: 'error', message: text(error) };
    }
  }

  async function run(label: string, work: () => Promise<string>) {
    task.value = { kind: 'busy', label };
    try {
      task.value = { kind: 'done', message: await work() };
    } catch (error) {
      task.value = { kind: 'error', message: text(error) };
    }
  }

  const source = {
    tables: async () => (await request('backup.tables', {})).counts,
    page: (table: string, after: string | null, limit: number) => request('backup.page', { table, after, limit }),
  };

  async function readAll<T>(table: string): Promise<T[]> {
    const rows: T[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReplyOf<'backup.page'> = await request('backup.page', { table, after, limit: 5000 });
      rows.push(...(page.rows as T[]));
      if (page.rows.length < 5000 || page.last === null) return rows;
      after = page.last;
    }
  }

  const backup = () =>
    run('Writing the backup…', async () => {
      const blob = await writeBackup(source, now(), (rows) => (task.value = { kind: 'busy', label: `Writing the backup… ${formatCount(rows)} rows` }));
      saveBlob(blob, `crm-backup-${dateStamp(now())}.json`);
      await request('backup.done', {});
      await refreshStatus();
      return `Backup saved (${formatSize(blob.size)}).`;
    });

  const restore = (file: File, mode: 'replace' | 'merge') =>
    run('Checking the backup…', async () => {
      const parsed = await readBackup(file);
      if (!parsed.ok) throw new Error(parsed.reason);
      try {
        const summary = await restoreBackup(request, parsed.backup, mode, (sent) => {
          task.value = { kind: 'busy', label: sent < parsed.rows ? `Checking the backup… ${formatCount(sent)} of ${formatCount(parsed.rows)} rows` : 'Restoring…' };
        });
        onDataChanged();
        return `Restored ${formatCount(summary.written)} rows${summary.skipped > 0 ? ` (${formatCount(summary.skipped)} kept as they were here)` : ''}.`;
      } catch (error) {
        throw new Error(`${text(error)} Nothing was restored.`);
      }
    });

  const exportAs = (kind: 'customers-csv' | 'orders-csv' | 'vcard') =>
    run('Preparing the export…', async () => {
      const customers = (await readAll<Customer>('customers')).filter((c) => c.deletedAt === null);
      const companies = new Map((await readAll<Company>('companies')).map((c) => [c.id, c]));
      const stamp = dateStamp(now());
      if (kind === 'customers-csv') {
        saveBlob(new Blob(['\uFEFF' + toCsv([CUSTOMER_COLUMNS, ...customers.map((c) => customerRow(c, companies))])], { type: 'text/csv' }), `customers-${stamp}.csv`);
        return `Exported ${countOf(customers.length, 'customer', 'customers')}.`;
      }
      if (kind === 'orders-csv') {
        const byId = new Map(customers.map((c) => [c.id, c]));
        const orders = (await readAll<Order>('orders')).filter((o) => o.deletedAt === null);
        saveBlob(new Blob(['\uFEFF' + toCsv([ORDER_COLUMNS, ...orders.map((o) => orderRow(o, byId))])], { type: 'text/csv' }), `orders-${stamp}.csv`);
        return `Exported ${countOf(orders.length, 'order', 'orders')}.`;
      }
      const cards = customers.filter((c) => c.emails.length > 0).map((c) => toVcard(c, c.companyId === null ? null : (companies.get(c.companyId) ?? null)));
      saveBlob(new Blob(cards, { type: 'text/vcard' }), `contacts-${stamp}.vcf`);
      return `Exported ${countOf(cards.length, 'contact', 'contacts')}.`;
    });

  function downloadBadRows() {
    const s = importStore.state.value;
    const outcome = s.kind === 'review' || s.kind === 'done' ? s.outcome : s.kind === 'error' ? s.outcome : undefined;
    if (!outcome) return;
    saveBlob(new Blob([badRowsCsv(outcome.bad, toCsv)], { type: 'text/csv' }), 'rows-not-imported.csv');
  }

  /** Loads the sample business; resolves to what it loaded. */
  async function loadSample(): Promise<{ customers: number; orders: number }> {
    const loaded = await request('sample.load', {});
    onDataChanged();
    return loaded;
  }

  /** The first run's "Add a customer": adds them (the company guessed from the address) and opens them. */
  async function addCustomer(input: { name: string; email: string }): Promise<void> {
    const { customerId } = await request('customer.create', { name: input.name, email: input.email, companyName: guessCompanyFromEmail(input.email)?.name ?? null, phone: null, tags: [] });
    await refreshStatus();
    onDataChanged();
    await open(customerId);
  }

  return {
    view,
    route,
    setView,
    applyRoute,
    status,
    statusError,
    detail,
    duplicates,
    task,
    undo,
    list,
    companies,
    dashboard,
    creating,
    startCreating: () => {
      closePanels();
      creating.value = true;
    },
    cancelCreating: () => (creating.value = false),
    createCompany,
    backupDue,
    refreshStatus,
    onDataChanged,
    open,
    close: () => (detail.value = { kind: 'closed' }),
    company,
    openCompany: (id: string) => openCompany(id),
    saveCompany,
    openContact,
    closeCompany: () => (company.value = { kind: 'closed' }),
    save,
    remove,
    undoDelete,
    dismissUndo: () => (undo.value = null),
    findDuplicates,
    merge,
    backup,
    restore,
    exportAs,
    downloadBadRows,
    loadSample,
    addCustomer,
  };
}

export type ManagerStore = ReturnType<typeof createManagerStore>;
