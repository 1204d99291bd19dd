import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupPanel, type StorageInfo } from '../../components/manager/backup-panel';
import { CompanyList } from '../../components/manager/company-list';
import { CompanyPanel } from '../../components/manager/company-panel';
import { CustomerDetail } from '../../components/manager/customer-detail';
import { CustomerList } from '../../components/manager/customer-list';
import { Dashboard } from '../../components/manager/dashboard/dashboard';
import { DuplicatesPanel } from '../../components/manager/duplicates-panel';
import { ImportPanel } from '../../components/manager/import-panel';
import { Manager } from '../../components/manager/manager';
import { ReadOnlyNotice, recoveryActions, RecoveryScreen } from '../../components/recovery/recovery-screen';
import { NewCompanyForm } from '../../components/manager/new-company-form';
import { TodayPanel } from '../../components/manager/today-panel';
import { CAMPAIGN_COLUMNS, campaignRow, toCsv } from '../../lib/export/csv';
import { dateStamp, saveBlob } from '../../lib/manager/download';
import { createPlanStore } from '../../lib/plan/store';
import { createImportStore, type WorkerLike } from '../../lib/import/runner';
import { createManagerStore } from '../../lib/manager/manager-store';
import { createRecoveryStore, needsRecovery } from '../../lib/recovery/store';
import { readCopy } from '../../lib/safety/copies';
import { syncRouteWithHash } from '../../lib/manager/route';
import { request } from '../../lib/messaging/client';
import { parsePushEvent } from '../../lib/messaging/push';
import { PORT_NAME } from '../../lib/messaging/protocol';
import type { TeamStatus } from '../../lib/sync/status';
import { signal } from '@preact/signals';
import { ConflictsContext, type ConflictSlot } from '../../components/team/conflicts-context';
import './style.css';

const imports = createImportStore(
  {
    begin: () => request('import.begin', {}),
    stage: (importId, seq, customers, orders) => request('import.stage', { importId, seq, customers, orders }),
    commit: (importId, chunks) => request('import.commit', { importId, chunks }),
    cancel: (importId) => request('import.cancel', { importId }),
    getMapping: (key) => request('import.mapping.get', { key }),
    saveMapping: (key, mapping) => request('import.mapping.save', { key, mapping }),
  },
  () => new Worker(new URL('../../lib/import/import.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
);
const store = createManagerStore(request, imports);
// Whether the customer book is whole: a lost one gets the recovery screen, never the first run.
const recovery = createRecoveryStore({
  request,
  readCopy: (id) => readCopy(caches, id),
  save: saveBlob,
  now: () => Date.now(),
  onRecovered: () => location.reload(),
});
void recovery.load();

// Today's plan, the same as the popup's, and the win-back campaign list to export.
const plan = createPlanStore({
  today: (limit) => request('insights.today', limit === undefined ? {} : { limit }),
  campaign: () => request('insights.campaign', {}),
});
void plan.load();
async function exportCampaign() {
  const { entries } = await plan.campaign();
  saveBlob(new Blob(['\uFEFF' + toCsv([CAMPAIGN_COLUMNS, ...entries.map(campaignRow)])], { type: 'text/csv' }), `win-back-campaign-${dateStamp(Date.now())}.csv`);
}

// Ask the browser not to evict the database under storage pressure. Only an extension page can
// ask. Chromium answers no to an extension page, but never evicts an origin granted
// unlimitedStorage (the manifest asks for it), so that grant counts as kept too; with neither,
// the backup panel warns.
const storage: StorageInfo = { persisted: null, usage: null, quota: null };
async function readStorage(): Promise<StorageInfo> {
  const persisted = await navigator.storage?.persist?.().catch(() => false);
  const unlimited = await browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { persisted: persisted === true || unlimited ? true : (persisted ?? null), usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

// Pushed "data changed" events from the background, and a reconnect if the worker restarts.
// A burst of writes (logging many interactions, an import's aftermath) pushes one event per
// write; reloading the list for each made the page crawl, so it reloads at most every 300 ms.
let reloadTimer: ReturnType<typeof setTimeout> | undefined;
function dataChanged() {
  reloadTimer ??= setTimeout(() => {
    reloadTimer = undefined;
    store.onDataChanged();
    if (store.view.value === 'today') void plan.load();
  }, 300);
}

// Team sync's status line in the header, refreshed when the background says it changed.
const team = signal<TeamStatus | null>(null);
const refreshTeam = () =>
  void request('team.status', {}).then(
    (status) => (team.value = status),
    () => undefined,
  );

function connect() {
  const port = browser.runtime.connect({ name: PORT_NAME });
  port.onMessage.addListener((raw: unknown) => {
    const event = parsePushEvent(raw);
    if (event?.type === 'team') refreshTeam();
    else if (event) dataChanged();
  });
  port.onDisconnect.addListener(() => setTimeout(connect, 250));
}
connect();
refreshTeam();
void store.refreshStatus();
store.list.reload();
syncRouteWithHash(store.route, store.applyRoute, window);

/** What opens beside a list: a customer, a company or the new-company form. */
function SidePanel() {
  const detail = store.detail.value;
  const company = store.company.value;
  return (
    <>
      {detail.kind !== 'closed' && (
        <CustomerDetail
          state={detail.kind === 'loading' ? { kind: 'loading' } : detail}
          onSave={store.save}
          onDelete={() => void store.remove()}
          onClose={store.close}
          onOpenCompany={(id) => void store.openCompany(id)}
        />
      )}
      {company.kind !== 'closed' && (
        <CompanyPanel
          state={company.kind === 'loading' ? { kind: 'loading' } : company}
          onSave={store.saveCompany}
          onOpenContact={store.openContact}
          onClose={store.closeCompany}
        />
      )}
      {store.creating.value && <NewCompanyForm onCreate={store.createCompany} onCancel={store.cancelCreating} />}
    </>
  );
}

function App() {
  const checked = recovery.state.value;
  if (checked.kind !== 'ready' || needsRecovery(checked.status)) return <Recovery />;
  return (
    <>
      <ReadOnlyNotice status={checked.status} />
      <Book />
    </>
  );
}

function Recovery() {
  return (
    <RecoveryScreen
      state={recovery.state.value}
      task={recovery.task.value}
      {...recoveryActions(recovery)}
    />
  );
}

/** The manager itself, once the book is known to be whole. */
function Book() {
  const [info, setInfo] = useState(storage);
  useEffect(() => void readStorage().then(setInfo), []);
  const importState = imports.state.value;
  useEffect(() => {
    if (importState.kind === 'done') store.onDataChanged();
  }, [importState.kind]);
  const status = store.status.value;
  return (
    <Manager
      view={store.view.value}
      customers={status?.customers ?? null}
      statusError={store.statusError.value}
      backupDue={store.backupDue()}
      team={team.value}
      undo={store.undo.value}
      onView={(view) => {
        store.setView(view);
        if (view === 'today') void plan.load();
      }}
      onAddCustomer={store.addCustomer}
      onLoadSample={() => store.loadSample()}
      onUndo={() => void store.undoDelete()}
      onDismissUndo={store.dismissUndo}
    >
      {store.view.value === 'dashboard' && status !== null && status.customers > 0 && (
        <Dashboard
          state={store.dashboard.state.value}
          filters={store.dashboard.filters.value}
          onFilters={store.dashboard.setFilters}
          onCsv={store.dashboard.downloadCsv}
          onPrint={() => window.print()}
          onRetry={() => void store.dashboard.load()}
        />
      )}
      {store.view.value === 'customers' && (
        <>
          <CustomerList
            filters={store.list.filters.value}
            tags={store.list.tags.value}
            total={store.list.total.value}
            status={store.list.status.value}
            version={store.list.version.value}
            rowAt={store.list.rowAt}
            onRange={store.list.want}
            onFilters={store.list.setFilters}
            onOpen={(id) => void store.open(id)}
          />
          <SidePanel />
        </>
      )}
      {store.view.value === 'today' && (
        <TodayPanel
          state={plan.plan.value}
          onOpen={(entry) => {
            store.setView('customers');
            void store.open(entry.customerId);
          }}
          onMore={() => void plan.showMore()}
          onExportCampaign={exportCampaign}
        />
      )}
      {store.view.value === 'companies' && (
        <>
          <CompanyList
            filters={store.companies.filters.value}
            total={store.companies.total.value}
            status={store.companies.status.value}
            version={store.companies.version.value}
            rowAt={store.companies.rowAt}
            onRange={store.companies.want}
            onFilters={store.companies.setFilters}
            onOpen={(id) => void store.openCompany(id)}
            onNew={store.startCreating}
          />
          <SidePanel />
        </>
      )}
      {store.view.value === 'import' && (
        <ImportPanel
          state={importState}
          blockers={imports.blockers()}
          onChoose={(file) => void imports.choose(file)}
          onMapping={imports.setMapping}
          onCurrency={imports.setCurrency}
          onStart={() => void imports.start()}
          onCancel={() => void imports.cancel()}
          onCommit={() => void imports.commit()}
          onDownloadBad={store.downloadBadRows}
          onReset={imports.reset}
        />
      )}
      {store.view.value === 'duplicates' && <DuplicatesPanel state={store.duplicates.value} onFind={() => void store.findDuplicates()} onMerge={(keep, others) => void store.merge(keep, others)} />}
      {store.view.value === 'backup' && (
        <BackupPanel storage={info} lastBackupAt={status?.lastBackupAt ?? null} task={store.task.value} onBackup={() => void store.backup()} onRestore={(f, m) => void store.restore(f, m)} onExport={(k) => void store.exportAs(k)} />
      )}
    </Manager>
  );
}

const root = document.getElementById('app');
// A pick on a team conflict in the customer's panel; the panel follows the push that it causes.
const conflicts: ConflictSlot = {
  onPick: async (conflict, choice) => {
    await request('team.resolve', { table: conflict.table, key: conflict.key, field: conflict.field, choice });
  },
};
if (root)
  render(
    <ConflictsContext.Provider value={conflicts}>
      <App />
    </ConflictsContext.Provider>,
    root,
  );
