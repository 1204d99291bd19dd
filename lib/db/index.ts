/**
 * The database layer's one entry: every read and write the background makes, as plain async
 * functions taking the database. Writes validate with zod, run in one Dexie transaction
 * (awaiting only Dexie inside it), keep each customer's cached figures current, and throw only
 * DbError. Every write reports through the change signal (./changes.ts).
 */
export { addInteraction, addOrder, deleteOrder, NewInteraction, NewOrder } from './activity';
export { backupTableNames, commitRestore, readTablePage, rowSchemaFor, tableCounts, type RestoreMode } from './backup';
export { bulkInsert, isDatabaseEmpty, type RecordBatch } from './bulk';
export {
  CHANGE_ORIGINS,
  dropJournal,
  isJournaling,
  onDataChange,
  readJournal,
  setJournaling,
  SHARED_TABLES,
  tagOrigin,
  type ChangeOrigin,
  type DataChange,
  type JournalEntry,
} from './changes';
export { findCompanyByDomain, type CompanyRecords } from './companies';
export { createCompany, getCompany, updateCompany } from './company-edit';
export { CompanyIndex } from './company-list';
export { deleteCustomers, mergeCustomers, undoDelete, updateCustomer, type DeletedCustomers } from './customer-edit';
export { CustomerIndex, toListRow } from './customer-list';
export { createCustomer, findCustomersByEmails, getCustomerCard } from './customers';
export { readDashboardBook, writeDashboardBook } from './dashboard-book';
export { openDatabase } from './database';
export { LATEST_SCHEMA, type CrmDatabase } from './schema';
export { findDuplicates } from './duplicates';
export { DB_ERROR_CODES, DbError, type DbErrorCode } from './errors';
export { commitImport, LAST_IMPORT_KEY, type CommitSummary } from './import-commit';
export { beginRun, discardImport, IncompleteImportError, stageChunk, stageRunChunk, sweepStaging } from './import-staging';
export {
  classificationChanged,
  customerLabels,
  purgeExpiredSnoozes,
  putHold,
  readAllHolds,
  readCustomerFacts,
  readFactsInPages,
  readHoldRows,
  readHolds,
  readMeta,
  undoHold,
  writeClassifications,
  writeDerivedMeta,
} from './insights';
export {
  acknowledgeJournal,
  applyRemote,
  clearTeamSettings,
  conflictOf,
  conflictsOfCustomer,
  countJournal,
  hasCustomers,
  journalSeq,
  loadTeamSettings,
  pendingChanges,
  readSynced,
  resetSyncState,
  saveTeamSettings,
  syncDocStates,
  tableKeys,
  type ApplyBatch,
  type ApplyOutcome,
  type ApplyRow,
  type PendingChange,
  type RecordConflicts,
  type SyncConflictRow,
  type SyncDocRow,
} from './sync-store';
export { addNote, deleteNote, updateNote, type NewNote, type NoteChanges } from './notes';
export { FIRST_DATA_KEY, markFirstData, readFirstDataAt } from './first-data';
export { choicesFor, recentCustomers, searchCustomers, type CustomerChoice } from './customer-search';
export { adoptLegacyPrefs, LEGACY_MOVED_KEY, readPrefs, writePrefs, type PrefsArea } from './prefs';
export { addQuickNote, NewQuickNote } from './quick-notes';
export { bookCounts, holdsData, installedSchema, readOnlyReason, setReadOnly, type BookCounts } from './safety';
export { addReminder, changeReminder, customerReminders, getReminder, NewReminder, openReminders, pendingReminders, type ReminderChange } from './reminders';
