/**
 * The repository: every read and write the background makes, as plain async functions taking
 * the database. Writes validate with zod, run in one Dexie transaction (awaiting only Dexie
 * inside it), keep each customer's cached figures current, and throw only DbError.
 */
export { addInteraction, addOrder, deleteOrder, NewInteraction, NewOrder, refreshStats } from './activity';
export { bulkInsert, isDatabaseEmpty, type RecordBatch } from './bulk';
export { createCustomer, findCustomersByEmails, getCustomerCard } from './customers';
export { DB_ERROR_CODES, DbError, type DbErrorCode } from './errors';
export { addNote, deleteNote, updateNote, type NewNote, type NoteChanges } from './notes';
export { computeStats } from './stats';
export { choicesFor, liveCustomers, recentCustomers, searchCustomers, type CustomerChoice } from './customer-search';
export { addQuickNote, NewQuickNote } from './quick-notes';
export { addReminder, changeReminder, customerReminders, getReminder, NewReminder, openReminders, pendingReminders, type ReminderChange } from './reminders';
