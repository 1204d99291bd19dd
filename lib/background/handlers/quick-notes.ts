import {
  addInteraction,
  addQuickNote,
  addReminder,
  choicesFor,
  findCustomersByEmails,
  recentCustomers,
  searchCustomers,
} from '../../db/index';
import type { QUICK_NOTE_MESSAGES } from '../../messaging/messages/quick-notes';
import { parseTags } from '../../quick-notes/tags';
import { authorOf, type BackgroundDeps, type HandlersFor, withDb } from './types';

const RECENT = 8;
const MATCHES = 10;

/** A reminder's title: the note's first line, cut to fit. */
function reminderTitle(body: string): string {
  const line = body.split('\n', 1)[0]?.trim() || body.trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

export function quickNoteHandlers(deps: BackgroundDeps): HandlersFor<typeof QUICK_NOTE_MESSAGES> {
  return {
    async 'quicknote.candidates'({ query, tabId }) {
      const state = tabId === null ? null : await deps.tabs.get(tabId);
      const emails = state?.people.map((p) => p.email) ?? [];
      const byEmail = await withDb(() => findCustomersByEmails(deps.db, emails));
      // In the page's order (sender first), each customer once.
      const tabIds = [...new Set(emails.flatMap((email) => byEmail.get(email)?.id ?? []))];
      const onTab = await withDb(() => choicesFor(deps.db, tabIds));
      const seen = new Set(tabIds);
      const recent = (await withDb(() => recentCustomers(deps.db, RECENT + seen.size))).filter((c) => !seen.has(c.customerId)).slice(0, RECENT);
      const matches = query.trim() === '' ? [] : await withDb(() => searchCustomers(deps.db, query, MATCHES));
      return { onTab, recent, matches };
    },

    async 'quicknote.save'({ customerId, body, onCompany, logAs, remindAt }) {
      const now = deps.now();
      const { note } = await withDb(() =>
        addQuickNote(deps.db, { customerId, body, onCompany, tags: parseTags(body), author: authorOf(deps) }, now),
      );
      const interaction =
        logAs === null
          ? null
          : await withDb(() => addInteraction(deps.db, { customerId, kind: logAs, at: now, summary: body.slice(0, 2000), author: authorOf(deps) }, now));
      const reminder =
        remindAt === null
          ? null
          : await withDb(() => addReminder(deps.db, { customerId, noteId: note.id, title: reminderTitle(body), dueAt: remindAt }, now));
      if (reminder) await deps.reminderAlarms?.arm(reminder);
      return { note, interaction, reminder };
    },

    async 'quicknote.draft'() {
      return (await deps.drafts?.take()) ?? null;
    },
  };
}
